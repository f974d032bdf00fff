import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import yaml from 'yaml';
import {
  ActionTestEnv,
  startActionTestEnv,
} from '../__testUtils__/actionTestEnv';
import { actionContext } from '../__testUtils__/actionContext';
import { createClusterAction } from './createClusterAction';
import { createPlanAction } from './createPlanAction';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/**
 * Every example the actions publish runs as written against the seed fleet: an example
 * that no longer works is a broken promise in the scaffolder's action list.
 */
describe('action examples', () => {
  let env: ActionTestEnv;

  beforeAll(async () => {
    env = await startActionTestEnv(databases, 'SQLITE_3');
  });
  afterAll(async () => {
    await env?.stop();
  });
  beforeEach(() => {
    env.simulator.reset();
  });

  const actions = () => [
    createPlanAction({ backend: env.backend, azure: env.provisioner }),
    createClusterAction({
      settings: env.settings,
      backend: env.backend,
      provisioner: env.provisioner,
      permissions: mockServices.permissions({ result: AuthorizeResult.ALLOW }),
    }),
  ];

  const examples = () =>
    actions().flatMap(action =>
      (action.examples ?? []).map(example => ({ action, example })),
    );

  it('has examples for every action', () => {
    expect(
      actions().map(action => [action.id, (action.examples ?? []).length > 0]),
    ).toEqual([
      ['aks-network:plan', true],
      ['aks-network:cluster:create', true],
    ]);
  });

  it.each(
    // Described up front so each example is its own test.
    [0, 1, 2].map(index => [index]),
  )('runs example %p as written', async index => {
    const { action, example } = examples()[index];
    const steps = yaml.parse(example.example).steps as Array<{
      action: string;
      input: Record<string, unknown>;
    }>;
    expect(steps.map(step => step.action)).toEqual([action.id]);
    const { ctx, outputs } = actionContext(steps[0].input);
    await action.handler(ctx as never);
    expect(outputs.nodeSubnetCidr).toMatch(/^10\.2[45]0\.\d+\.\d+\/\d+$/);
    // A plan writes nothing; a create leaves a cluster that reached Succeeded.
    const clusters = env.simulator.state
      .clusters()
      .filter(c => c.name === steps[0].input.name)
      .map(
        c => (c.properties as { provisioningState?: string }).provisioningState,
      );
    expect(clusters).toEqual(
      action.id === 'aks-network:cluster:create' ? ['Succeeded'] : [],
    );
  });

  it('covers every example', () => {
    expect(examples()).toHaveLength(3);
  });
});

describe('aks-network:plan outputs', () => {
  let env: ActionTestEnv;

  beforeAll(async () => {
    env = await startActionTestEnv(databases, 'SQLITE_3');
  });
  afterAll(async () => {
    await env?.stop();
  });

  // docs/domain.md#azure-reserved-ips: a /27 has 27 usable; overlay takes one node IP per node and surge node; a
  // /16 pod CIDR serves 256 nodes; flat needs (n + surge) × (1 + maxPods); ACNS costs
  // nodes × $0.025 × 730 h.
  it.each([
    [
      3,
      30,
      {
        nodeSubnetPrefix: 27,
        nodeSubnetMaxNodes: 26,
        podCapacity: 90,
        vnetIpsSavedVsFlat: 120,
        acnsMonthlyCostUsd: 54.75,
      },
    ],
    [
      100,
      30,
      {
        nodeSubnetPrefix: 25,
        nodeSubnetMaxNodes: 122,
        podCapacity: 3000,
        vnetIpsSavedVsFlat: 3030,
        acnsMonthlyCostUsd: 1825,
      },
    ],
    [
      10,
      250,
      {
        nodeSubnetPrefix: 27,
        nodeSubnetMaxNodes: 26,
        podCapacity: 2500,
        vnetIpsSavedVsFlat: 2750,
        acnsMonthlyCostUsd: 182.5,
      },
    ],
  ])('plans %p nodes at maxPods %p', async (nodeCount, maxPods, expected) => {
    const { ctx, outputs } = actionContext({
      name: 'aks-planned-weu',
      subscriptionId: '7d3c1f0a-2b4e-4c8d-9f1a-3e5b7c9d1f20',
      resourceGroup: 'rg-aks-payments-prod',
      region: 'westeurope',
      addressPoolId: 'prod-weu',
      nodeCount,
      maxPods,
      vmSize: 'Standard_D4s_v5',
      acnsObservability: true,
    });
    await createPlanAction({
      backend: env.backend,
      azure: env.provisioner,
    }).handler(ctx as never);
    expect(outputs).toMatchObject({
      ...expected,
      addressPoolId: 'prod-weu',
      podCidr: '10.244.0.0/16',
      podCidrMaxNodes: 256,
    });
    // Inside the pool's range, clear of the VNet's subnets.
    expect(outputs.nodeSubnetCidr).toMatch(/^10\.240\.(1[6-9]|2\d|3[01])\./);
    expect(env.simulator.calls().log.filter(c => c.method !== 'GET')).toEqual(
      [],
    );
  });

  it('leaves the ACNS cost out when ACNS is not asked for', async () => {
    const { ctx, outputs } = actionContext({
      name: 'aks-planned-weu',
      subscriptionId: '7d3c1f0a-2b4e-4c8d-9f1a-3e5b7c9d1f20',
      resourceGroup: 'rg-aks-payments-prod',
      region: 'westeurope',
      addressPoolId: 'prod-weu',
      nodeCount: 3,
      vmSize: 'Standard_D4s_v5',
    });
    await createPlanAction({
      backend: env.backend,
      azure: env.provisioner,
    }).handler(ctx as never);
    expect(outputs).not.toHaveProperty('acnsMonthlyCostUsd');
    expect(outputs.podCapacity).toBe(90);
  });
});
