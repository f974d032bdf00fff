import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ActionTestEnv,
  NONPROD,
  startActionTestEnv,
} from '../__testUtils__/actionTestEnv';
import { actionContext } from '../__testUtils__/actionContext';
import { createClusterAction } from './createClusterAction';
import { createPlanAction } from './createPlanAction';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const POLICY = {
  clusterPolicy: {
    regions: ['westeurope', 'northeurope'],
    vmSizes: ['Standard_D4s_v5', 'Standard_D8s_v5'],
    nodeCount: { min: 1, max: 50 },
    kubernetesVersions: ['1.32', '1.33'],
  },
};

const good = {
  name: 'aks-orders-dev-weu',
  subscriptionId: NONPROD,
  resourceGroup: 'rg-aks-payments-dev',
  region: 'westeurope',
  addressPoolId: 'nonprod-weu',
  nodeCount: 3,
  vmSize: 'Standard_D4s_v5',
  owner: 'group:default/team-payments',
};

/**
 * Bad inputs a template may send, each answered by an InputError naming the field (and
 * the fact or rule), with nothing reserved and nothing written to Azure. `field` is the
 * action's input name that must lead the problem.
 */
const BAD_INPUTS: Array<[string, Record<string, unknown>, string, RegExp]> = [
  [
    'a malformed pod CIDR',
    { podCidr: '10.244.0.0/33' },
    'podCidr',
    /prefix 33 is out of range/,
  ],
  [
    'a pod CIDR with host bits',
    { podCidr: '10.244.1.0/16' },
    'podCidr',
    /host bits/,
  ],
  [
    'a service CIDR overlapping the pod CIDR',
    { serviceCidr: '10.244.0.0/16' },
    'podCidr',
    /overlaps the service CIDR 10\.244\.0\.0\/16 \(serviceCidr\)/,
  ],
  [
    'a pod CIDR overlapping the VNet',
    { podCidr: '10.250.0.0/16' },
    'podCidr',
    /overlap/i,
  ],
  [
    'a pod CIDR in a range AKS reserves',
    { podCidr: '172.30.0.0/16' },
    'podCidr',
    /172\.30\.0\.0\/16/,
  ],
  [
    'a DNS IP outside the service CIDR',
    { dnsServiceIp: '10.1.0.10' },
    'dnsServiceIp',
    /10\.0\.0\.0\/16/,
  ],
  ['a name of 64 characters', { name: `aks-${'x'.repeat(60)}` }, 'name', /63/],
  [
    'a name with bad characters',
    { name: 'aks orders!' },
    'name',
    /letters, digits/,
  ],
  ['maxPods 5', { maxPods: 5 }, 'maxPods', /maxPods is 5.*10/],
  ['maxPods 300', { maxPods: 300 }, 'maxPods', /maxPods is 300.*250/],
  ['node count 0', { nodeCount: 0 }, 'nodeCount', /1–50/],
  ['more nodes than the policy allows', { nodeCount: 51 }, 'nodeCount', /1–50/],
  [
    'the flat model',
    { networkModel: 'azure-cni-node-subnet' },
    'networkModel',
    /not allowed .*VNet IP/,
  ],
  [
    'kubenet',
    { networkModel: 'kubenet' },
    'networkModel',
    /retires on 2028-03-31/,
  ],
  ['BYO CNI', { networkModel: 'byo-cni' }, 'networkModel', /not allowed/],
  [
    'the Cilium dataplane',
    { networkDataplane: 'cilium' },
    'networkDataplane',
    /not allowed/,
  ],
  ['an unknown model', { networkModel: 'calico' }, 'networkModel', /calico/],
  [
    'a region outside the policy',
    { region: 'eastus' },
    'region',
    /allowed regions/,
  ],
  [
    'a VM size outside the policy',
    { vmSize: 'Standard_M416ms_v2' },
    'vmSize',
    /allowed VM sizes/,
  ],
  [
    'a Kubernetes version outside the policy',
    { kubernetesVersion: '1.29' },
    'kubernetesVersion',
    /allowed versions/,
  ],
  [
    'an address pool that does not exist',
    { addressPoolId: 'nope' },
    'addressPoolId',
    /no address pool 'nope'/,
  ],
  [
    'an address pool in another region',
    { addressPoolId: 'nonprod-neu' },
    'addressPoolId',
    /northeurope/,
  ],
];

/**
 * Inputs that would reach an ARM URL (`/subscriptions/{s}/resourceGroups/{rg}/…/{name}`)
 * or the cluster's tags unchecked, and inputs of the wrong type: refused by common's
 * rules before any call, so the simulator sees no request at all.
 */
const UNCHECKED_INPUTS: Array<
  [string, Record<string, unknown>, string, RegExp]
> = [
  [
    "a subscription '..'",
    { subscriptionId: '..' },
    'subscriptionId',
    /a subscription id is a GUID/,
  ],
  [
    'a subscription climbing out of its scope',
    { subscriptionId: '../../../x' },
    'subscriptionId',
    /GUID/,
  ],
  [
    'a resource group with a path',
    { resourceGroup: 'rg/../../x' },
    'resourceGroup',
    /Resource group name is not valid/,
  ],
  [
    'a resource group with a query',
    { resourceGroup: 'rg?api-version=1' },
    'resourceGroup',
    /not valid/,
  ],
  ['a cluster name with a path', { name: '../x' }, 'name', /not valid/],
  [
    'a cluster name with an encoded slash',
    { name: 'aks%2Fx' },
    'name',
    /not valid/,
  ],
  [
    'a region by its display name',
    { region: 'West Europe' },
    'region',
    /programmatic name/,
  ],
  [
    'a name holding a newline and ANSI colours',
    { name: 'aks\n\u001b[31mforged' },
    'name',
    /control or bidirectional-formatting character U\+000A/,
  ],
  ['no owner', { owner: '' }, 'owner', /required/],
  [
    'an owner longer than a tag value',
    { owner: `group:default/${'x'.repeat(300)}` },
    'owner',
    /at most 256/,
  ],
  [
    'components longer than a tag value together',
    { components: Array.from({ length: 30 }, (_, i) => `component-${i}`) },
    'components',
    /the component tag holds at most 256/,
  ],
  [
    'a flow-export tool that is not known',
    { flowExport: ['tetragon', 'nope'] },
    'flowExport',
    /'nope' \(entry 2\) is not a known tool; allowed: tetragon, linkerd, retina, istio$/,
  ],
  [
    'a flow export as text',
    { flowExport: 'tetragon' },
    'flowExport',
    /expected a list of tool ids, got a string/,
  ],
  [
    'a node count as text',
    { nodeCount: '3' },
    'nodeCount',
    /expected a whole number, got a string/,
  ],
  [
    'a node count of 1e300',
    { nodeCount: 1e300 },
    'nodeCount',
    /expected a whole number/,
  ],
  [
    'ACNS as text',
    { acnsObservability: 'yes' },
    'acnsObservability',
    /expected true or false/,
  ],
];

describe.each(databases.eachSupportedId())('bad inputs on %p', databaseId => {
  let env: ActionTestEnv;

  beforeAll(async () => {
    env = await startActionTestEnv(databases, databaseId, POLICY);
  });
  afterAll(async () => {
    await env?.stop();
  });
  beforeEach(() => {
    env.simulator.reset();
  });

  const createAction = (
    result:
      | AuthorizeResult.ALLOW
      | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  ) =>
    createClusterAction({
      settings: env.settings,
      backend: env.backend,
      provisioner: env.provisioner,
      permissions: mockServices.permissions({ result }),
    });

  /** Runs the action on a bad input; what it answered and what it left behind. */
  async function refusal(input: Record<string, unknown>) {
    const reservationsBefore = await env.knex('reservations').select();
    const { ctx } = actionContext(input);
    const error = await createAction()
      .handler(ctx as never)
      .then(
        () => undefined,
        (e: Error) => e,
      );
    return {
      name: error?.name,
      problems: error?.message.split('\n- ').slice(1) ?? [],
      azureWrites: env.simulator
        .calls()
        .log.filter(call => call.method !== 'GET')
        .map(call => `${call.method} ${call.path}`),
      reservationsChanged:
        JSON.stringify(await env.knex('reservations').select()) !==
        JSON.stringify(reservationsBefore),
    };
  }

  /** An InputError whose problem for `field` says `detail`; nothing written or reserved. */
  const refused = (field: string, detail: RegExp) => ({
    name: 'InputError',
    problems: expect.arrayContaining([
      expect.stringMatching(
        new RegExp(`^${field}: (.*)${detail.source}`, detail.flags),
      ),
    ]),
    azureWrites: [],
    reservationsChanged: false,
  });

  it.each(BAD_INPUTS)(
    'refuses %s, naming %p',
    async (_label, change, field, detail) => {
      expect(await refusal({ ...good, ...change })).toEqual(
        refused(field, detail),
      );
    },
  );

  it.each(UNCHECKED_INPUTS)(
    'refuses %s before any call, naming %p',
    async (_label, change, field, detail) => {
      const result = await refusal({ ...good, ...change });
      expect(result).toEqual(refused(field, detail));
      expect(env.simulator.calls().total).toBe(0);
    },
  );

  it('refuses what is not an object of fields, and garbage fields, before any call', async () => {
    for (const input of [null, 'x', [], 42]) {
      const { ctx } = actionContext({});
      const error = await createAction()
        .handler({ ...ctx, input } as never)
        .catch((e: Error) => e);
      expect(error).toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(
          /^Invalid cluster request:\n- input: expected an object/,
        ),
      });
    }
    const { ctx } = actionContext({ name: {}, nodeCount: [], owner: 7 });
    const error = (await createAction()
      .handler(ctx as never)
      .catch((e: Error) => e)) as Error;
    expect(
      new Set(
        error.message
          .split('\n- ')
          .slice(1)
          .map(l => l.split(':')[0]),
      ),
    ).toEqual(
      new Set([
        'name',
        'subscriptionId',
        'resourceGroup',
        'region',
        'addressPoolId',
        'nodeCount',
        'vmSize',
        'owner',
      ]),
    );
    expect(env.simulator.calls().total).toBe(0);
  });

  it('refuses an exhausted pool, naming addressPoolId', async () => {
    // tiny-weu holds one /27; another request holds it.
    await env.backend.api.reserveSubnet(
      'tiny-weu',
      { requestKey: `filler-${databaseId}`, prefix: 27, ttlSeconds: 3600 },
      await env.backend.requestOptions(mockCredentials.user()),
    );
    expect(await refusal({ ...good, addressPoolId: 'tiny-weu' })).toEqual(
      refused('addressPoolId', /has no free \/27 left/),
    );
  });

  it('reports every problem of a request at once', async () => {
    const { ctx } = actionContext({
      ...good,
      maxPods: 5,
      nodeCount: 0,
      region: 'eastus',
    });
    const error = await createAction()
      .handler(ctx as never)
      .catch((e: Error) => e);
    const lines = (error as Error).message.split('\n- ').slice(1);
    expect(new Set(lines.map(line => line.split(':')[0]))).toEqual(
      new Set(['maxPods', 'nodeCount', 'region', 'addressPoolId']),
    );
  });

  it('plans refuse what would reach an ARM URL before any call', async () => {
    const plan = createPlanAction({
      backend: env.backend,
      azure: env.provisioner,
    });
    const { ctx } = actionContext({
      ...good,
      subscriptionId: '..',
      name: '../x',
    });
    const error = (await plan
      .handler(ctx as never)
      .catch((e: Error) => e)) as Error;
    expect(error.name).toBe('InputError');
    expect(
      error.message
        .split('\n- ')
        .slice(1)
        .map(l => l.split(':')[0]),
    ).toEqual(['subscriptionId', 'name']);
    expect(env.simulator.calls().total).toBe(0);
  });

  it('plans refuse the same inputs with the same fields', async () => {
    const plan = createPlanAction({
      backend: env.backend,
      azure: env.provisioner,
    });
    const { ctx } = actionContext({ ...good, maxPods: 300 });
    await expect(plan.handler(ctx as never)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/^Invalid cluster request:\n- maxPods: /),
    });
  });
});
