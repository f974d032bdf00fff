import type {
  LoggerService,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { SUB_A } from '../database/__testUtils__/clusterRecords';
import {
  fleet,
  startBackend,
  stopRouterTestBackends,
} from '../__testUtils__/routerTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

afterEach(stopRouterTestBackends);

/** Every log call, its message and its fields, as a log sink would write them. */
function capturingLogger(lines: string[]): RootLoggerService {
  const make = (fields: object): LoggerService & RootLoggerService => {
    const write = (message: string, meta?: unknown) => {
      const extra =
        meta instanceof Error
          ? { error: meta.message }
          : (meta as object | undefined);
      lines.push(`${message} ${JSON.stringify({ ...fields, ...extra })}`);
      // What a text sink prints: the message and the error's own message.
      lines.push(message);
      if (meta instanceof Error) lines.push(meta.message);
    };
    return {
      error: write,
      warn: write,
      info: write,
      debug: write,
      child: (more: object) => make({ ...fields, ...more }),
    };
  };
  return make({});
}

/** A forged line: a newline, an ANSI colour code, and a line that looks real. */
const FORGED =
  '\n\u001b[32m2026-12-01T09:00:00.000Z info aks-network Granted admin to guest\u001b[0m';

/** Whether a log line could end the line or drive a terminal. */
const isRaw = (line: string) =>
  ['\r', '\n', '\u001b', '\u2028', '\u2029'].some(c => line.includes(c));

describe.each(databases.eachSupportedId())(
  'user text in log lines on %p',
  databaseId => {
    it('cannot forge a log line with a cluster id, a pool’s VNet error or a failed request', async () => {
      const knex = await databases.init(databaseId);
      const lines: string[] = [];
      const { server } = await startBackend(knex, undefined, {
        rootLogger: capturingLogger(lines),
        config: {
          addressPools: [
            {
              id: 'weu-nodes',
              subscriptionId: SUB_A,
              resourceGroup: 'rg-network',
              vnetName: 'vnet-weu',
              region: 'westeurope',
              range: '10.250.16.0/20',
            },
          ],
        },
        // ARM's error quotes what it was sent: here, text that tries to forge a line.
        vnet: async () => {
          throw Object.assign(new Error(`AuthorizationFailed: vnet${FORGED}`), {
            statusCode: 403,
          });
        },
      });
      const as = (call: request.Test) =>
        call.set('Authorization', mockCredentials.user.header());
      const clusterId = `${fleet[SUB_A][0].id}${FORGED}`;

      const get = await as(
        request(server).get(
          `/api/aks-network/clusters/${encodeURIComponent(clusterId)}`,
        ),
      );
      expect(get.status).toBe(400);
      const refresh = await as(
        request(server).post('/api/aks-network/refresh'),
      ).send({ clusterId });
      expect(refresh.status).toBe(400);
      // Logged by the service (a warning per pool) …
      const capacity = await as(
        request(server).get('/api/aks-network/address-pools?capacity=true'),
      );
      expect(capacity.status).toBe(200);
      // … and by the error handler (a 503 is logged with its message).
      const reserve = await as(
        request(server).post(
          '/api/aks-network/address-pools/weu-nodes/reservations',
        ),
      ).send({ requestKey: `k${FORGED}` });
      expect(reserve.status).toBe(400);
      const unread = await as(
        request(server).post(
          '/api/aks-network/address-pools/weu-nodes/reservations',
        ),
      ).send({ requestKey: 'k1' });
      expect(unread.status).toBe(503);

      const quoted = lines.filter(line => line.includes('AuthorizationFailed'));
      // The VNet warning and the 503 each quote ARM's error …
      expect(quoted.length).toBeGreaterThan(0);
      // … escaped: the forged line is visible as text, never as a line of its own.
      expect(quoted.some(line => line.includes('vnet\\n\\u001b[32m'))).toBe(
        true,
      );
      expect(lines.filter(isRaw)).toEqual([]);
    });
  },
);
