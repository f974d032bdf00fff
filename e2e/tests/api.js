/*
 * The aks-network API and what it refuses: a guest's pool changes and full sync (and
 * the fleet page saying so), and a caller without credentials.
 */

const { signInAsGuest, guestToken, getJson, infoCardOf } = require('./support');

module.exports = [
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
    name: 'clusters API refuses a caller without credentials',
    async run({ backendUrl }) {
      const res = await fetch(`${backendUrl}/api/aks-network/clusters`);
      if (res.status !== 401)
        throw new Error(`expected 401, got ${res.status}`);
    },
  },
];
