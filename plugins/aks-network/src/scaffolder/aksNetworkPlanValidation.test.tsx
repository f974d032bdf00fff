import type { AksNetworkApi } from '@aks-network/plugin-aks-network-common';
import type { FieldValidation } from '@rjsf/utils';
import { TestApiRegistry } from '@backstage/test-utils';
import { createAsyncValidators } from '@backstage/plugin-scaffolder-react/alpha';
import { responseError } from '../__fixtures__/clusters';
import { nodeCountRefusedPlan, validPlan } from '../__fixtures__/plans';
import { aksNetworkApiRef } from '../api/aksNetworkApiRef';
import { aksNetworkPlanValidation } from './aksNetworkPlanValidation';
import type { AksNetworkPlanUiOptions } from './AksNetworkPlanSchema';
import { overlayTemplate } from './__testUtils__/overlayTemplate';

/** The whole form of the template as the Stepper hands it to a validator. */
const FORM = {
  name: 'aks-orders-dev-weu',
  owner: 'group:default/team-orders',
  subscriptionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  resourceGroup: 'rg-orders',
  region: 'westeurope',
  addressPoolId: 'nonprod-weu',
  nodeCount: 60,
  vmSize: 'Standard_D4s_v5',
  kubernetesVersion: '1.32',
  acnsObservability: false,
  networkPlan: { poolId: 'nonprod-weu', valid: true },
};

function fieldValidation() {
  return {
    __errors: [],
    addError: jest.fn(),
  } as unknown as FieldValidation & { addError: jest.Mock };
}

async function validate(
  planInPool: AksNetworkApi['planInPool'] | undefined,
  options: {
    form?: Record<string, unknown>;
    uiOptions?: AksNetworkPlanUiOptions;
  } = {},
) {
  const api = { planInPool: jest.fn(planInPool) };
  const validation = fieldValidation();
  const form = options.form ?? FORM;
  await aksNetworkPlanValidation(
    form.networkPlan as { valid: boolean },
    validation,
    {
      apiHolder: planInPool
        ? TestApiRegistry.from([aksNetworkApiRef, api])
        : TestApiRegistry.from(),
      formData: form as never,
      schema: { type: 'object', title: 'Network plan' },
      uiSchema: (options.uiOptions
        ? { 'ui:options': options.uiOptions }
        : {}) as never,
    },
  );
  return { api, addError: validation.addError };
}

describe('aksNetworkPlanValidation', () => {
  it("adds the backend's field-named error of an invalid plan, and no warning", async () => {
    const { api, addError } = await validate(async () =>
      nodeCountRefusedPlan(),
    );
    // It asks the backend again with the whole form, not the stored summary.
    expect(api.planInPool).toHaveBeenCalledWith('nonprod-weu', {
      name: 'aks-orders-dev-weu',
      resourceGroup: 'rg-orders',
      region: 'westeurope',
      nodeCount: 60,
      vmSize: 'Standard_D4s_v5',
      kubernetesVersion: '1.32',
      acnsObservability: false,
    });
    expect(addError.mock.calls).toEqual([
      [
        'nodeCount: 60 is outside the allowed range 1–50 (aksNetwork.clusterPolicy.nodeCount)',
      ],
    ]);
  });

  it('adds nothing for a valid plan', async () => {
    const { api, addError } = await validate(async () => validPlan(), {
      form: { ...FORM, nodeCount: 3 },
    });
    expect(api.planInPool).toHaveBeenCalledTimes(1);
    expect(addError).not.toHaveBeenCalled();
  });

  it('adds an error when the backend cannot be asked', async () => {
    const error = await responseError(
      503,
      'ServiceUnavailableError',
      'Azure Resource Manager did not answer',
    );
    const { addError } = await validate(async () => {
      throw error;
    });
    expect(addError).toHaveBeenCalledTimes(1);
    expect(addError.mock.calls[0][0]).toMatch(
      /^networkPlan: the plan could not be checked with the aks-network backend: Azure Resource Manager did not answer \(503 ServiceUnavailableError\)$/,
    );
  });

  it('adds an error when the backend is unreachable', async () => {
    const { addError } = await validate(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(addError.mock.calls).toEqual([
      [
        'networkPlan: the plan could not be checked with the aks-network backend: Failed to fetch',
      ],
    ]);
  });

  it('adds an error when the app has no aks-network API', async () => {
    const { addError } = await validate(undefined);
    expect(addError.mock.calls).toEqual([
      [
        'networkPlan: the aks-network API is not installed in this app, so the plan cannot be checked',
      ],
    ]);
  });

  it('names the pool when the form has none, and asks nothing', async () => {
    const { api, addError } = await validate(async () => validPlan(), {
      form: { ...FORM, addressPoolId: '' },
    });
    expect(api.planInPool).not.toHaveBeenCalled();
    expect(addError.mock.calls).toEqual([
      [
        'addressPoolId: choose an address pool first: the plan needs one to tell the node subnet',
      ],
    ]);
  });

  it('reads the fields ui:options names', async () => {
    const { api } = await validate(async () => validPlan(), {
      form: { pool: 'nonprod-neu', nodes: 2, maxPods: 40 },
      uiOptions: { addressPoolIdField: 'pool', nodeCountField: 'nodes' },
    });
    expect(api.planInPool).toHaveBeenCalledWith('nonprod-neu', {
      nodeCount: 2,
      maxPods: 40,
    });
  });

  it("keeps the template's Nodes and network step from passing an invalid plan, as the Stepper runs it on Next", async () => {
    const step = overlayTemplate().spec.parameters.find(
      page => page.title === 'Nodes and network',
    )!;
    const run = async (planInPool: AksNetworkApi['planInPool']) => {
      const validators = createAsyncValidators(
        step as never,
        { AksNetworkPlan: aksNetworkPlanValidation as never },
        {
          apiHolder: TestApiRegistry.from([
            aksNetworkApiRef,
            { planInPool: jest.fn(planInPool) },
          ]),
        },
      );
      return (await validators(FORM as never)) as Record<
        string,
        { __errors?: string[] }
      >;
    };

    const refused = await run(async () => nodeCountRefusedPlan());
    expect(refused.networkPlan.__errors).toEqual([
      'nodeCount: 60 is outside the allowed range 1–50 (aksNetwork.clusterPolicy.nodeCount)',
    ]);

    const accepted = await run(async () => validPlan());
    expect(accepted.networkPlan.__errors).toEqual([]);
  });
});
