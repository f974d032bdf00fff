import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import fc from 'fast-check';
import type { Knex } from 'knex';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { SUB_A } from '../database/__testUtils__/clusterRecords';
import {
  fleet,
  startBackend,
  stopRouterTestBackends,
} from '../__testUtils__/routerTestBackend';

jest.setTimeout(120_000);

/*
 * Every route of the OpenAPI document, fed typed inputs (the document's parameters and
 * properties with values of their types, often valid, often at or past their bounds)
 * and garbage (any JSON, control characters, 1e300, arrays for scalars, ids no
 * resource has): never a 500, never a stack trace or SQL in the answer, and a request
 * that is refused writes nothing (every table of the plugin is compared before and
 * after). On SQLite and PostgreSQL.
 */

type Method = 'get' | 'post' | 'put' | 'delete';
type Schema = {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  properties?: Record<string, Schema>;
  $ref?: string;
};
interface Operation {
  parameters?: Array<
    { name: string; in: string; schema?: Schema } | { $ref: string }
  >;
  requestBody?: { content: { 'application/json': { schema: Schema } } };
}

const spec = parse(
  fs.readFileSync(path.join(__dirname, '../schema/openapi.yaml'), 'utf8'),
) as {
  paths: Record<
    string,
    Partial<Record<Method, Operation>> & {
      parameters?: Operation['parameters'];
    }
  >;
  components: Record<string, Record<string, any>>;
};

function resolve<T>(value: T | { $ref: string }): T {
  if (value && typeof value === 'object' && '$ref' in value) {
    const pointer = (value as { $ref: string }).$ref
      .replace(/^#\//, '')
      .split('/');
    return pointer.reduce((node: any, key) => node[key], spec) as T;
  }
  return value as T;
}

interface Route {
  method: Method;
  route: string;
  pathParams: string[];
  query: Array<{ name: string; schema: Schema }>;
  body?: Record<string, Schema>;
}

const ROUTES: Route[] = Object.entries(spec.paths).flatMap(([route, item]) =>
  (['get', 'post', 'put', 'delete'] as Method[])
    .filter(method => item[method])
    .map(method => {
      const operation = item[method]!;
      const parameters = [
        ...(item.parameters ?? []),
        ...(operation.parameters ?? []),
      ].map(p => resolve<{ name: string; in: string; schema?: Schema }>(p));
      const body = operation.requestBody
        ? resolve<Schema>(
            operation.requestBody.content['application/json'].schema,
          )
        : undefined;
      return {
        method,
        route,
        pathParams: parameters.filter(p => p.in === 'path').map(p => p.name),
        query: parameters
          .filter(p => p.in === 'query')
          .map(p => ({ name: p.name, schema: resolve(p.schema ?? {}) })),
        body: body
          ? Object.fromEntries(
              Object.entries(body.properties ?? {}).map(([k, v]) => [
                k,
                resolve(v),
              ]),
            )
          : undefined,
      };
    }),
);

const POOL = {
  id: 'prop-pool',
  subscriptionId: SUB_A,
  resourceGroup: 'rg-network',
  vnetName: 'vnet-prop',
  region: 'westeurope',
  range: '10.250.16.0/20',
};
const CLUSTER_ID = fleet[SUB_A][0].id;
const SUBNET_ID = `/subscriptions/${SUB_A}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-prop/subnets/snet-prop`;

/** Text that has broken parsers, SQL and logs elsewhere. */
const nasty = fc.constantFrom(
  '',
  '\u0000',
  'a\u0000b',
  '\n\u001b[31mforged',
  '\u202eevil',
  "' OR 1=1 --",
  '../../../x',
  '%2F..%2F',
  '1e20',
  '1e300',
  '-1',
  'NaN',
  '0x10',
  '9'.repeat(30),
  'x'.repeat(2000),
  '{}',
  '[]',
  'null',
);
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  nasty,
);
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nasty },
  text,
  fc.double(),
  fc.constantFrom(1e300, -1e300, 1e13, Number.MAX_SAFE_INTEGER + 2, -0, 0.5),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), text, { maxKeys: 3 }),
);

/** A value of the schema's type, inside or just outside its bounds. */
function typed(schema: Schema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.type === 'integer') {
    const min = schema.minimum ?? -1000;
    const max = schema.maximum ?? 100_000;
    return fc.oneof(
      fc.integer({ min, max }),
      // The edges, and magnitudes no bound expects (1e20 as text is
      // 100000000000000000000).
      fc.constantFrom(min - 1, max + 1, 1e20, -1e20, 2 ** 53 + 2, 1.5),
    );
  }
  if (schema.type === 'boolean') return fc.boolean();
  if (schema.type === 'number') return fc.double({ noNaN: true });
  return fc.oneof(
    fc.string({ maxLength: Math.min(schema.maxLength ?? 64, 64) }),
    fc.string({
      minLength: (schema.maxLength ?? 64) + 1,
      maxLength: (schema.maxLength ?? 64) + 2,
    }),
  );
}

/** Valid inputs to start from: many typed requests then reach the store. */
const VALID_BODY: Record<string, () => fc.Arbitrary<Record<string, unknown>>> =
  {
    'post /address-pools': () =>
      fc.record({
        id: fc.stringMatching(/^[a-z][a-z0-9-]{2,20}[a-z0-9]$/),
        subscriptionId: fc.constant(SUB_A),
        resourceGroup: fc.constant('rg-network'),
        vnetName: fc.constantFrom('vnet-prop', 'VNET-PROP', 'vnet-other'),
        region: fc.constant('westeurope'),
        range: fc
          .integer({ min: 0, max: 255 })
          .map(octet => `10.250.${octet}.0/24`),
        subnetPrefix: fc.integer({ min: 24, max: 29 }),
      }),
    'put /address-pools/{poolId}': () =>
      fc.record(
        {
          vnetName: fc.constantFrom('vnet-prop', 'vnet-moved'),
          range: fc.constantFrom(
            '10.250.16.0/20',
            '10.250.0.0/16',
            '10.250.16.0/27',
          ),
          description: fc.oneof(
            fc.string({ maxLength: 30 }),
            fc.constant(null),
          ),
          subnetPrefix: fc.integer({ min: 25, max: 29 }),
        },
        { requiredKeys: [] },
      ),
    'post /address-pools/{poolId}/reservations': () =>
      fc.record(
        {
          requestKey: fc.string({ minLength: 1, maxLength: 20 }),
          owner: fc.constantFrom(
            'group:default/team-a',
            'user:default/mock',
            'group:default/team-b',
          ),
          prefix: fc.integer({ min: 22, max: 30 }),
          ttlSeconds: fc.integer({ min: 0, max: 100_000 }),
        },
        { requiredKeys: ['requestKey'] },
      ),
    'post /reservations/{reservationId}/commit': () =>
      fc.record({
        subnetId: fc.constantFrom(
          SUBNET_ID,
          SUBNET_ID.replace('vnet-prop', 'vnet-x'),
        ),
      }),
    'post /address-pools/{poolId}/plan': () =>
      fc.record(
        {
          nodeCount: fc.oneof(
            fc.integer({ min: -5, max: 2000 }),
            fc.constantFrom(1e300, 0.5),
          ),
          maxPods: fc.integer({ min: -5, max: 300 }),
          podCidr: fc.constantFrom(
            '10.244.0.0/16',
            '10.250.0.0/16',
            '0.0.0.0/0',
            'x',
          ),
          region: fc.constantFrom('westeurope', 'eastus', ''),
        },
        { requiredKeys: ['nodeCount'] },
      ),
    'post /refresh': () =>
      fc.record(
        { clusterId: fc.constantFrom(CLUSTER_ID) },
        { requiredKeys: [] },
      ),
  };

function bodyArb(route: Route): fc.Arbitrary<unknown> {
  const key = `${route.method} ${route.route}`;
  const props = route.body ?? {};
  const fromSchema = fc.record(
    Object.fromEntries(
      Object.entries(props).map(([name, schema]) => [
        name,
        fc.oneof(typed(schema), garbage),
      ]),
    ),
    { requiredKeys: [] },
  );
  const valid = VALID_BODY[key]?.() ?? fromSchema;
  // A valid body with one field typed-random or garbage, or an extra field.
  const mutated = fc
    .tuple(
      valid,
      fc.constantFrom(...Object.keys(props), 'undocumented'),
      garbage,
    )
    .map(([body, field, value]) => ({ ...body, [field]: value }));
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 3, arbitrary: mutated },
    { weight: 2, arbitrary: fromSchema },
    { weight: 1, arbitrary: garbage },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
}

const PARAM_VALUES: Record<string, string[]> = {
  poolId: [POOL.id, 'no-such-pool'],
  clusterId: [
    CLUSTER_ID,
    CLUSTER_ID.toUpperCase(),
    CLUSTER_ID.replace('aks-a1', 'aks-gone'),
  ],
};

function paramArb(
  name: string,
  reservationIds: () => string[],
): fc.Arbitrary<string> {
  const known =
    name === 'reservationId'
      ? fc.constantFrom(0, 1).map(index => reservationIds()[index] ?? 'r')
      : fc.constantFrom(...(PARAM_VALUES[name] ?? ['x']));
  return fc.oneof(
    { weight: 2, arbitrary: known },
    { weight: 1, arbitrary: text },
  );
}

function queryArb(route: Route): fc.Arbitrary<Record<string, unknown>> {
  const typedQuery = fc.record(
    Object.fromEntries(
      route.query.map(({ schema, name }) => [
        name,
        fc.oneof(typed(schema).map(String), garbage),
      ]),
    ),
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 4, arbitrary: typedQuery },
    {
      weight: 1,
      arbitrary: typedQuery.chain(q =>
        garbage.map(value => ({ ...q, undocumented: value })),
      ),
    },
  );
}

function encode(segment: string): string {
  try {
    return encodeURIComponent(segment);
  } catch {
    // A lone surrogate: sent as its UTF-8 replacement, which is still garbage.
    return encodeURIComponent(segment.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

/** Every table of the plugin, in a stable order, to compare before and after. */
async function tables(knex: Knex): Promise<unknown> {
  const snapshot: Record<string, unknown> = {};
  for (const [table, key] of [
    ['clusters', 'id'],
    ['sync_runs', 'id'],
    ['subscriptions', 'id'],
    ['address_pools', 'id'],
    ['reservations', 'id'],
    ['address_pool_vnet_locks', 'vnet_key'],
  ]) {
    snapshot[table] = await knex(table).select().orderBy(key);
  }
  return JSON.parse(JSON.stringify(snapshot));
}

/** What an answer must never carry. */
const LEAKS = [
  /\bat [\w.<>]+ \(.*:\d+:\d+\)/, // a stack frame
  /node_modules/,
  /\b(select|insert into|update|delete from)\b.*\b(from|values|set|where)\b/i,
  /SQLITE_|syntax error|duplicate key|violates|invalid input syntax|knex/i,
];

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe('the property test', () => {
  it('covers every route of the OpenAPI document', () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(19);
    expect(
      Object.keys(VALID_BODY).every(key =>
        ROUTES.some(r => `${r.method} ${r.route}` === key),
      ),
    ).toBe(true);
  });
});

describe.each(databases.eachSupportedId())('every route on %p', databaseId => {
  let knex: Knex;
  let server: Parameters<typeof request>[0];
  const reservationIds: string[] = [];

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    const started = await startBackend(knex, undefined, {
      config: {
        addressPools: [POOL],
        // The scheduled sync never runs by itself during the test: only a refresh does.
        sync: {
          schedule: {
            frequency: { hours: 1 },
            timeout: { minutes: 1 },
            initialDelay: { hours: 1 },
          },
        },
      },
    });
    server = started.server;
    await started.service().sync.run();
    for (const key of ['seed-1', 'seed-2']) {
      const res = await request(server)
        .post(`/api/aks-network/address-pools/${POOL.id}/reservations`)
        .set('Authorization', mockCredentials.user.header())
        .send({ requestKey: key });
      reservationIds.push(res.body.id);
    }
  });
  afterAll(stopRouterTestBackends);

  it.each(
    ROUTES.map(
      route => [`${route.method.toUpperCase()} ${route.route}`, route] as const,
    ),
  )(
    '%s: no 500, no stack or SQL, no write when refused',
    async (_name, route) => {
      const input = fc.record({
        params: fc.record(
          Object.fromEntries(
            route.pathParams.map(name => [
              name,
              paramArb(name, () => reservationIds),
            ]),
          ),
        ),
        query: queryArb(route),
        body:
          route.body || route.method !== 'get'
            ? bodyArb(route)
            : fc.constant(undefined),
        // Now and then a body that is no JSON object at all.
        rawJson: fc.oneof(
          { weight: 8, arbitrary: fc.constant(undefined) },
          {
            weight: 1,
            arbitrary: fc.constantFrom('{"a":', '"text"', '1e999', '[1,'),
          },
        ),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ params, query, body, rawJson }) => {
          const url = route.route.replace(/\{(\w+)\}/g, (_m, name) =>
            encode((params as Record<string, string>)[name]),
          );
          const before = await tables(knex);
          let call = request(server)
            [route.method](`/api/aks-network${url}`)
            .query(query as Record<string, string>)
            .set('Authorization', mockCredentials.user.header());
          if (rawJson !== undefined && route.method !== 'get') {
            call = call.set('Content-Type', 'application/json').send(rawJson);
          } else if (body !== undefined) {
            call = call
              .set('Content-Type', 'application/json')
              .send(JSON.stringify(body));
          }
          const res = await call;
          const answer = res.text ?? '';
          const after = await tables(knex);
          expect({
            // The answer is shown when it is a 500, to say what broke.
            status: res.status < 500 ? 'below 500' : `${res.status}: ${answer}`,
            leaks: LEAKS.filter(leak => leak.test(answer)).map(String),
            stack: res.body?.error?.stack,
            // Refused: every table as it was. Taken: whatever the route wrote.
            tables: res.status >= 400 ? after : before,
          }).toEqual({
            status: 'below 500',
            leaks: [],
            stack: undefined,
            tables: before,
          });
        }),
        { numRuns: 60, endOnFailure: true },
      );
    },
  );
});
