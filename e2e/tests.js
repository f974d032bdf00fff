/*
 * The user flows, each proven in a real browser against the running app.
 */

/** The legacy app's guest sign-in asks for one click in a fresh profile. */
async function signInAsGuest(page) {
  const enter = page.getByRole('button', { name: /enter/i });
  const signedIn = page.getByRole('navigation');
  await Promise.race([
    enter.waitFor({ timeout: 60_000 }).then(() => enter.click()),
    signedIn.waitFor({ timeout: 60_000 }),
  ]);
}

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
async function eventually(check, { timeoutMs = 120_000, intervalMs = 3000 } = {}) {
  const started = Date.now();
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() - started > timeoutMs) {
      throw last ?? new Error(`not true within ${timeoutMs} ms`);
    }
    await new Promise(r => setTimeout(r, intervalMs));
  }
}

const SEED_FLEET_CLUSTERS = 14; // examples/azure-fleet/fleet.yaml
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
        const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
        if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
        const list = await res.json();
        if (list.length !== SEED_FLEET_CLUSTERS) {
          throw new Error(`${list.length} cluster entities, expected ${SEED_FLEET_CLUSTERS}`);
        }
        return list;
      });
      const models = new Set();
      for (const entity of entities) {
        const a = entity.metadata.annotations ?? {};
        for (const key of [
          'management.azure.com/resourceId',
          'aks.azure.com/network-model',
          'aks.azure.com/network-dataplane',
          'kubernetes.io/auth-provider',
        ]) {
          if (!a[key]) throw new Error(`${entity.metadata.name} lacks ${key}`);
        }
        models.add(a['aks.azure.com/network-model']);
      }
      const missing = NETWORK_MODELS.filter(m => !models.has(m));
      if (missing.length) throw new Error(`no cluster of model ${missing.join(', ')}`);
    },
  },
  {
    name: 'clusters API refuses a caller without credentials',
    async run({ backendUrl }) {
      const res = await fetch(`${backendUrl}/api/aks-network/clusters`);
      if (res.status !== 401) throw new Error(`expected 401, got ${res.status}`);
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
  {
    name: 'component page has the AKS network card slot',
    async run({ page, appUrl }) {
      await page.goto(`${appUrl}/catalog/default/component/example-website`);
      await signInAsGuest(page);
      await page.getByText('AKS network', { exact: true }).waitFor({ timeout: 60_000 });
    },
  },
];
