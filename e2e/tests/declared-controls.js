/*
 * A declared compensating control: aks-billing-legacy-weu (kubenet, legacy-billing's
 * cluster) declares Tetragon by its aks-network-flow-export tag (examples/azure-fleet).
 * The API's same-node and history findings say "covered by Tetragon (declared)" as a
 * warning that keeps Azure's own fail and names the declaration, while the summary
 * stays Azure's verdict; the card marks it "Declared: Tetragon", apart from what Azure
 * reports ("Detected by Azure: ACNS" on payments-api's prod cluster).
 */

const { signInAsGuest, guestToken, eventually, getJson } = require('./support');

const SAME_NODE = 'same-node-pod-to-pod-visible';
const HISTORY = 'communication-history-kept';

module.exports = [
  {
    name: 'a cluster that declares Tetragon is "covered by Tetragon (declared)" in the API and on the card, never verified',
    async run({ page, appUrl, backendUrl, screenshot }) {
      const token = await guestToken(backendUrl);
      const posture = await eventually(async () => {
        const body = await getJson(
          `${backendUrl}/api/aks-network/posture?entityRef=component:default/legacy-billing`,
          token,
        );
        return body.clusters.length === 1 ? body : undefined;
      });
      const [cluster] = posture.clusters;
      if (cluster.cluster.name !== 'aks-billing-legacy-weu') {
        throw new Error(`cluster ${cluster.cluster.name}`);
      }
      for (const id of [SAME_NODE, HISTORY]) {
        const finding = cluster.posture.findings.find(f => f.id === id);
        const declared = finding?.declaredControls ?? [];
        if (
          finding?.status !== 'warn' ||
          finding.azureStatus !== 'fail' ||
          !/covered by Tetragon \(declared\)$/.test(finding.title) ||
          !/^Azure reports: /.test(finding.detail) ||
          declared.length !== 1 ||
          declared[0].tool !== 'tetragon' ||
          declared[0].source !== 'tag'
        ) {
          throw new Error(`${id}: ${JSON.stringify(finding)}`);
        }
      }
      const { summary } = cluster.posture;
      if (
        summary.samePodToPodVisible !== false ||
        summary.historyKept !== false
      ) {
        throw new Error(
          `summary counts the declaration: ${JSON.stringify(summary)}`,
        );
      }

      await page.setViewportSize({ width: 1400, height: 1700 });
      await page.goto(`${appUrl}/catalog/default/component/legacy-billing`);
      await signInAsGuest(page);
      const title = page
        .getByText(
          'Same-node pod-to-pod traffic: covered by Tetragon (declared)',
        )
        .first();
      await title.waitFor({ timeout: 60_000 });
      const chips = await page.getByText('Declared: Tetragon').count();
      if (chips !== 2) throw new Error(`${chips} "Declared: Tetragon" chips`);
      await screenshot('posture-card-declared-tetragon');

      // What Azure reports is marked apart: payments-api's prod cluster runs ACNS.
      await page.goto(`${appUrl}/catalog/default/component/payments-api`);
      await page
        .getByText('Detected by Azure: ACNS')
        .first()
        .waitFor({ timeout: 60_000 });
    },
  },
];
