#!/usr/bin/env node
/*
 * Browser tests against the running app (started by scripts/e2e.sh the way the README
 * starts it). Debian's Chromium driven by playwright-core: test tools cannot download
 * their own browsers on this kind of machine. Writes <out>/e2e.json with the counts
 * scripts/test-summary.js adds up, and a screenshot per test.
 */
const fs = require('fs');
const path = require('path');
const os = require('os');
const { launchChromium } = require('./browser');
// One file of tests per user flow (e2e/tests/), run in one order across them: the seed
// fleet is counted before any test adds a cluster, and flow 2 reads the cluster flow 1
// creates. Each entry of ORDER is the next test of that file.
const FLOWS = [
  'catalog',
  'posture-card',
  'scaffolder',
  'cluster-card',
  'fleet',
  'api',
  'kubernetes',
  'assistant-actions',
  'notifications',
  'declared-controls',
];
const ORDER = [
  'catalog',
  'posture-card',
  'catalog',
  'scaffolder',
  'scaffolder',
  'scaffolder',
  'cluster-card',
  'posture-card',
  'posture-card',
  'fleet',
  'api',
  'scaffolder',
  'kubernetes',
  'api',
  'assistant-actions',
  'assistant-actions',
  'notifications',
  'declared-controls',
  'catalog',
  'catalog',
];
const tests = (() => {
  const left = Object.fromEntries(
    FLOWS.map(flow => [flow, [...require(`./tests/${flow}`)]]),
  );
  const ordered = ORDER.map(flow => {
    const test = left[flow].shift();
    if (!test) throw new Error(`ORDER names more tests of ${flow} than it has`);
    return test;
  });
  const unordered = FLOWS.filter(flow => left[flow].length > 0);
  if (unordered.length > 0) {
    throw new Error(`ORDER leaves out tests of ${unordered.join(', ')}`);
  }
  return ordered;
})();

const APP_URL = process.env.E2E_APP_URL ?? 'http://localhost:3000';
const BACKEND_URL = process.env.E2E_BACKEND_URL ?? 'http://localhost:7007';
const STARTUP_LIMIT_MS = 10 * 60 * 1000;

async function waitFor(url, label) {
  const started = Date.now();
  let lastError = 'no answer';
  while (Date.now() - started < STARTUP_LIMIT_MS) {
    try {
      const res = await fetch(url);
      if (res.ok) {
        console.log(
          `${label} up after ${Math.round((Date.now() - started) / 1000)} s`,
        );
        return;
      }
      lastError = `HTTP ${res.status}`;
    } catch (error) {
      lastError = String(error.cause?.code ?? error.message);
    }
    await new Promise(r => setTimeout(r, 2000));
  }
  throw new Error(`${label} at ${url} did not come up: ${lastError}`);
}

async function main() {
  const out = process.argv[2] ?? path.resolve('test-results');
  fs.mkdirSync(out, { recursive: true });
  const results = [];
  const write = () =>
    fs.writeFileSync(
      path.join(out, 'e2e.json'),
      JSON.stringify(
        {
          numPassedTests: results.filter(r => r.ok).length,
          numFailedTests: results.filter(r => !r.ok).length,
          testResults: results,
        },
        null,
        2,
      ),
    );

  let browser;
  try {
    await waitFor(`${BACKEND_URL}/.backstage/health/v1/readiness`, 'backend');
    await waitFor(APP_URL, 'frontend');
    browser = await launchChromium();
  } catch (error) {
    results.push({
      name: 'app starts and browser launches',
      ok: false,
      error: String(error),
    });
    write();
    console.error(String(error));
    process.exit(1);
  }

  // E2E_ONLY (a pattern of test names) runs some of them, while working on one.
  const only = process.env.E2E_ONLY && new RegExp(process.env.E2E_ONLY);
  for (const test of tests.filter(t => !only || only.test(t.name))) {
    // A fresh profile per test, as a new user would arrive.
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
    });
    const page = await context.newPage();
    const started = Date.now();
    try {
      await test.run({
        page,
        appUrl: APP_URL,
        backendUrl: BACKEND_URL,
        log: message => console.log(`    ${message}`),
        // A picture of a moment inside a flow, beside the one taken at its end: the
        // viewport, or one element of it (tests make the viewport tall enough).
        screenshot: async (name, element) => {
          const box = element && (await element.boundingBox());
          await page.screenshot({
            path: path.join(out, `${name}.png`),
            ...(box ? { clip: box } : {}),
          });
        },
      });
      results.push({ name: test.name, ok: true, ms: Date.now() - started });
      console.log(`  ✓ ${test.name}`);
    } catch (error) {
      results.push({
        name: test.name,
        ok: false,
        error: String(error),
        ms: Date.now() - started,
      });
      console.log(
        `  ✗ ${test.name}\n    ${String(error).split('\n').join('\n    ')}`,
      );
    } finally {
      const file = path.join(
        out,
        `${test.name.replace(/[^a-z0-9]+/gi, '-')}.png`,
      );
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      await context.close();
    }
  }
  await browser.close();
  write();
  const failed = results.filter(r => !r.ok).length;
  console.log(`e2e: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main();
