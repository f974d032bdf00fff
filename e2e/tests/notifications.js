/*
 * Owners told when posture turns: the simulator's admin endpoint turns the VNet flow
 * log of aks-payments-prod-weu's node subnet off, and after the next scheduled sync
 * (every minute locally) the guest, a member of team-payments (examples/org.yaml),
 * has a notification saying egress/ingress is no longer monitored, on the
 * notifications page, linking to the cluster's page. Turning it back on tells the
 * recovery once.
 */

const {
  armRequest,
  eventually,
  getJson,
  guestToken,
  signInAsGuest,
} = require('./support');

const CLUSTER = 'aks-payments-prod-weu';
const LOST = `${CLUSTER}: egress/ingress is no longer monitored`;
const BACK = `${CLUSTER}: egress/ingress is monitored again`;

/** The flow log on snet-aks-payments-prod, as the simulator holds it. */
async function paymentsFlowLog() {
  const state = await armRequest('GET', '/_simulator/state');
  if (state.status !== 200) {
    throw new Error(`simulator state: HTTP ${state.status}`);
  }
  const flowLog = state.body.resources.find(
    resource =>
      resource.type === 'Microsoft.Network/networkWatchers/flowLogs' &&
      /\/subnets\/snet-aks-payments-prod$/i.test(
        resource.properties?.targetResourceId ?? '',
      ),
  );
  if (!flowLog) throw new Error('no flow log on snet-aks-payments-prod');
  return flowLog;
}

async function setEnabled(id, enabled) {
  const res = await armRequest('POST', '/_simulator/flow-logs/enabled', {
    id,
    enabled,
  });
  if (res.status !== 200 || res.body.properties.enabled !== enabled) {
    throw new Error(
      `flow log enabled=${enabled}: HTTP ${res.status} ${JSON.stringify(
        res.body,
      )}`,
    );
  }
}

/** The guest's notifications with this title. */
async function notificationsTitled(backendUrl, token, title) {
  const list = await getJson(
    `${backendUrl}/api/notifications/notifications?limit=50&search=${encodeURIComponent(
      CLUSTER,
    )}`,
    token,
  );
  return list.notifications.filter(entry => entry.payload.title === title);
}

module.exports = [
  {
    name: "a flow log turned off in the simulator is a notification for the guest's team after the next sync, and its return one more",
    async run({ page, appUrl, backendUrl, screenshot }) {
      const token = await guestToken(backendUrl);
      const flowLog = await paymentsFlowLog();
      const before = await notificationsTitled(backendUrl, token, LOST);
      await setEnabled(flowLog.id, false);
      try {
        // The scheduled sync runs every minute (app-config.yaml): two runs at most.
        const [lost] = await eventually(
          async () => {
            const found = await notificationsTitled(backendUrl, token, LOST);
            return found.length > before.length ||
              found.some(entry => !entry.read)
              ? found
              : undefined;
          },
          { timeoutMs: 180_000, intervalMs: 5000 },
        );
        if (lost.payload.severity !== 'high') {
          throw new Error(`severity ${lost.payload.severity}, expected high`);
        }
        if (
          !/^\/catalog\/default\/resource\/aks-payments-prod-weu-[0-9a-f]{8}$/.test(
            lost.payload.link,
          )
        ) {
          throw new Error(`link ${lost.payload.link}`);
        }
        if (!/flow log/i.test(lost.payload.description ?? '')) {
          throw new Error(`description ${lost.payload.description}`);
        }

        await page.setViewportSize({ width: 1400, height: 900 });
        await page.goto(`${appUrl}/notifications`);
        await signInAsGuest(page);
        await page.getByText(LOST).first().waitFor({ timeout: 60_000 });
        await screenshot('notification-flow-log-lost');
      } finally {
        await setEnabled(flowLog.id, true);
      }

      // Back on: told once more, with the same scope (the notifications backend
      // replaces the earlier one rather than adding a second).
      const [back] = await eventually(
        async () => {
          const found = await notificationsTitled(backendUrl, token, BACK);
          return found.length > 0 ? found : undefined;
        },
        { timeoutMs: 180_000, intervalMs: 5000 },
      );
      if (back.payload.severity !== 'normal') {
        throw new Error(`recovery severity ${back.payload.severity}`);
      }
      // Still one notification of the change, not one per sync.
      const lostAgain = await notificationsTitled(backendUrl, token, LOST);
      if (lostAgain.length > 0) {
        throw new Error(
          `${lostAgain.length} notification(s) still say the flow log is lost after it came back`,
        );
      }
    },
  },
];
