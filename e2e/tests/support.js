/*
 * What the flows' tests share: the guest's token, polling, calls to the backend and to
 * the ARM simulator, and the seed fleet's size.
 */

const https = require('node:https');
const fs = require('node:fs');
const path = require('node:path');
const { signInAsGuest } = require('../browser');

/** A guest's Backstage token, the way the app's sign-in gets one. */
async function guestToken(backendUrl) {
  const res = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in failed: HTTP ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

/** Polls until `check` returns a value, or fails with the last reason. */
async function eventually(
  check,
  { timeoutMs = 120_000, intervalMs = 3000, stopOn } = {},
) {
  const started = Date.now();
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      if (stopOn?.(error)) throw error;
      last = error;
    }
    if (Date.now() - started > timeoutMs) {
      throw last ?? new Error(`not true within ${timeoutMs} ms`);
    }
    await new Promise(r => setTimeout(r, intervalMs));
  }
}

/** The simulator's CA, written by it at start (scripts/start.sh); read once. */
let simulatorCa;
function simulatorCaCertificate() {
  simulatorCa ??= fs.readFileSync(
    path.join(__dirname, '..', '..', '.local/azure-arm-simulator/ca.pem'),
  );
  return simulatorCa;
}

/** One call to the ARM simulator, over HTTPS with the CA it wrote at start. */
function armRequest(method, armPath, body) {
  const ca = simulatorCaCertificate();
  const payload = body ? JSON.stringify(body) : undefined;
  return new Promise((resolve, reject) => {
    const req = https.request(
      `https://127.0.0.1:7443${armPath}`,
      {
        method,
        ca,
        headers: {
          // The development token of app-config.yaml.
          Authorization: 'Bearer local-development-token',
          ...(payload ? { 'Content-Type': 'application/json' } : {}),
        },
      },
      res => {
        let text = '';
        res.on('data', chunk => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            body: text ? JSON.parse(text) : undefined,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function getJson(url, token) {
  const res = await fetch(url, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!res.ok)
    throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** The catalog entity of a cluster (by its ARM id annotation), within 10 s or an error. */
async function clusterEntityWithin10s(backendUrl, token, clusterId) {
  const url =
    `${backendUrl}/api/catalog/entities?filter=kind=resource,` +
    `metadata.annotations.management.azure.com/resourceId=${encodeURIComponent(
      clusterId,
    )}`;
  const [entity] = await eventually(
    async () => {
      const list = await getJson(url, token);
      return list.length === 1 ? list : undefined;
    },
    { timeoutMs: 10_000, intervalMs: 250 },
  );
  return entity;
}

const SEED_FLEET_CLUSTERS = 14; // examples/azure-fleet/fleet.yaml

/** The whole card (title included) around an element of its content. */
function infoCardOf(locator) {
  return locator.locator(
    'xpath=ancestor::div[contains(@class,"MuiCard-root")][1]',
  );
}

/**
 * What one test leaves for a later one: the cluster flow 1 (scaffolder.js) creates
 * through the form, which flow 2 (cluster-card.js) looks for.
 */
const created = { byForm: undefined };

module.exports = {
  signInAsGuest,
  guestToken,
  eventually,
  armRequest,
  getJson,
  clusterEntityWithin10s,
  SEED_FLEET_CLUSTERS,
  infoCardOf,
  created,
};
