/*
 * The user flows, each proven in a real browser against the running app.
 */

const { signInAsGuest } = require('./browser');

/** A guest's Backstage token, the way the app's sign-in gets one. */
async function guestToken(backendUrl) {
  const res = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in failed: HTTP ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

/** Polls until `check` returns a value, or fails with the last reason. */
async function eventually(
  check,
  { timeoutMs = 120_000, intervalMs = 3000, stopOn } = {},
) {
  const started = Date.now();
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      if (stopOn?.(error)) throw error;
      last = error;
    }
    if (Date.now() - started > timeoutMs) {
      throw last ?? new Error(`not true within ${timeoutMs} ms`);
    }
    await new Promise(r => setTimeout(r, intervalMs));
  }
}

const https = require('node:https');
const fs = require('node:fs');
const path = require('node:path');

/** The simulator's CA, written by it at start (scripts/start.sh); read once. */
let simulatorCa;
function simulatorCaCertificate() {
  simulatorCa ??= fs.readFileSync(
    path.join(__dirname, '..', '.local/azure-arm-simulator/ca.pem'),
  );
  return simulatorCa;
}

/** One call to the ARM simulator, over HTTPS with the CA it wrote at start. */
function armRequest(method, armPath, body) {
  const ca = simulatorCaCertificate();
  const payload = body ? JSON.stringify(body) : undefined;
  return new Promise((resolve, reject) => {
    const req = https.request(
      `https://127.0.0.1:7443${armPath}`,
      {
        method,
        ca,
        headers: {
          // The development token of app-config.yaml.
          Authorization: 'Bearer local-development-token',
          ...(payload ? { 'Content-Type': 'application/json' } : {}),
        },
      },
      res => {
        let text = '';
        res.on('data', chunk => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            body: text ? JSON.parse(text) : undefined,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function getJson(url, token) {
  const res = await fetch(url, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!res.ok)
    throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** The catalog entity of a cluster (by its ARM id annotation), within 10 s or an error. */
async function clusterEntityWithin10s(backendUrl, token, clusterId) {
  const url =
    `${backendUrl}/api/catalog/entities?filter=kind=resource,` +
    `metadata.annotations.management.azure.com/resourceId=${encodeURIComponent(
      clusterId,
    )}`;
  const [entity] = await eventually(
    async () => {
      const list = await getJson(url, token);
      return list.length === 1 ? list : undefined;
    },
    { timeoutMs: 10_000, intervalMs: 250 },
  );
  return entity;
}

const SEED_FLEET_CLUSTERS = 14; // examples/azure-fleet/fleet.yaml

/** The whole card (title included) around an element of its content. */
function infoCardOf(locator) {
  return locator.locator(
    'xpath=ancestor::div[contains(@class,"MuiCard-root")][1]',
  );
}

/** The cluster flow 1 creates through the form, which flow 2 looks for. */
let createdByForm;
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
    name: 'posture of a component lists its clusters with their findings',
    async run({ backendUrl }) {
      const token = await guestToken(backendUrl);
      // payments-api runs on aks-payments-prod-weu and aks-payments-dev-weu (fleet tags
      // → spec.dependencyOf on the cluster entities → dependsOn on the component).
      const posture = await eventually(async () => {
        const body = await getJson(
          `${backendUrl}/api/aks-network/posture?entityRef=component:default/payments-api`,
          token,
        );
        if (body.clusters.length !== 2) {
          throw new Error(
            `${body.clusters.length} clusters: ${JSON.stringify(
              body.unresolved,
            )}`,
          );
        }
        return body;
      });
      const names = posture.clusters.map(c => c.cluster.name).sort();
      if (names.join() !== 'aks-payments-dev-weu,aks-payments-prod-weu') {
        throw new Error(`clusters ${names}`);
      }
      const prod = posture.clusters.find(
        c => c.cluster.name === 'aks-payments-prod-weu',
      );
      // Overlay with ACNS observability and subnet flow logs (fleet.yaml).
      const { summary } = prod.posture;
      if (
        !summary.egressIngressMonitored ||
        !summary.samePodToPodVisible ||
        !summary.historyKept
      ) {
        throw new Error(
          `aks-payments-prod-weu summary ${JSON.stringify(summary)}`,
        );
      }
      const dev = posture.clusters.find(
        c => c.cluster.name === 'aks-payments-dev-weu',
      );
      if (dev.posture.summary.samePodToPodVisible) {
        throw new Error(
          'aks-payments-dev-weu has no ACNS: same-node traffic cannot be visible',
        );
      }
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
        // Another component than payments-api, whose card flow 3 reads as seeded.
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
    name: 'a task of the aks-overlay-cluster template creates a cluster that is in the catalog within 10 s',
    async run({ backendUrl, log }) {
      const token = await guestToken(backendUrl);
      const auth = {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      };
      const name = `aks-e2e-task-${Date.now().toString(36)}`;
      // The template is registered from templates/ at start-up.
      await eventually(() =>
        getJson(
          `${backendUrl}/api/catalog/entities/by-name/template/default/aks-overlay-cluster`,
          token,
        ),
      );
      const created = await fetch(`${backendUrl}/api/scaffolder/v2/tasks`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          templateRef: 'template:default/aks-overlay-cluster',
          values: {
            name,
            owner: 'group:default/team-payments',
            system: 'system:default/payments',
            components: ['component:default/payments-worker'],
            subscriptionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
            resourceGroup: 'rg-aks-payments-dev',
            region: 'westeurope',
            addressPoolId: 'nonprod-weu',
            nodeCount: 3,
            vmSize: 'Standard_D4s_v5',
            maxPods: 30,
            kubernetesVersion: '1.33',
            acnsObservability: true,
          },
        }),
      });
      if (created.status !== 201) {
        throw new Error(
          `POST /v2/tasks: HTTP ${created.status} ${await created.text()}`,
        );
      }
      const { id } = await created.json();
      await eventually(
        async () => {
          const t = await getJson(
            `${backendUrl}/api/scaffolder/v2/tasks/${id}`,
            token,
          );
          if (t.status === 'failed' || t.status === 'cancelled') {
            const events = await getJson(
              `${backendUrl}/api/scaffolder/v2/tasks/${id}/events`,
              token,
            );
            const last = events
              .filter(e => e.type === 'log')
              .slice(-5)
              .map(e => e.body.message);
            throw Object.assign(
              new Error(`task ${t.status}: ${last.join(' | ')}`),
              { fatal: true },
            );
          }
          return t.status === 'completed' ? t : undefined;
        },
        { timeoutMs: 180_000, intervalMs: 500, stopOn: e => e.fatal },
      );
      const completedAt = Date.now();
      // The task's output travels in its completion event.
      const events = await getJson(
        `${backendUrl}/api/scaffolder/v2/tasks/${id}/events`,
        token,
      );
      const completion = events.find(e => e.type === 'completion');
      const output = completion?.body?.output ?? {};

      const clusterId =
        '/subscriptions/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d/resourceGroups/rg-aks-payments-dev' +
        `/providers/Microsoft.ContainerService/managedClusters/${name}`;
      const arm = await armRequest(
        'GET',
        `${clusterId}?api-version=2026-06-01`,
      );
      if (arm.body?.properties?.provisioningState !== 'Succeeded') {
        throw new Error(
          `cluster in the simulator: HTTP ${arm.status} ${JSON.stringify(
            arm.body,
          )}`,
        );
      }
      if (arm.body.properties.networkProfile.networkPluginMode !== 'overlay') {
        throw new Error(
          `not overlay: ${JSON.stringify(arm.body.properties.networkProfile)}`,
        );
      }

      const entity = await clusterEntityWithin10s(backendUrl, token, clusterId);
      log(
        `task ${id} completed; entity ${entity.metadata.name} in the catalog ${
          Date.now() - completedAt
        } ms later`,
      );
      const link = (output.links ?? []).find(
        l => l.title === 'Cluster in the catalog',
      );
      if (
        !link ||
        link.entityRef !== `resource:default/${entity.metadata.name}`
      ) {
        throw new Error(`task output links ${JSON.stringify(output.links)}`);
      }
      if (entity.spec.owner !== 'group:default/team-payments') {
        throw new Error(`owner ${entity.spec.owner}`);
      }
      // The summary carries the plan, with the ACNS cost asked for (3 × $0.025 × 730 h).
      const summary = (output.text ?? []).map(t => t.content).join('\n');
      if (
        !summary.includes(
          'ACNS observability on: same-node pod-to-pod flows visible, $54.75 a month',
        )
      ) {
        throw new Error(`summary: ${summary}`);
      }
    },
  },
  {
    name: 'create page offers the AKS overlay cluster template',
    async run({ page, appUrl }) {
      await page.goto(`${appUrl}/create`);
      await signInAsGuest(page);
      await page
        .getByText('AKS cluster on Azure CNI Overlay', { exact: true })
        .waitFor({ timeout: 60_000 });
    },
  },
  {
    name: 'flow 1: a team creates a cluster through the form, with the pickers and the live plan',
    async run({ page, appUrl, log, screenshot }) {
      await page.setViewportSize({ width: 1400, height: 1600 });
      await page.goto(`${appUrl}/create/templates/default/aks-overlay-cluster`);
      await signInAsGuest(page);
      const name = `aks-form-${Date.now().toString(36)}`;
      // Page 1: name, owner (OwnerPicker lists groups by title), a component.
      await page.locator('#root_name').fill(name);
      await page.locator('#root_owner').click();
      await page
        .locator('#root_owner')
        .pressSequentially('Paym', { delay: 50 });
      await page.getByRole('option', { name: 'Payments' }).click();
      await page.locator('#root_components').click();
      await page
        .locator('#root_components')
        .pressSequentially('payments-worker', { delay: 50 });
      await page.getByRole('option', { name: 'payments-worker' }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Next' }).click();

      // Page 2: the subscription by its name, the pool of the region with its room.
      await page.locator('#root_subscriptionId').click({ timeout: 30_000 });
      await page
        .getByRole('option', { name: /Platform Non-Production/ })
        .click();
      await page.locator('#root_addressPoolId').click();
      const pool = page.getByRole('option', { name: /nonprod-weu/ });
      await pool.getByText(/of 128 \/27s free/).waitFor();
      await pool.click();
      await screenshot('flow-1-azure-page');
      await page.getByRole('button', { name: 'Next' }).click();

      // Page 3: a node count over the policy's 50 is refused by the backend's plan,
      // named by its field, and the form stays on the page.
      const plan = page.getByTestId('aks-network-plan');
      await plan.waitFor({ timeout: 30_000 });
      await page.locator('#root_nodeCount').fill('60');
      await plan
        .getByText(/60 is outside the allowed range 1–50/)
        .first()
        .waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Review' }).click();
      await page
        .getByText(/nodeCount: 60 is outside the allowed range 1–50/)
        .first()
        .waitFor({ timeout: 30_000 });
      if (await page.getByRole('button', { name: 'Create' }).isVisible()) {
        throw new Error('an invalid plan let the form go on to Create');
      }
      await screenshot('flow-1-plan-blocks-review');

      // Three nodes: the live plan gives the /27 the pool would hand out and its cost.
      await page.locator('#root_nodeCount').fill('3');
      await page.locator('#root_acnsObservability').check();
      await plan
        .getByText(/10\.250\.\d+\.\d+\/27/)
        .first()
        .waitFor({ timeout: 30_000 });
      await plan
        .getByText(/\$54\.75 a month/)
        .first()
        .waitFor();
      await screenshot('flow-1-live-plan');
      await page.getByRole('button', { name: 'Review' }).click();
      await page
        .getByText('group:default/team-payments')
        .waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Create' }).click();
      const started = Date.now();
      const link = page.getByRole('link', { name: 'Cluster in the catalog' });
      await link.waitFor({ timeout: 180_000 });
      log(
        `task finished in the browser ${Date.now() - started} ms after Create`,
      );
      await page
        .getByText(/Node subnet: 10\.250\.\d+\.\d+\/27 from pool nonprod-weu/)
        .waitFor();
      await page
        .getByRole('link', { name: 'Cluster in the Azure portal' })
        .waitFor();
      createdByForm = name;
    },
  },
  {
    name: 'flow 2: the new cluster is in the catalog as a kubernetes-cluster and its cluster card reads',
    async run({ page, appUrl, screenshot }) {
      if (!createdByForm) throw new Error('flow 1 created no cluster');
      await page.setViewportSize({ width: 1400, height: 2600 });
      await page.goto(
        `${appUrl}/catalog?filters%5Bkind%5D=resource&filters%5Btype%5D=kubernetes-cluster&filters%5Buser%5D=all`,
      );
      await signInAsGuest(page);
      await page
        .getByRole('link', { name: createdByForm })
        .click({ timeout: 90_000 });
      const card = page.getByTestId('aks-cluster-card');
      await card.waitFor({ timeout: 60_000 });
      await card.getByText('Azure CNI Overlay').first().waitFor();
      await card.getByRole('table', { name: 'Node pools' }).waitFor();
      // The pool the form asked for: 3 nodes, the organisation's 30 pods per node.
      const row = card
        .getByRole('table', { name: 'Node pools' })
        .getByRole('row')
        .nth(1);
      const cells = await row.getByRole('cell').allTextContents();
      if (cells[2] !== '3' || cells[4] !== '30') {
        throw new Error(`node pool ${JSON.stringify(cells)}`);
      }
      await card
        .getByText(/\d+ in use \+ 1 for upgrade surge of 27 usable IPs/)
        .first()
        .waitFor();
      // The form turned ACNS observability on.
      await card
        .locator('[data-addon="ACNS observability"]')
        .getByText('On', { exact: true })
        .waitFor();
      await screenshot('flow-2-cluster-card', infoCardOf(card));
    },
  },
  {
    name: "flow 3: payments-api's posture card reads model, IP use, the three checks and a flow-log link",
    async run({ page, appUrl, screenshot }) {
      await page.setViewportSize({ width: 1400, height: 3200 });
      await page.goto(`${appUrl}/catalog/default/component/payments-api`);
      await signInAsGuest(page);
      const card = page.getByTestId('aks-network-posture-card');
      const prod = card.locator('[data-cluster="aks-payments-prod-weu"]');
      await prod.waitFor({ timeout: 60_000 });
      await prod.getByText('Azure CNI Overlay').first().waitFor();
      // snet-aks-payments-prod is a /27 (fleet.yaml): 27 usable, 5 kept by Azure.
      await prod
        .getByText(
          /\d+ in use \+ \d+ for upgrade surge of 27 usable IPs · \d+ free · 5 kept by Azure/,
        )
        .first()
        .waitFor();
      await prod
        .getByRole('img', {
          name: /IP use of snet-aks-payments-prod: In use: \d+/,
        })
        .waitFor();
      for (const check of [
        'Egress and ingress monitored:',
        'Same-node pod-to-pod visible:',
        'History of communications kept:',
      ]) {
        await prod.getByText(check).waitFor();
      }
      const flowLog = prod.locator('[data-link-kind="flow-log"]').first();
      const href = await flowLog.getAttribute('href');
      if (!href || !/networkWatchers\/.+\/flowLogs\//i.test(href)) {
        throw new Error(`flow-log link ${href}`);
      }
      const dev = card.locator('[data-cluster="aks-payments-dev-weu"]');
      await dev
        .getByText('Same-node pod-to-pod visible:')
        .locator('..')
        .getByText('Fail')
        .waitFor();
      await dev
        .getByText(
          /Closing the same-node gap: ACNS observability costs about \$[\d.]+ a month/,
        )
        .waitFor();
      await screenshot('flow-3-posture-card', infoCardOf(card));
    },
  },
  {
    name: 'a cluster read in part: the posture card says unknown, with what was not read, and the catalog annotates it',
    async run({ page, appUrl, backendUrl, screenshot }) {
      const token = await guestToken(backendUrl);
      const posture = await getJson(
        `${backendUrl}/api/aks-network/posture?entityRef=component:default/payments-api`,
        token,
      );
      const prodId = posture.clusters.find(
        c => c.cluster.name === 'aks-payments-prod-weu',
      ).cluster.id;
      const refresh = async () => {
        const res = await fetch(`${backendUrl}/api/aks-network/refresh`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({ clusterId: prodId }),
        });
        if (!res.ok) throw new Error(`refresh: HTTP ${res.status}`);
      };
      // The inventory's identity loses Network Watcher read (403, as ARM answers).
      const faults = await armRequest('POST', '/_simulator/faults', {
        deniedActions: ['Microsoft.Network/networkWatchers/read'],
      });
      if (faults.status !== 200) throw new Error(`faults: ${faults.status}`);
      try {
        await refresh();
        const after = await getJson(
          `${backendUrl}/api/aks-network/posture?entityRef=component:default/payments-api`,
          token,
        );
        const prod = after.clusters.find(c => c.cluster.id === prodId);
        const { summary } = prod.posture;
        // Flow logs not read: monitoring and history are unknown (null), never false;
        // same-node visibility rests on the cluster itself and stays known.
        if (
          summary.egressIngressMonitored !== null ||
          summary.samePodToPodVisible !== true
        ) {
          throw new Error(`summary ${JSON.stringify(summary)}`);
        }
        const entity = await eventually(
          async () => {
            const found = await clusterEntityWithin10s(
              backendUrl,
              token,
              prodId,
            );
            const unread =
              found.metadata.annotations['aks.azure.com/network-unread'];
            return unread && /flow logs of .*AuthorizationFailed/.test(unread)
              ? found
              : undefined;
          },
          { timeoutMs: 30_000, intervalMs: 500 },
        );
        if (!entity) throw new Error('no network-unread annotation');

        await page.setViewportSize({ width: 1400, height: 3200 });
        await page.goto(`${appUrl}/catalog/default/component/payments-api`);
        await signInAsGuest(page);
        const card = page.getByTestId('aks-network-posture-card');
        const section = card.locator('[data-cluster="aks-payments-prod-weu"]');
        await section.waitFor({ timeout: 60_000 });
        await section
          .getByText(/Read in part: 1 part of the network/)
          .waitFor();
        const egress = section.locator(
          '[data-finding="egress-ingress-monitored"]',
        );
        await egress.getByText('Unknown', { exact: true }).waitFor();
        await egress
          .getByText(
            /Not read: flow logs of subscription .*AuthorizationFailed, HTTP 403/,
          )
          .waitFor();
        await section
          .getByText(/The flow logs could not be read: whether one watches/)
          .waitFor();
        await section
          .locator('[data-finding="same-node-pod-to-pod-visible"]')
          .getByText('Pass', { exact: true })
          .waitFor();
        await screenshot('posture-card-read-in-part', section);
      } finally {
        await armRequest('POST', '/_simulator/faults', {});
        await refresh();
      }
    },
  },
  {
    name: 'fleet page sorts every cluster by node subnet use on the server',
    async run({ page, appUrl, screenshot }) {
      await page.setViewportSize({ width: 1600, height: 2400 });
      await page.goto(`${appUrl}/aks-network`);
      await signInAsGuest(page);
      await page
        .getByRole('heading', { name: 'AKS network' })
        .waitFor({ timeout: 60_000 });
      const header = page.getByRole('button', { name: 'Node subnet use' });
      await header.waitFor({ timeout: 60_000 });
      const sortLine = page.getByTestId('aks-fleet-sort');
      await header.click();
      await sortLine.getByText(/node subnet use, ascending/).waitFor();
      await header.click();
      await sortLine.getByText(/node subnet use, descending/).waitFor();
      // The fleet's fullest node subnet: flat Azure CNI, nearly out of IPs (fleet.yaml).
      const first = page.locator('tbody tr').first();
      await first
        .getByRole('link', { name: 'aks-identity-prod-weu' })
        .waitFor({ timeout: 30_000 });
      await first.getByText(/an upgrade would not fit/).waitFor();
      await page.getByText(/VNet IPs the overlay clusters save/).waitFor();
      await screenshot('fleet-page-sorted-by-ip-use');
    },
  },
  {
    name: 'the guest is a developer, not the platform: pool changes and a full sync are refused (403) and the fleet page says so where pools are managed',
    async run({ page, appUrl, backendUrl, screenshot }) {
      const token = await guestToken(backendUrl);
      const api = (method, apiPath, body) =>
        fetch(`${backendUrl}/api/aks-network${apiPath}`, {
          method,
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
          },
          body: body && JSON.stringify(body),
        });
      const before = await getJson(
        `${backendUrl}/api/aks-network/address-pools`,
        token,
      );
      const created = await api('POST', '/address-pools', {
        id: 'guest-pool',
        subscriptionId: '7d3c1f0a-2b4e-4c8d-9f1a-3e5b7c9d1f20',
        resourceGroup: 'rg-network-prod-weu',
        vnetName: 'vnet-prod-weu',
        region: 'westeurope',
        range: '10.240.64.0/20',
      });
      const createdBody = await created.json();
      if (
        created.status !== 403 ||
        createdBody.error?.message !==
          'Missing permission aks-network.address-pool.manage'
      ) {
        throw new Error(
          `create pool as guest: HTTP ${created.status} ${JSON.stringify(
            createdBody,
          )}`,
        );
      }
      const deleted = await api(
        'DELETE',
        `/address-pools/${before.items[0].id}`,
      );
      if (deleted.status !== 403) {
        throw new Error(`delete pool as guest: HTTP ${deleted.status}`);
      }
      const fullSync = await api('POST', '/refresh', {});
      if (fullSync.status !== 403) {
        throw new Error(`full sync as guest: HTTP ${fullSync.status}`);
      }
      const after = await getJson(
        `${backendUrl}/api/aks-network/address-pools`,
        token,
      );
      if (after.items.length !== before.items.length) {
        throw new Error(
          `pools ${before.items.length} → ${after.items.length} after refused calls`,
        );
      }

      await page.setViewportSize({ width: 1400, height: 1600 });
      await page.goto(`${appUrl}/aks-network`);
      await signInAsGuest(page);
      const pools = page.getByTestId('aks-address-pools');
      await pools.waitFor({ timeout: 60_000 });
      const refused = page.getByTestId('aks-pool-manage-denied');
      await refused
        .getByText(/Managing address pools is refused for you \(403\)/)
        .waitFor({ timeout: 30_000 });
      if (
        (await page
          .getByRole('button', { name: 'New address pool' })
          .count()) !== 0
      ) {
        throw new Error('the guest is offered to create a pool');
      }
      await screenshot('fleet-pools-manage-refused', infoCardOf(pools));
    },
  },
  {
    name: 'Request an overlay cluster opens the template pre-filled for the flat seed cluster',
    async run({ page, appUrl, screenshot }) {
      await page.goto(`${appUrl}/catalog/default/component/identity-provider`);
      await signInAsGuest(page);
      const flat = page.locator('[data-cluster="aks-identity-prod-weu"]');
      await flat.waitFor({ timeout: 60_000 });
      await flat
        .getByRole('button', { name: 'Request an overlay cluster' })
        .click();
      await page.locator('#root_name').waitFor({ timeout: 60_000 });
      const url = new URL(page.url());
      const formData = JSON.parse(url.searchParams.get('formData'));
      const expected = {
        owner: 'group:default/team-identity',
        subscriptionId: '7d3c1f0a-2b4e-4c8d-9f1a-3e5b7c9d1f20',
        region: 'westeurope',
      };
      for (const [key, value] of Object.entries(expected)) {
        if (formData[key] !== value) {
          throw new Error(
            `formData.${key} ${formData[key]}, expected ${value}`,
          );
        }
      }
      if (
        !formData.components?.includes('component:default/identity-provider')
      ) {
        throw new Error(`components ${formData.components}`);
      }
      // The form shows what the URL brought.
      const owner = await page.locator('#root_owner').inputValue();
      if (owner !== 'group:default/team-identity') {
        throw new Error(`owner field ${owner}`);
      }
      await screenshot('overlay-request-prefilled');
    },
  },
  {
    name: 'the Kubernetes plugin lists the seed clusters through its catalog locator',
    async run({ backendUrl }) {
      const token = await guestToken(backendUrl);
      const entities = await getJson(
        `${backendUrl}/api/catalog/entities?filter=kind=resource,spec.type=kubernetes-cluster&fields=metadata.name`,
        token,
      );
      const clusters = await getJson(
        `${backendUrl}/api/kubernetes/clusters`,
        token,
      );
      const listed = new Set(clusters.items.map(c => c.name));
      const missing = entities
        .map(e => e.metadata.name)
        .filter(n => !listed.has(n));
      if (entities.length < SEED_FLEET_CLUSTERS || missing.length > 0) {
        throw new Error(
          `${
            entities.length
          } cluster entities; not listed by the Kubernetes plugin: ${missing.join(
            ', ',
          )}`,
        );
      }
      const providers = new Set(clusters.items.map(c => c.authProvider));
      if (providers.size !== 1 || !providers.has('aks')) {
        throw new Error(`auth providers ${[...providers]}`);
      }
    },
  },
  {
    name: 'clusters API refuses a caller without credentials',
    async run({ backendUrl }) {
      const res = await fetch(`${backendUrl}/api/aks-network/clusters`);
      if (res.status !== 401)
        throw new Error(`expected 401, got ${res.status}`);
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
