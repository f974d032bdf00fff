/*
 * Debian's Chromium as the browser tests and the browser benchmark drive it: test tools
 * cannot download browsers of their own on this kind of machine.
 */
const { chromium } = require('playwright-core');

/** A headless Chromium; CHROMIUM_PATH overrides where it is. */
function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Without the background-networking flags Chromium keeps dialling hosts this
    // closed network refuses; the sandbox needs a non-root user.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The legacy app's guest sign-in asks for one click in a fresh profile. */
async function signInAsGuest(page) {
  const enter = page.getByRole('button', { name: /enter/i });
  const signedIn = page.getByRole('navigation');
  await Promise.race([
    enter.waitFor({ timeout: 60_000 }).then(() => enter.click()),
    signedIn.waitFor({ timeout: 60_000 }),
  ]);
}

module.exports = { launchChromium, signInAsGuest };
