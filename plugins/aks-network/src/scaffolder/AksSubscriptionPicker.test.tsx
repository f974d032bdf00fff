import type {
  AksNetworkApi,
  SubscriptionList,
} from '@aks-network/plugin-aks-network-common';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { responseError } from '../__fixtures__/clusters';
import { SUB, SUB_DATA, SUB_PROD, subscription } from '../__fixtures__/plans';
import { aksNetworkApiRef } from '../api/aksNetworkApiRef';
import { AksSubscriptionPicker } from './AksSubscriptionPicker';
import { fieldProps } from './__testUtils__/fieldProps';

const SCHEMA = {
  type: 'string',
  title: 'Subscription',
  description: 'The Azure subscription of the cluster.',
};

async function renderPicker(
  listSubscriptions: AksNetworkApi['listSubscriptions'],
  options: { formData?: string; rawErrors?: string[] } = {},
) {
  const api = { listSubscriptions: jest.fn(listSubscriptions) };
  const onChange = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[aksNetworkApiRef, api]]}>
      <AksSubscriptionPicker
        {...fieldProps<string, {}>({
          name: 'subscriptionId',
          schema: SCHEMA,
          onChange,
          formData: options.formData,
          rawErrors: options.rawErrors,
          required: true,
        })}
      />
    </TestApiProvider>,
  );
  return { api, onChange };
}

const three: SubscriptionList = {
  items: [
    subscription(),
    subscription({
      subscriptionId: SUB_PROD,
      displayName: null,
      status: 'failed',
      error: 'AuthorizationFailed: the client has no read access',
      clusterCount: 0,
      lastSucceededAt: null,
    }),
    subscription({
      subscriptionId: SUB_DATA,
      displayName: 'Data Platform Production',
      status: 'incomplete',
      error: 'the VNets of rg-data could not be read',
    }),
  ],
};

function openList() {
  fireEvent.mouseDown(screen.getByRole('button'));
  return within(screen.getByRole('listbox'));
}

describe('AksSubscriptionPicker', () => {
  it('says it is reading while the subscriptions load', async () => {
    await renderPicker(() => new Promise(() => {}));
    expect(
      screen.getByText('Reading the subscriptions the inventory reads…'),
    ).toBeInTheDocument();
    expect(screen.getByText('Subscription (required)')).toBeInTheDocument();
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the backend error and asks again on retry', async () => {
    let calls = 0;
    const { api } = await renderPicker(async () => {
      calls += 1;
      if (calls === 1) {
        throw await responseError(
          503,
          'ServiceUnavailableError',
          'The inventory database is unavailable',
        );
      }
      return three;
    });
    expect(
      (await screen.findAllByText(/The inventory database is unavailable/))
        .length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByText(
        'The subscriptions could not be read from the aks-network backend.',
      ),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByLabelText(/Subscription/)).toBeInTheDocument();
    expect(api.listSubscriptions).toHaveBeenCalledTimes(2);
  });

  it('says when the inventory reads no subscription yet', async () => {
    await renderPicker(async () => ({ items: [] }));
    expect(
      await screen.findByText(/The inventory reads no subscription yet/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('lists the subscriptions by name, with the id and how the last read went, and sets the id', async () => {
    const { onChange } = await renderPicker(async () => three);
    expect(await screen.findByLabelText(/Subscription/)).toBeInTheDocument();
    expect(
      screen.getByText('The Azure subscription of the cluster.'),
    ).toBeInTheDocument();
    const list = openList();
    const options = list.getAllByRole('option');
    expect(options).toHaveLength(3);

    const named = within(options[0]);
    expect(named.getByText('Platform Non-Production')).toBeInTheDocument();
    expect(named.getByText(SUB)).toBeInTheDocument();
    expect(
      named.getByText(/^Read in full .* · 4 clusters$/),
    ).toBeInTheDocument();

    // No name from Azure: the id is the name, and a failed read is said in words.
    const unnamed = within(options[1]);
    expect(unnamed.getAllByText(SUB_PROD)).toHaveLength(1);
    expect(
      unnamed.getByText(
        /^Last read failed .*: AuthorizationFailed: the client has no read access; never read in full$/,
      ),
    ).toBeInTheDocument();

    expect(
      within(options[2]).getByText(
        /^Incomplete read .*: the VNets of rg-data could not be read; last read in full/,
      ),
    ).toBeInTheDocument();

    fireEvent.click(options[2]);
    expect(onChange).toHaveBeenCalledWith(SUB_DATA);
  });

  it('shows the chosen one by name with its read status', async () => {
    await renderPicker(async () => three, { formData: SUB_PROD });
    expect(await screen.findByRole('button')).toHaveTextContent(SUB_PROD);
    expect(screen.getByTestId('chosen-subscription-status')).toHaveTextContent(
      /Last read failed/,
    );
  });

  it('says when the form holds a subscription the inventory does not read', async () => {
    await renderPicker(async () => three, {
      formData: '00000000-0000-4000-8000-000000000000',
    });
    expect(
      await screen.findByText(
        /Subscription 00000000-0000-4000-8000-000000000000 is not one the inventory reads/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the errors the form holds for it', async () => {
    await renderPicker(async () => three, {
      rawErrors: ["must have required property 'subscriptionId'"],
    });
    expect(
      await screen.findByText("must have required property 'subscriptionId'"),
    ).toBeInTheDocument();
  });
});
