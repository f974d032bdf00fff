/*
 * A component's network posture: the API's clusters and findings for payments-api, its
 * posture card on the component page (flow 3), and the card when a cluster was read
 * in part.
 */

const {
  signInAsGuest,
  guestToken,
  eventually,
  armRequest,
  getJson,
  clusterEntityWithin10s,
  infoCardOf,
} = require('./support');

module.exports = [
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
];
