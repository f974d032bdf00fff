/*
 * The catalog: the seed fleet as kubernetes-cluster resources with what the other
 * plugins read from them, a cluster new in Azure there within 10 s of its refresh, and
 * the catalog pages listing the cluster resources and the example components.
 */

const {
  signInAsGuest,
  guestToken,
  eventually,
  armRequest,
  clusterEntityWithin10s,
  SEED_FLEET_CLUSTERS,
} = require('./support');

const NETWORK_MODELS = [
  'azure-cni-overlay',
  'azure-cni-pod-subnet',
  'azure-cni-node-subnet',
  'kubenet',
  'byo-cni',
];

module.exports = [
  {
    name: 'catalog lists the seed fleet as kubernetes-cluster resources',
    async run({ backendUrl }) {
      const token = await guestToken(backendUrl);
      const url = `${backendUrl}/api/catalog/entities?filter=kind=resource,spec.type=kubernetes-cluster`;
      // The backend syncs the simulator, then the catalog module applies the entities.
      const entities = await eventually(async () => {
        const res = await fetch(url, {
          headers: { Authorization: `Bearer ${token}` },
        });
        if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
        const list = await res.json();
        if (list.length !== SEED_FLEET_CLUSTERS) {
          throw new Error(
            `${list.length} cluster entities, expected ${SEED_FLEET_CLUSTERS}`,
          );
        }
        return list;
      });
      const models = new Set();
      for (const entity of entities) {
        const a = entity.metadata.annotations ?? {};
        for (const key of [
          'management.azure.com/resourceId',
          'aks.azure.com/network-model',
          // What the Kubernetes plugin's catalog cluster locator requires.
          'kubernetes.io/api-server',
          'kubernetes.io/api-server-certificate-authority',
          'kubernetes.io/auth-provider',
        ]) {
          if (!a[key]) throw new Error(`${entity.metadata.name} lacks ${key}`);
        }
        const model = a['aks.azure.com/network-model'];
        models.add(model);
        // kubenet and a BYO CNI have no Azure dataplane: no annotation rather than
        // 'azure'; every Azure CNI cluster names its dataplane.
        const dataplane = a['aks.azure.com/network-dataplane'];
        const noAzureDataplane = model === 'kubenet' || model === 'byo-cni';
        if (noAzureDataplane ? dataplane !== undefined : !dataplane) {
          throw new Error(
            `${entity.metadata.name} (${model}) has network-dataplane ${dataplane}`,
          );
        }
      }
      const missing = NETWORK_MODELS.filter(m => !models.has(m));
      if (missing.length)
        throw new Error(`no cluster of model ${missing.join(', ')}`);
    },
  },
  {
    name: 'a cluster created in Azure is in the catalog within 10 s of its refresh',
    async run({ backendUrl, log }) {
      const token = await guestToken(backendUrl);
      const id =
        '/subscriptions/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d/resourceGroups/rg-aks-payments-dev' +
        `/providers/Microsoft.ContainerService/managedClusters/aks-e2e-${Date.now().toString(
          36,
        )}`;
      const put = await armRequest('PUT', `${id}?api-version=2026-06-01`, {
        location: 'westeurope',
        // Another component than payments-api, whose card flow 3 (posture-card.js) reads
        // as seeded.
        tags: { owner: 'team-payments', component: 'payments-worker' },
        properties: {
          dnsPrefix: 'aks-e2e',
          networkProfile: {
            networkPlugin: 'azure',
            networkPluginMode: 'overlay',
          },
          agentPoolProfiles: [
            {
              name: 'system',
              mode: 'System',
              count: 1,
              vmSize: 'Standard_D4s_v5',
            },
          ],
        },
      });
      if (put.status !== 201 && put.status !== 200) {
        throw new Error(
          `PUT cluster: HTTP ${put.status} ${JSON.stringify(put.body)}`,
        );
      }
      await eventually(
        async () => {
          const get = await armRequest('GET', `${id}?api-version=2026-06-01`);
          return get.body?.properties?.provisioningState === 'Succeeded';
        },
        { timeoutMs: 60_000, intervalMs: 500 },
      );

      const refreshed = Date.now();
      const res = await fetch(`${backendUrl}/api/aks-network/refresh`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ clusterId: id }),
      });
      if (!res.ok)
        throw new Error(`refresh: HTTP ${res.status} ${await res.text()}`);
      // The scheduled path would take up to a sync (60 s) plus a provider run (30 s);
      // the refresh's event must beat both.
      const entity = await clusterEntityWithin10s(backendUrl, token, id);
      log(
        `entity ${entity.metadata.name} in the catalog ${
          Date.now() - refreshed
        } ms after the refresh call`,
      );
      if (entity.spec.owner !== 'group:default/team-payments') {
        throw new Error(`owner ${entity.spec.owner}`);
      }
    },
  },
  {
    name: 'catalog page shows the cluster resources',
    async run({ page, appUrl }) {
      await page.goto(
        `${appUrl}/catalog?filters%5Bkind%5D=resource&filters%5Btype%5D=kubernetes-cluster&filters%5Buser%5D=all`,
      );
      await signInAsGuest(page);
      await page
        .getByRole('link', { name: /aks-checkout-prod-weu/ })
        .waitFor({ timeout: 90_000 });
    },
  },
  {
    name: 'catalog page lists the example components',
    async run({ page, appUrl }) {
      await page.goto(`${appUrl}/catalog`);
      await signInAsGuest(page);
      await page
        .getByRole('link', { name: 'example-website' })
        .waitFor({ timeout: 60_000 });
    },
  },
];
