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

module.exports = [
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
