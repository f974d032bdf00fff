/*
 * The aks-overlay-cluster software template: a task through the scaffolder API, the
 * create page offering it, a team filling its form (flow 1), and the posture card's
 * overlay request opening it pre-filled.
 */

const {
  signInAsGuest,
  guestToken,
  eventually,
  armRequest,
  getJson,
  clusterEntityWithin10s,
  created,
} = require('./support');

module.exports = [
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
      created.byForm = name;
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
];
