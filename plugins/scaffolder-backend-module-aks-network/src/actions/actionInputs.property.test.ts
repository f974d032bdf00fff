import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import fc from 'fast-check';
import {
  ActionTestEnv,
  NONPROD,
  PROD,
  startActionTestEnv,
} from '../__testUtils__/actionTestEnv';
import { actionContext } from '../__testUtils__/actionContext';
import { armWrites, azureState } from '../__testUtils__/armWrites';
import { createClusterAction } from './createClusterAction';
import { createPlanAction } from './createPlanAction';

jest.setTimeout(300_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const POLICY = {
  clusterPolicy: {
    regions: ['westeurope', 'northeurope'],
    vmSizes: ['Standard_D4s_v5', 'Standard_D8s_v5'],
    nodeCount: { min: 1, max: 50 },
    kubernetesVersions: ['1.32', '1.33'],
  },
};

/** Texts a hostile or careless template sends: paths, queries, controls, bidi, long. */
const nastyText = fc.constantFrom(
  '',
  ' ',
  '..',
  '../../../x',
  'a/b',
  'x?api-version=1',
  'aks%2Fx',
  'aks\n\u001b[31mforged',
  'aks\u202eevil',
  "' OR 1=1 --",
  'x'.repeat(300),
);

const text = (valid: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...valid) },
    { weight: 2, arbitrary: nastyText },
    { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  );

const number = (valid: number[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...valid) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.integer({ min: -10, max: 5000 }),
        fc.double(),
        fc.constantFrom(1e13, 1e300, -0, Number.NaN, Infinity),
      ),
    },
  );

/** Each field typed as the action declares it, valid or not. */
const typedFields = {
  name: fc.oneof(
    text(['aks-prop-a', 'aks-payments-dev-weu']),
    fc.stringMatching(/^aks-[a-z0-9]{1,12}$/),
  ),
  subscriptionId: fc.oneof(text([NONPROD, PROD]), fc.uuid()),
  resourceGroup: text(['rg-aks-payments-dev', 'rg-nowhere']),
  region: text(['westeurope', 'northeurope', 'eastus', 'West Europe']),
  addressPoolId: text(['nonprod-weu', 'prod-weu', 'nonprod-neu', 'nope']),
  nodeCount: number([1, 3, 50, 51, 0]),
  vmSize: text(['Standard_D4s_v5', 'Standard_M416ms_v2']),
  maxPods: number([30, 10, 250, 5, 300]),
  kubernetesVersion: text(['1.33', '1.29']),
  networkModel: text(['azure-cni-overlay', 'kubenet', 'calico']),
  networkDataplane: text(['azure', 'cilium']),
  acnsObservability: fc.boolean(),
  podCidr: text(['10.244.0.0/16', '10.244.1.0/16', '172.30.0.0/16']),
  serviceCidr: text(['10.0.0.0/16', '10.244.0.0/16']),
  dnsServiceIp: text(['10.0.0.10', '10.0.0.0', '10.1.0.10']),
  nodePoolName: text(['system', 'System', 'averyveryverylongname']),
  owner: text(['group:default/team-payments']),
  system: text(['system:default/payments']),
  components: fc.array(text(['payments-api']), { maxLength: 40 }),
  flowExport: fc.array(text(['tetragon', 'linkerd', 'retina', 'istio']), {
    maxLength: 6,
  }),
};
const FIELD_NAMES = Object.keys(typedFields);

/** A request the policy and the pool accept, each with a cluster name of its own. */
const validInput = fc.integer({ min: 1, max: 999_999 }).map(n => ({
  name: `aks-prop-${n}`,
  subscriptionId: NONPROD,
  resourceGroup: 'rg-aks-payments-dev',
  region: 'westeurope',
  addressPoolId: 'nonprod-weu',
  nodeCount: 3,
  vmSize: 'Standard_D4s_v5',
  owner: 'group:default/team-payments',
}));

/**
 * A valid request with up to three fields set to typed values (valid or not) and up
 * to two left out: valid requests run to the end, the rest are refused field by field.
 */
const typedInput = fc
  .tuple(
    validInput,
    fc.record(typedFields),
    fc.subarray(FIELD_NAMES, { maxLength: 3 }),
    fc.subarray(FIELD_NAMES, { maxLength: 2 }),
  )
  .map(([base, values, changed, dropped]) => {
    const input: Record<string, unknown> = { ...base };
    for (const field of changed) {
      input[field] = values[field as keyof typeof values];
    }
    for (const field of dropped) {
      delete input[field];
    }
    return input;
  });

/** A valid request whose ARM URL parts (subscription, resource group, name) are any text. */
const urlPartsInput = fc
  .tuple(
    validInput,
    fc.record(
      {
        subscriptionId: typedFields.subscriptionId,
        resourceGroup: typedFields.resourceGroup,
        name: typedFields.name,
      },
      { requiredKeys: [] },
    ),
  )
  .map(([base, parts]) => ({ ...base, ...parts }));

/** Anything at all: JSON of any shape, a field of any type, the input not an object. */
const garbageInput = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.anything()),
  fc
    .tuple(typedInput, fc.constantFrom(...FIELD_NAMES), fc.jsonValue())
    .map(([input, field, value]) => ({ ...input, [field]: value })),
);

/** An ARM path inside one subscription (the operation status URLs included). */
const ARM_PATH =
  /^\/subscriptions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/(resourceGroups|providers)\//i;

/**
 * The inventory's Resource Graph queries (the refresh after a create): a fixed
 * tenant-level path that no input reaches; the subscriptions go in the body.
 */
const RESOURCE_GRAPH_PATH = '/providers/Microsoft.ResourceGraph/resources';

/** What an action may throw: a refusal, or a create that failed in Azure and says so. */
const EXPECTED_ERRORS = ['InputError', 'ClusterCreationError'];

describe.each(databases.eachSupportedId())(
  'every action input, typed or garbage, on %p',
  databaseId => {
    let env: ActionTestEnv;

    beforeAll(async () => {
      env = await startActionTestEnv(databases, databaseId, POLICY);
    });
    afterAll(async () => {
      await env?.stop();
    });

    const runs = () => {
      const create = createClusterAction({
        settings: env.settings,
        backend: env.backend,
        provisioner: env.provisioner,
        permissions: mockServices.permissions({
          result: AuthorizeResult.ALLOW,
        }),
      });
      const plan = createPlanAction({
        backend: env.backend,
        azure: env.provisioner,
      });
      return [
        ['plan', plan, false],
        ['create (dry run)', create, true],
        ['create', create, false],
      ] as const;
    };

    async function snapshot() {
      return {
        reservations: await env.knex('reservations').select(),
        pools: await env.knex('address_pools').select(),
        azure: azureState(env.simulator),
        writes: armWrites(env.simulator),
      };
    }

    let checked = 0;
    async function check(input: unknown) {
      checked += 1;
      env.simulator.reset();
      for (const [label, action, dryRun] of runs()) {
        const before = await snapshot();
        const callsBefore = env.simulator.calls().log.length;
        const { ctx } = actionContext({}, { dryRun });
        const error = await action.handler({ ...ctx, input } as never).then(
          () => undefined,
          (e: unknown) => e as Error,
        );
        // No user text reaches an ARM URL unchecked: every call the run made is
        // under a subscription GUID, with checked names (no `..`, no encoded `/`).
        const unchecked = env.simulator
          .calls()
          .log.slice(callsBefore)
          .map(call => call.path)
          .filter(
            path =>
              path !== RESOURCE_GRAPH_PATH &&
              (!ARM_PATH.test(path) || /\.\.|%2f|%5c/i.test(path)),
          );
        expect({ label, unchecked }).toEqual({ label, unchecked: [] });
        if (!error) {
          continue;
        }
        const seen = {
          label,
          name: error.name,
          // No stack trace, no source path, no SQL in what the task shows.
          leaks:
            /\n\s+at |node_modules|\.[cm]?[jt]s:\d+|\bselect\b.*\bfrom\b/i.test(
              error.message,
            ),
        };
        expect(seen).toEqual({
          label,
          name: expect.stringMatching(
            new RegExp(`^(${EXPECTED_ERRORS.join('|')})$`),
          ),
          leaks: false,
        });
        if (error.name === 'InputError') {
          // A refused request writes nothing: store and Azure as they were.
          expect({ label, state: await snapshot() }).toEqual({
            label,
            state: before,
          });
        }
      }
    }

    it('typed inputs: a refusal or a result, never a crash, and a refusal writes nothing', async () => {
      checked = 0;
      await fc.assert(fc.asyncProperty(typedInput, check), { numRuns: 40 });
      expect(checked).toBeGreaterThanOrEqual(40);
    });

    it('ARM URL parts of any text: checked before they reach a URL', async () => {
      checked = 0;
      await fc.assert(fc.asyncProperty(urlPartsInput, check), { numRuns: 40 });
      expect(checked).toBeGreaterThanOrEqual(40);
    });

    it('garbage inputs: a refusal naming fields, never a crash, nothing written', async () => {
      checked = 0;
      await fc.assert(fc.asyncProperty(garbageInput, check), { numRuns: 40 });
      expect(checked).toBeGreaterThanOrEqual(40);
    });
  },
);
