#!/usr/bin/env node
/*
 * How long a component page takes to show its AKS network card, in the browser, on
 * the running app (start it first: bash scripts/start.sh). From the click on the
 * component in the catalog list to the first cluster section of the card painted
 * (the card's one GET /posture answered and rendered), beside the time to the page's
 * own About card, so the card's share can be told from the page's. Prints each run and
 * the medians. E2E_APP_URL=http://localhost:7007 measures the production bundle the
 * backend serves after `./scripts/yarn.sh workspace app build`.
 *
 * Usage: node e2e/bench/postureCardPaint.js [runs=5] [component=payments-api]
 */
const { launchChromium, signInAsGuest } = require('../browser');

const APP_URL = process.env.E2E_APP_URL ?? 'http://localhost:3000';
const runs = Number(process.argv[2] ?? 5);
const component = process.argv[3] ?? 'payments-api';

const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  const browser = await launchChromium();
  const page = await (
    await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  ).newPage();
  const list = `${APP_URL}/catalog?filters%5Bkind%5D=component&filters%5Buser%5D=all`;
  await page.goto(list);
  await signInAsGuest(page);
  const times = [];
  const pageTimes = [];
  // One run to load the entity page's code, not counted: a user's second visit.
  for (let run = -1; run < runs; run++) {
    await page.goto(list);
    const link = page
      .getByRole('link')
      .filter({ hasText: new RegExp(`^${component}$`) });
    await link.waitFor({ timeout: 60_000 });
    const started = Date.now();
    await link.click();
    const about = page
      .getByText('About', { exact: true })
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 })
      .then(() => Date.now() - started);
    await page
      .getByTestId('aks-cluster-network')
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 });
    const ms = Date.now() - started;
    const aboutMs = await about;
    if (run >= 0) {
      times.push(ms);
      pageTimes.push(aboutMs);
      console.log(`run ${run + 1}: card ${ms} ms (About card ${aboutMs} ms)`);
    } else {
      console.log(`warm-up: card ${ms} ms (About card ${aboutMs} ms)`);
    }
  }
  await browser.close();
  console.log(
    `component page navigation → posture card painted: median ${median(
      times,
    )} ms (min ${Math.min(...times)}, max ${Math.max(
      ...times,
    )}, ${runs} runs, ${component}); the page's About card: median ${median(
      pageTimes,
    )} ms`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
