/*
 * The actions an assistant calls through the MCP actions backend: a component's
 * posture and a plan in an address pool, with the guest's own token, and a call
 * without one. The three aks-network actions need aks-network.cluster.read, which the
 * app's policy gives every signed-in user (the guest too), so the refusal checked is
 * the 401 of a caller without credentials.
 */

const { guestToken, eventually } = require('./support');

/** One MCP `tools/call`; its JSON-RPC message (the answer may be server-sent events). */
async function callTool(backendUrl, token, name, args) {
  const res = await fetch(`${backendUrl}/api/mcp-actions/v1`, {
    method: 'POST',
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name, arguments: args },
    }),
  });
  const text = await res.text();
  if (!res.ok) return { status: res.status, text };
  const data = (res.headers.get('content-type') ?? '').startsWith(
    'text/event-stream',
  )
    ? text
        .split('\n')
        .filter(line => line.startsWith('data:'))
        .map(line => line.slice('data:'.length).trim())
        .pop()
    : text;
  return { status: res.status, text, message: JSON.parse(data) };
}

/** The structured output of a successful tool call, else an error with its text. */
function outputOf(answer, what) {
  const result = answer.message?.result;
  if (answer.status !== 200 || !result || result.isError) {
    throw new Error(
      `${what}: HTTP ${answer.status} ${
        result?.content?.map(c => c.text).join(' ') ?? answer.text
      }`,
    );
  }
  return result.structuredContent;
}

module.exports = [
  {
    name: "an assistant's MCP calls: payments-api's posture names its clusters and checks, a plan in nonprod-weu names a subnet",
    async run({ backendUrl }) {
      const token = await guestToken(backendUrl);
      // payments-api runs on aks-payments-prod-weu and aks-payments-dev-weu (fleet.yaml).
      const posture = await eventually(async () => {
        const output = outputOf(
          await callTool(backendUrl, token, 'aks-network.get-network-posture', {
            entityRef: 'component:default/payments-api',
          }),
          'get-network-posture',
        );
        if (output.clusters.length !== 2) {
          throw new Error(`${output.clusters.length} clusters`);
        }
        return output;
      });
      const names = posture.clusters.map(c => c.cluster.name).sort();
      if (names.join() !== 'aks-payments-dev-weu,aks-payments-prod-weu') {
        throw new Error(`clusters ${names}`);
      }
      for (const { cluster, posture: checks } of posture.clusters) {
        const statuses = new Set(checks.findings.map(f => f.status));
        if (
          checks.findings.length < 3 ||
          [...statuses].some(
            s => !['pass', 'warn', 'fail', 'unknown'].includes(s),
          )
        ) {
          throw new Error(
            `${cluster.name} findings ${JSON.stringify(checks.findings)}`,
          );
        }
      }
      const dev = posture.clusters.find(
        c => c.cluster.name === 'aks-payments-dev-weu',
      );
      if (dev.posture.summary.samePodToPodVisible !== false) {
        throw new Error(
          `aks-payments-dev-weu has no ACNS, yet samePodToPodVisible is ${dev.posture.summary.samePodToPodVisible}`,
        );
      }

      const plan = outputOf(
        await callTool(backendUrl, token, 'aks-network.plan-overlay-cluster', {
          poolId: 'nonprod-weu',
          name: 'aks-assistant-dev-weu',
          nodeCount: 3,
        }),
        'plan-overlay-cluster',
      );
      // The pool's range is 10.250.16.0/20 (app-config.yaml).
      if (
        !plan.valid ||
        !/^10\.250\.(1[6-9]|2\d|3[01])\.\d+\/\d+$/.test(
          plan.nodeSubnet?.cidr ?? '',
        ) ||
        plan.cluster.networkModel !== 'azure-cni-overlay'
      ) {
        throw new Error(`plan ${JSON.stringify(plan)}`);
      }
    },
  },
  {
    name: 'the MCP endpoint refuses a caller without credentials (401)',
    async run({ backendUrl }) {
      const answer = await callTool(
        backendUrl,
        undefined,
        'aks-network.get-network-posture',
        { entityRef: 'component:default/payments-api' },
      );
      if (answer.status !== 401) {
        throw new Error(`expected 401, got ${answer.status} ${answer.text}`);
      }
    },
  },
];
