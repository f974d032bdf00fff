/*
 * The cluster card of the cluster flow 1 (scaffolder.js) created, found from the
 * catalog (flow 2).
 */

const { signInAsGuest, infoCardOf, created } = require('./support');

module.exports = [
  {
    name: 'flow 2: the new cluster is in the catalog as a kubernetes-cluster and its cluster card reads',
    async run({ page, appUrl, screenshot }) {
      if (!created.byForm) throw new Error('flow 1 created no cluster');
      await page.setViewportSize({ width: 1400, height: 2600 });
      await page.goto(
        `${appUrl}/catalog?filters%5Bkind%5D=resource&filters%5Btype%5D=kubernetes-cluster&filters%5Buser%5D=all`,
      );
      await signInAsGuest(page);
      await page
        .getByRole('link', { name: created.byForm })
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
];
