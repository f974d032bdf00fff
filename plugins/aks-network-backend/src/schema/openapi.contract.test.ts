import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { DEFAULT_CLUSTER_TAG_NAMES } from '@aks-network/plugin-aks-network-common';
import { SUB_A, SUB_B } from '../database/__testUtils__/clusterRecords';
import {
  fleet,
  startBackend,
  stopRouterTestBackends,
} from '../__testUtils__/routerTestBackend';

jest.setTimeout(60_000);

/*
 * The router against its OpenAPI document, beyond route names: every request below
 * sends exactly the parameters and body properties the document describes (so the
 * document names nothing the route refuses, and a route that took a field the
 * document omits fails the key comparison), a field the document does not name is
 * refused with a 400 naming it, and every answer is validated against the document's
 * response schema, whose objects forbid properties they do not list.
 */

type Method = 'get' | 'post' | 'put' | 'delete';
interface Operation {
  parameters?: Array<{ name: string; in: string } | { $ref: string }>;
  requestBody?: {
    content: { 'application/json': { schema: JsonSchema } };
  };
  responses: Record<
    string,
    { content?: { 'application/json': { schema: JsonSchema } } }
  >;
}
type JsonSchema = Record<string, unknown>;
interface Spec {
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: Record<string, Record<string, JsonSchema>>;
}

const spec = parse(
  fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8'),
) as Spec;

/** `#/components/…` refs point into the document registered as `openapi`. */
function rooted<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value).replace(/"#\/components\//g, '"openapi#/components/'),
  );
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi', components: rooted(spec.components) });

function resolve<T>(value: T | { $ref: string }): T {
  if (value && typeof value === 'object' && '$ref' in value) {
    const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(value.$ref)!;
    return spec.components[section][name] as T;
  }
  return value as T;
}

function documentedInputs(route: string, method: Method) {
  const item = spec.paths[route];
  const operation = item[method]!;
  const parameters = [
    ...((item as { parameters?: Operation['parameters'] }).parameters ?? []),
    ...(operation.parameters ?? []),
  ].map(p => resolve<{ name: string; in: string }>(p));
  const body = operation.requestBody
    ? resolve<JsonSchema>(
        operation.requestBody.content['application/json'].schema as never,
      )
    : undefined;
  return {
    query: parameters.filter(p => p.in === 'query').map(p => p.name),
    body: body ? Object.keys((body.properties as object) ?? {}) : undefined,
  };
}

const validators = new Map<string, ValidateFunction>();
function responseValidator(route: string, method: Method, status: number) {
  const key = `${method} ${route} ${status}`;
  if (!validators.has(key)) {
    const response = resolve(spec.paths[route][method]!.responses[status]);
    const schema = response.content?.['application/json']?.schema;
    if (!schema) {
      throw new Error(`${key}: the document gives no JSON schema`);
    }
    validators.set(key, ajv.compile(rooted(schema)));
  }
  return validators.get(key)!;
}

const CLUSTER_ID = fleet[SUB_A][0].id;

/**
 * The test fleet, SUB_B's aks-a1 (which `orders` names) declaring Tetragon by its tag:
 * the posture and cluster answers then carry declared controls, which the document
 * must describe.
 */
const DECLARED_FLEET = {
  ...fleet,
  [SUB_B]: fleet[SUB_B].map(record => ({
    ...record,
    tags: {
      ...record.tags,
      [DEFAULT_CLUSTER_TAG_NAMES.flowExport]: 'tetragon',
    },
  })),
};
const POOL = {
  id: 'contract-pool',
  subscriptionId: SUB_A,
  resourceGroup: 'rg-network',
  vnetName: 'vnet-contract',
  region: 'westeurope',
  range: '10.250.16.0/20',
  subnetPrefix: 27,
  description: 'for the contract test',
};

interface Row {
  method: Method;
  /** The document's path. */
  route: string;
  url: (state: { reservationId: string }) => string;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  status: number;
  /** The route refuses fields the document does not name. */
  strict: boolean;
}

const ROWS: Row[] = [
  {
    method: 'get',
    route: '/clusters',
    url: () => '/clusters',
    query: {
      subscriptionId: SUB_A,
      region: 'westeurope',
      networkModel: 'azure-cni-overlay',
      owner: 'team-a',
      limit: '10',
      offset: '0',
    },
    status: 200,
    strict: true,
  },
  {
    method: 'get',
    route: '/clusters/{clusterId}',
    url: () => `/clusters/${encodeURIComponent(CLUSTER_ID)}`,
    status: 200,
    strict: false,
  },
  {
    method: 'get',
    route: '/posture',
    url: () => '/posture',
    query: { entityRef: 'component:default/orders' },
    status: 200,
    strict: true,
  },
  {
    method: 'get',
    route: '/fleet/clusters',
    url: () => '/fleet/clusters',
    query: {
      search: 'aks',
      networkModel: 'azure-cni-overlay',
      region: 'westeurope',
      subscriptionId: SUB_A,
      owner: 'team-a',
      failingCheck: 'samePodToPodVisible',
      sort: 'nodeSubnetUse',
      order: 'desc',
      limit: '10',
      offset: '0',
    },
    status: 200,
    strict: true,
  },
  {
    method: 'get',
    route: '/fleet/summary',
    url: () => '/fleet/summary',
    status: 200,
    strict: true,
  },
  {
    method: 'get',
    route: '/subscriptions',
    url: () => '/subscriptions',
    status: 200,
    strict: true,
  },
  {
    method: 'post',
    route: '/plan',
    url: () => '/plan',
    body: {},
    status: 400,
    strict: false,
  },
  {
    method: 'post',
    route: '/refresh',
    url: () => '/refresh',
    body: { clusterId: CLUSTER_ID },
    status: 200,
    strict: true,
  },
  {
    method: 'get',
    route: '/address-pools',
    url: () => '/address-pools',
    query: { capacity: 'true', limit: '10', offset: '0' },
    status: 200,
    strict: true,
  },
  {
    method: 'post',
    route: '/address-pools',
    url: () => '/address-pools',
    body: { ...POOL, id: 'contract-pool-2', range: '10.250.32.0/20' },
    status: 201,
    strict: true,
  },
  {
    method: 'get',
    route: '/address-pools/{poolId}',
    url: () => `/address-pools/${POOL.id}`,
    status: 200,
    strict: false,
  },
  {
    method: 'put',
    route: '/address-pools/{poolId}',
    url: () => '/address-pools/contract-pool-2',
    body: {
      subscriptionId: SUB_A,
      resourceGroup: 'rg-network',
      vnetName: 'vnet-contract',
      region: 'westeurope',
      range: '10.250.32.0/20',
      subnetPrefix: 28,
      description: null,
    },
    status: 200,
    strict: true,
  },
  {
    method: 'post',
    route: '/address-pools/{poolId}/plan',
    url: () => `/address-pools/${POOL.id}/plan`,
    body: {
      name: 'aks-contract',
      resourceGroup: 'rg-aks',
      region: 'westeurope',
      nodeCount: 3,
      vmSize: 'Standard_D4s_v5',
      maxPods: 30,
      kubernetesVersion: '1.33',
      networkModel: 'azure-cni-overlay',
      networkDataplane: 'azure',
      acnsObservability: true,
      podCidr: '10.244.0.0/16',
      serviceCidr: '10.0.0.0/16',
      dnsServiceIp: '10.0.0.10',
      nodePoolName: 'system',
    },
    status: 200,
    strict: true,
  },
  {
    method: 'post',
    route: '/address-pools/{poolId}/reservations',
    url: () => `/address-pools/${POOL.id}/reservations`,
    body: {
      requestKey: 'contract-2',
      owner: 'group:default/team-a',
      prefix: 27,
      ttlSeconds: 600,
    },
    status: 201,
    strict: true,
  },
  {
    method: 'get',
    route: '/address-pools/{poolId}/next-subnet',
    url: () => `/address-pools/${POOL.id}/next-subnet`,
    query: { prefix: '27' },
    status: 200,
    strict: true,
  },
  {
    method: 'get',
    route: '/reservations/{reservationId}',
    url: ({ reservationId }) => `/reservations/${reservationId}`,
    status: 200,
    strict: false,
  },
  {
    method: 'post',
    route: '/reservations/{reservationId}/commit',
    url: ({ reservationId }) => `/reservations/${reservationId}/commit`,
    body: {
      subnetId: `/subscriptions/${SUB_A}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-contract/subnets/snet-contract`,
    },
    status: 200,
    strict: true,
  },
  {
    method: 'post',
    route: '/reservations/{reservationId}/release',
    url: ({ reservationId }) => `/reservations/${reservationId}/release`,
    body: {},
    status: 200,
    strict: false,
  },
  {
    method: 'delete',
    route: '/address-pools/{poolId}',
    url: () => '/address-pools/contract-pool-2',
    status: 204,
    strict: false,
  },
];

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe('the OpenAPI document', () => {
  it('has a contract row for every operation', () => {
    const documented = Object.entries(spec.paths).flatMap(([route, item]) =>
      (['get', 'post', 'put', 'delete'] as Method[])
        .filter(method => item[method])
        .map(method => `${method} ${route}`),
    );
    expect(ROWS.map(row => `${row.method} ${row.route}`).sort()).toEqual(
      documented.sort(),
    );
  });

  it.each(ROWS.map(row => [`${row.method} ${row.route}`, row] as const))(
    '%s sends exactly the documented parameters and body properties',
    (_name, row) => {
      const documented = documentedInputs(row.route, row.method);
      expect({
        query: Object.keys(row.query ?? {}).sort(),
        body: row.body === undefined ? undefined : Object.keys(row.body).sort(),
      }).toEqual({
        query: documented.query.sort(),
        body: documented.body?.sort(),
      });
    },
  );
});

describe.each(databases.eachSupportedId())('the router on %p', databaseId => {
  let server: Parameters<typeof request>[0];
  const state = { reservationId: '' };

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    const started = await startBackend(knex, undefined, {
      config: { addressPools: [POOL] },
      fleet: DECLARED_FLEET,
    });
    server = started.server;
    await started.service().sync.run();
    const reserved = await request(server)
      .post(`/api/aks-network/address-pools/${POOL.id}/reservations`)
      .set('Authorization', mockCredentials.user.header())
      .send({ requestKey: 'contract-1' })
      .expect(201);
    state.reservationId = reserved.body.id;
  });
  afterAll(stopRouterTestBackends);

  function send(row: Row, extra: Record<string, unknown> = {}) {
    const withQuery = row.body === undefined && row.method === 'get';
    const query = { ...row.query, ...(withQuery ? extra : {}) };
    const call = request(server)
      [row.method](`/api/aks-network${row.url(state)}`)
      .query(query)
      .set('Authorization', mockCredentials.user.header());
    return row.body !== undefined || !withQuery
      ? call.send({ ...row.body, ...(withQuery ? {} : extra) })
      : call;
  }

  it.each(ROWS.map(row => [`${row.method} ${row.route}`, row] as const))(
    '%s answers as the document says',
    async (_name, row) => {
      const res = await send(row);
      // A 204 has no body to check; every other answer has the document's schema.
      const validate =
        row.status === 204
          ? undefined
          : responseValidator(row.route, row.method, row.status);
      expect({
        status: res.status,
        valid: validate ? validate(res.body) : res.text === '',
        errors: validate?.errors ?? null,
      }).toEqual({ status: row.status, valid: true, errors: null });
    },
  );

  it('GET /posture of a cluster with declared flow export answers as the document says', async () => {
    const row = ROWS.find(r => r.route === '/posture')!;
    const res = await send(row);
    const declared = DECLARED_FLEET[SUB_B][0].id;
    const cluster = res.body.clusters.find(
      (entry: { cluster: { id: string } }) => entry.cluster.id === declared,
    );
    const sameNode = cluster.posture.findings.find(
      (finding: { id: string }) =>
        finding.id === 'same-node-pod-to-pod-visible',
    );
    expect(cluster.cluster.declaredControls).toEqual([
      { tool: 'tetragon', source: 'tag' },
    ]);
    expect(sameNode).toMatchObject({
      status: 'warn',
      declaredControls: [{ tool: 'tetragon', name: 'Tetragon', source: 'tag' }],
    });
    expect(cluster.posture.summary.samePodToPodVisible).toBe(false);
    const validate = responseValidator(row.route, row.method, row.status);
    expect({
      valid: validate(res.body),
      errors: validate.errors ?? null,
    }).toEqual({ valid: true, errors: null });
  });

  it.each(
    ROWS.filter(row => row.strict).map(
      row => [`${row.method} ${row.route}`, row] as const,
    ),
  )('%s refuses a field the document does not name', async (_name, row) => {
    const res = await send(row, { undocumentedField: '1' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/undocumentedField/);
  });
});
