/*
 * The platform team's fleet page, sorted on the server.
 */

const { signInAsGuest } = require('./support');

module.exports = [
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
];
