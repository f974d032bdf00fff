import type {
  AksNetworkApi,
  PoolPlan,
} from '@aks-network/plugin-aks-network-common';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { responseError } from '../__fixtures__/clusters';
import { nodeCountRefusedPlan, validPlan } from '../__fixtures__/plans';
import { aksNetworkApiRef } from '../api/aksNetworkApiRef';
import { AksNetworkPlan } from './AksNetworkPlan';
import type {
  AksNetworkPlanUiOptions,
  AksNetworkPlanValue,
} from './AksNetworkPlanSchema';
import { fieldProps } from './__testUtils__/fieldProps';

const SCHEMA = {
  type: 'object',
  title: 'Network plan',
  description: 'The plan of the aks-network backend as you type.',
};

/** The form of the template as a team fills it in, maxPods left empty. */
const FORM = {
  name: 'aks-orders-dev-weu',
  owner: 'group:default/team-orders',
  subscriptionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  resourceGroup: 'rg-orders',
  region: 'westeurope',
  addressPoolId: 'nonprod-weu',
  nodeCount: 3,
  vmSize: 'Standard_D4s_v5',
  kubernetesVersion: '1.33',
  acnsObservability: false,
};

function element(
  api: Partial<AksNetworkApi>,
  onChange: jest.Mock,
  options: {
    form?: Record<string, unknown>;
    uiOptions?: AksNetworkPlanUiOptions;
    rawErrors?: string[];
    formData?: AksNetworkPlanValue;
  },
) {
  return (
    <TestApiProvider apis={[[aksNetworkApiRef, api]]}>
      <AksNetworkPlan
        {...fieldProps<AksNetworkPlanValue, AksNetworkPlanUiOptions>({
          name: 'networkPlan',
          schema: SCHEMA,
          onChange,
          formData: options.formData,
          form: options.form ?? FORM,
          uiOptions: options.uiOptions,
          rawErrors: options.rawErrors,
          required: true,
        })}
      />
    </TestApiProvider>
  );
}

async function renderPlan(
  planInPool: AksNetworkApi['planInPool'],
  options: Parameters<typeof element>[2] = {},
) {
  const api = { planInPool: jest.fn(planInPool) };
  const onChange = jest.fn();
  const rendered = await renderInTestApp(element(api, onChange, options));
  const rerender = (next: Parameters<typeof element>[2]) =>
    rendered.rerender(element(api, onChange, next));
  return { api, onChange, rerender };
}

describe('AksNetworkPlan', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('asks for the plan once typing has paused for 500 ms, with the latest values only', async () => {
    jest.useFakeTimers();
    const { api, rerender } = await renderPlan(async () => validPlan());
    await act(async () => {
      jest.advanceTimersByTime(499);
    });
    expect(api.planInPool).not.toHaveBeenCalled();
    await act(async () => {
      jest.advanceTimersByTime(1);
    });
    expect(api.planInPool).toHaveBeenCalledTimes(1);
    // Empty fields are left out, so the backend applies the organisation's maxPods;
    // fields the plan request does not take (owner, subscriptionId) are not sent.
    expect(api.planInPool).toHaveBeenCalledWith('nonprod-weu', {
      name: 'aks-orders-dev-weu',
      resourceGroup: 'rg-orders',
      region: 'westeurope',
      nodeCount: 3,
      vmSize: 'Standard_D4s_v5',
      kubernetesVersion: '1.33',
      acnsObservability: false,
    });

    for (const nodeCount of [4, 45, 456]) {
      rerender({ form: { ...FORM, nodeCount } });
      await act(async () => {
        jest.advanceTimersByTime(200);
      });
    }
    expect(api.planInPool).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(300);
    });
    expect(api.planInPool).toHaveBeenCalledTimes(2);
    expect(api.planInPool).toHaveBeenLastCalledWith(
      'nonprod-weu',
      expect.objectContaining({ nodeCount: 456 }),
    );

    // A re-render with equal values asks nothing more.
    rerender({ form: { ...FORM, nodeCount: 456 } });
    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    expect(api.planInPool).toHaveBeenCalledTimes(2);
  });

  it('says it is planning while the first answer is on its way', async () => {
    await renderPlan(() => new Promise(() => {}));
    expect(screen.getByText('Planning the network…')).toBeInTheDocument();
    expect(screen.getByText('Network plan (required)')).toBeInTheDocument();
  });

  it('shows the figures of a valid plan and stores its summary', async () => {
    const { onChange } = await renderPlan(async () => validPlan());
    expect(await screen.findByTestId('plan-verdict')).toHaveTextContent(
      "Valid: the cluster fits pool nonprod-weu and the organisation's policy.",
    );
    expect(screen.getByTestId('plan-node-subnet')).toHaveTextContent(
      'Node subnet: 10.250.16.32/27, a /27 named snet-aks-aks-orders-dev-weu with 27 usable IPs, from pool nonprod-weu (vnet-nonprod-weu, 10.250.16.0/20).',
    );
    expect(screen.getByTestId('plan-node-capacity')).toHaveTextContent(
      'Nodes it holds: 26 nodes, keeping room for 1 upgrade surge node (3 asked)',
    );
    expect(screen.getByTestId('plan-pod-cidr')).toHaveTextContent(
      'Pod CIDR: 10.244.0.0/16, serves 256 nodes',
    );
    expect(screen.getByTestId('plan-pod-capacity')).toHaveTextContent(
      'Pod capacity: 90 pods (3 nodes × 30 max pods)',
    );
    expect(screen.getByTestId('plan-max-pods')).toHaveTextContent(
      "Max pods per node: 30, the organisation's default (the form leaves it empty)",
    );
    expect(screen.getByTestId('plan-savings')).toHaveTextContent(
      'VNet IPs saved against flat Azure CNI: 120',
    );
    expect(screen.getByTestId('plan-acns')).toHaveTextContent(
      'ACNS observability off: it would cost $54.75 a month for 3 nodes',
    );
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith({
        poolId: 'nonprod-weu',
        nodeSubnetCidr: '10.250.16.32/27',
        valid: true,
      }),
    );
  });

  it('says what ACNS costs when it is on, and a maxPods the form names', async () => {
    const plan = validPlan();
    const { api } = await renderPlan(
      async () => ({
        ...plan,
        cluster: { ...plan.cluster, maxPods: 50, acnsObservability: true },
        podCapacity: 150,
      }),
      { form: { ...FORM, maxPods: 50, acnsObservability: true } },
    );
    expect(await screen.findByTestId('plan-acns')).toHaveTextContent(
      'ACNS observability on: $54.75 a month for 3 nodes',
    );
    expect(screen.getByTestId('plan-max-pods')).toHaveTextContent(
      'Max pods per node: 50, as chosen',
    );
    expect(api.planInPool).toHaveBeenCalledWith(
      'nonprod-weu',
      expect.objectContaining({ maxPods: 50, acnsObservability: true }),
    );
  });

  it('shows every finding of an invalid plan with the field it names, in words', async () => {
    const { onChange } = await renderPlan(async () => nodeCountRefusedPlan(), {
      form: { ...FORM, nodeCount: 60, kubernetesVersion: '1.32' },
    });
    expect(await screen.findByTestId('plan-verdict')).toHaveTextContent(
      'Not valid: 1 error to fix before going on.',
    );
    const findings = within(
      screen.getByRole('list', { name: 'Findings of the plan' }),
    ).getAllByRole('listitem');
    expect(findings.map(item => item.textContent)).toEqual([
      'Error in nodeCount: 60 is outside the allowed range 1–50 (aksNetwork.clusterPolicy.nodeCount)',
      "Warning in kubernetesVersion: '1.32' leaves standard support within 90 days",
    ]);
    // The figures of a refused plan are still the backend's.
    expect(screen.getByTestId('plan-node-subnet')).toHaveTextContent(
      '10.250.16.128/25',
    );
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith({
        poolId: 'nonprod-weu',
        nodeSubnetCidr: '10.250.16.128/25',
        valid: false,
      }),
    );
  });

  it('says it needs a pool first, and asks nothing', async () => {
    const { api, onChange } = await renderPlan(async () => validPlan(), {
      form: { ...FORM, addressPoolId: undefined },
    });
    expect(screen.getByTestId('plan-needs')).toHaveTextContent(
      'Choose an address pool first: the plan needs one to tell the node subnet.',
    );
    // The summary is stored all the same, so the validator runs and names the pool.
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith({ valid: false }),
    );
    expect(api.planInPool).not.toHaveBeenCalled();
  });

  it('says it needs a node count when the form has none', async () => {
    const { api } = await renderPlan(async () => validPlan(), {
      form: { ...FORM, nodeCount: undefined },
    });
    expect(screen.getByTestId('plan-needs')).toHaveTextContent(
      'Give the number of nodes: the plan sizes the network for them.',
    );
    await new Promise(resolve => setTimeout(resolve, 600));
    expect(api.planInPool).not.toHaveBeenCalled();
  });

  it('shows the backend error, keeps the plan invalid and asks again on retry', async () => {
    let calls = 0;
    const { api, onChange } = await renderPlan(async () => {
      calls += 1;
      if (calls === 1) {
        throw await responseError(
          503,
          'ServiceUnavailableError',
          'Azure Resource Manager did not answer',
        );
      }
      return validPlan();
    });
    expect(
      (await screen.findAllByText(/Azure Resource Manager did not answer/))
        .length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByText(
        /The plan could not be read from the aks-network backend/,
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith({
        poolId: 'nonprod-weu',
        valid: false,
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('plan-verdict')).toHaveTextContent(
      /^Valid/,
    );
    expect(api.planInPool).toHaveBeenCalledTimes(2);
  });

  it('reads the request from the form fields ui:options names', async () => {
    const { api } = await renderPlan(async () => validPlan(), {
      form: { pool: 'nonprod-neu', nodes: 7, location: 'northeurope' },
      uiOptions: {
        addressPoolIdField: 'pool',
        nodeCountField: 'nodes',
        regionField: 'location',
      },
    });
    await waitFor(() =>
      expect(api.planInPool).toHaveBeenCalledWith('nonprod-neu', {
        nodeCount: 7,
        region: 'northeurope',
      }),
    );
  });

  it("lets the live plan's findings replace the validator's errors of an earlier Next", async () => {
    // The form keeps the errors of the last Next until the next one: after the node
    // count is fixed they no longer hold, and the valid plan is what is shown.
    const stale = `nodeCount: ${nodeCountRefusedPlan().findings[0].message}`;
    await renderPlan(async () => validPlan(), { rawErrors: [stale] });
    expect(await screen.findByTestId('plan-verdict')).toHaveTextContent(
      /^Valid/,
    );
    expect(screen.queryByText(stale)).not.toBeInTheDocument();
  });

  it('shows the form errors while there is no live plan', async () => {
    await renderPlan(
      async () => {
        throw new Error('Failed to fetch');
      },
      {
        rawErrors: [
          'networkPlan: the plan could not be checked with the aks-network backend: Failed to fetch',
        ],
      },
    );
    expect(
      await screen.findByText(
        'networkPlan: the plan could not be checked with the aks-network backend: Failed to fetch',
      ),
    ).toBeInTheDocument();
  });

  it('sets a value at once, before the first answer, so its validator runs on Next', async () => {
    let answer: ((plan: PoolPlan) => void) | undefined;
    const { onChange } = await renderPlan(
      () => new Promise<PoolPlan>(resolve => (answer = resolve)),
    );
    expect(onChange).toHaveBeenCalledWith({ valid: false });
    // The plan is asked for once typing pauses; its answer then replaces the value.
    await waitFor(() => expect(answer).toBeDefined());
    answer!(validPlan());
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(
        expect.objectContaining({ valid: true }),
      ),
    );
  });

  it('does not store the same summary again', async () => {
    const stored: AksNetworkPlanValue = {
      poolId: 'nonprod-weu',
      nodeSubnetCidr: '10.250.16.32/27',
      valid: true,
    };
    const { api, onChange } = await renderPlan(
      async (): Promise<PoolPlan> => validPlan(),
      { formData: stored },
    );
    await waitFor(() => expect(api.planInPool).toHaveBeenCalled());
    expect(await screen.findByTestId('plan-figures')).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
  });
});
