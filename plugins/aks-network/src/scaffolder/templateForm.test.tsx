import type { AksNetworkApi } from '@aks-network/plugin-aks-network-common';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  nodeCountRefusedPlan,
  pool,
  SUB,
  subscription,
  validPlan,
} from '../__fixtures__/plans';
import { aksNetworkApiRef } from '../api/aksNetworkApiRef';
import { AksAddressPoolPicker } from './AksAddressPoolPicker';
import { AksNetworkPlan } from './AksNetworkPlan';
import { aksNetworkPlanValidation } from './aksNetworkPlanValidation';
import { AksSubscriptionPicker } from './AksSubscriptionPicker';
import { overlayTemplate } from './__testUtils__/overlayTemplate';

/*
 * The template's Azure and Nodes and network pages in the scaffolder's own Stepper, with
 * the three fields as the app registers them: what a team sees, and what keeps the form
 * from going on.
 */

const EXTENSIONS = [
  { name: 'AksSubscriptionPicker', component: AksSubscriptionPicker },
  { name: 'AksAddressPoolPicker', component: AksAddressPoolPicker },
  {
    name: 'AksNetworkPlan',
    component: AksNetworkPlan,
    validation: aksNetworkPlanValidation,
  },
];

function manifest() {
  const pages = overlayTemplate().spec.parameters.filter(page =>
    ['Azure', 'Nodes and network'].includes(page.title),
  );
  return {
    title: 'AKS cluster on Azure CNI Overlay',
    steps: pages.map(page => ({ title: page.title, schema: page })),
  };
}

async function renderForm(planInPool: AksNetworkApi['planInPool']) {
  const api = {
    listSubscriptions: jest.fn(async () => ({ items: [subscription()] })),
    listAddressPools: jest.fn(async () => ({
      items: [pool('nonprod-weu'), pool('nonprod-neu')],
      totalCount: 2,
    })),
    planInPool: jest.fn(planInPool),
  };
  const onCreate = jest.fn(async () => {});
  await renderInTestApp(
    <TestApiProvider apis={[[aksNetworkApiRef, api]]}>
      <Stepper
        manifest={manifest() as never}
        extensions={EXTENSIONS as never}
        onCreate={onCreate}
        initialState={{
          name: 'aks-orders-dev-weu',
          subscriptionId: SUB,
          resourceGroup: 'rg-orders',
          region: 'westeurope',
          addressPoolId: 'nonprod-weu',
        }}
      />
    </TestApiProvider>,
  );
  return { api, onCreate };
}

async function toNodesPage() {
  await screen.findByText('Platform Non-Production');
  fireEvent.click(screen.getByRole('button', { name: 'Next' }));
  return screen.findByTestId('aks-network-plan');
}

describe('the overlay template form', () => {
  beforeEach(() => {
    // The Stepper scrolls to the top on each step; jsdom has no layout to scroll.
    jest.spyOn(window, 'scrollTo').mockImplementation(() => {});
  });

  it('does not go to Review while the plan has an error, and says why by field', async () => {
    const { api } = await renderForm(async () => nodeCountRefusedPlan());
    const plan = await toNodesPage();
    expect(await within(plan).findByTestId('plan-verdict')).toHaveTextContent(
      /^Not valid/,
    );
    const callsBefore = api.planInPool.mock.calls.length;

    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    // The validator asks the backend again and the step stays.
    await waitFor(() =>
      expect(api.planInPool.mock.calls.length).toBeGreaterThan(callsBefore),
    );
    expect(
      (
        await screen.findAllByText(
          /nodeCount: 60 is outside the allowed range 1–50/,
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Review' })).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Create' }),
    ).not.toBeInTheDocument();
  });

  it('goes to Review with a valid plan, sending the plan request of the form', async () => {
    const { api } = await renderForm(async () => validPlan());
    const plan = await toNodesPage();
    expect(await within(plan).findByTestId('plan-verdict')).toHaveTextContent(
      /^Valid/,
    );
    expect(api.planInPool).toHaveBeenCalledWith('nonprod-weu', {
      name: 'aks-orders-dev-weu',
      resourceGroup: 'rg-orders',
      region: 'westeurope',
      nodeCount: 3,
      vmSize: 'Standard_D4s_v5',
      kubernetesVersion: '1.33',
      acnsObservability: false,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      await screen.findByRole('button', { name: 'Create' }),
    ).toBeInTheDocument();
  });
});
