import { ADDRESS_POOL_PAGE_LIMITS } from '@aks-network/plugin-aks-network-common';
import type {
  AksNetworkApi,
  ApiAddressPoolWithCapacity,
} from '@aks-network/plugin-aks-network-common';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { responseError } from '../__fixtures__/clusters';
import { pool } from '../__fixtures__/plans';
import { aksNetworkApiRef } from '../api/aksNetworkApiRef';
import { AksAddressPoolPicker } from './AksAddressPoolPicker';
import type { AksAddressPoolPickerUiOptions } from './AksAddressPoolPickerSchema';
import { fieldProps } from './__testUtils__/fieldProps';

const SCHEMA = {
  type: 'string',
  title: 'Address pool',
  description: 'The VNet range the node subnet is carved from.',
};

const POOLS: ApiAddressPoolWithCapacity[] = [
  pool('nonprod-weu'),
  pool('prod-weu', {
    range: '10.240.16.0/20',
    capacity: {
      totalSubnets: 128,
      freeSubnets: 0,
      liveReservations: 3,
      readAt: '2026-12-01T09:00:00.000Z',
    },
  }),
  pool('data-weu', {
    range: '10.60.16.0/20',
    capacity: {
      error: 'AuthorizationFailed: no read on vnet-data-weu',
      readAt: '2026-12-01T09:00:00.000Z',
    },
  }),
  pool('nonprod-neu', { range: '10.251.16.0/20' }),
];

async function renderPicker(
  listAddressPools: AksNetworkApi['listAddressPools'],
  options: {
    formData?: string;
    form?: Record<string, unknown>;
    uiOptions?: AksAddressPoolPickerUiOptions;
    rawErrors?: string[];
  } = {},
) {
  const api = { listAddressPools: jest.fn(listAddressPools) };
  const onChange = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[aksNetworkApiRef, api]]}>
      <AksAddressPoolPicker
        {...fieldProps<string, AksAddressPoolPickerUiOptions>({
          name: 'addressPoolId',
          schema: SCHEMA,
          onChange,
          formData: options.formData,
          form: options.form,
          uiOptions: options.uiOptions,
          rawErrors: options.rawErrors,
          required: true,
        })}
      />
    </TestApiProvider>,
  );
  return { api, onChange };
}

async function openList() {
  fireEvent.mouseDown(await screen.findByRole('button'));
  return within(screen.getByRole('listbox'));
}

function option(list: ReturnType<typeof within>, id: string) {
  return list.getByText(id).closest('li')!;
}

describe('AksAddressPoolPicker', () => {
  it('says it is reading while the pools load', async () => {
    await renderPicker(() => new Promise(() => {}));
    expect(
      screen.getByText('Reading the address pools and their free subnets…'),
    ).toBeInTheDocument();
    expect(screen.getByText('Address pool (required)')).toBeInTheDocument();
  });

  it('asks for the pools with their capacity, shows an error and asks again on retry', async () => {
    let calls = 0;
    const { api } = await renderPicker(async () => {
      calls += 1;
      if (calls === 1) {
        throw await responseError(
          403,
          'NotAllowedError',
          'Missing permission aks-network.cluster.read',
        );
      }
      return { items: POOLS, totalCount: POOLS.length };
    });
    expect(
      (
        await screen.findAllByText(
          /Missing permission aks-network.cluster.read/,
        )
      ).length,
    ).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByLabelText(/Address pool/)).toBeInTheDocument();
    expect(api.listAddressPools).toHaveBeenCalledTimes(2);
    expect(api.listAddressPools).toHaveBeenCalledWith({
      capacity: true,
      limit: ADDRESS_POOL_PAGE_LIMITS.max,
    });
  });

  it('says when the backend has no pool yet', async () => {
    await renderPicker(async () => ({ items: [], totalCount: 0 }));
    expect(
      await screen.findByText(
        /The aks-network backend has no address pool yet/,
      ),
    ).toBeInTheDocument();
  });

  it('offers the pools of the chosen region with their VNet, range and free subnets', async () => {
    const { onChange } = await renderPicker(
      async () => ({ items: POOLS, totalCount: POOLS.length }),
      {
        form: { region: 'westeurope' },
      },
    );
    const list = await openList();
    expect(list.getAllByRole('option')).toHaveLength(3);
    expect(list.queryByText('nonprod-neu')).not.toBeInTheDocument();
    expect(screen.getByText(/Pools of westeurope\./)).toBeInTheDocument();

    const free = within(option(list, 'nonprod-weu'));
    expect(
      free.getByText('vnet-nonprod-weu, 10.250.16.0/20'),
    ).toBeInTheDocument();
    expect(free.getByText('12 of 128 /27s free')).toBeInTheDocument();

    // No free subnet: said in words, and not selectable.
    const full = option(list, 'prod-weu');
    expect(
      within(full).getByText('Full: none of 128 /27s free'),
    ).toBeInTheDocument();
    expect(full).toHaveAttribute('aria-disabled', 'true');

    // The VNet could not be read: capacity unknown, still selectable.
    const unread = option(list, 'data-weu');
    expect(
      within(unread).getByText(
        'Capacity unknown: the VNet vnet-data-weu could not be read (AuthorizationFailed: no read on vnet-data-weu)',
      ),
    ).toBeInTheDocument();
    expect(unread).not.toHaveAttribute('aria-disabled', 'true');

    fireEvent.click(unread);
    expect(onChange).toHaveBeenCalledWith('data-weu');
  });

  it('offers every pool, with its region, while no region is chosen', async () => {
    await renderPicker(async () => ({
      items: POOLS,
      totalCount: POOLS.length,
    }));
    const list = await openList();
    expect(list.getAllByRole('option')).toHaveLength(4);
    expect(
      within(option(list, 'nonprod-neu')).getByText(
        'vnet-nonprod-neu, 10.251.16.0/20 · northeurope',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/no region is chosen yet/)).toBeInTheDocument();
  });

  it('reads the region from the field ui:options.regionField names', async () => {
    await renderPicker(
      async () => ({ items: POOLS, totalCount: POOLS.length }),
      {
        form: { region: 'westeurope', clusterRegion: 'northeurope' },
        uiOptions: { regionField: 'clusterRegion' },
      },
    );
    const list = await openList();
    expect(list.getAllByRole('option')).toHaveLength(1);
    expect(list.getByText('nonprod-neu')).toBeInTheDocument();
  });

  it('says when the chosen pool is not of the chosen region', async () => {
    await renderPicker(
      async () => ({ items: POOLS, totalCount: POOLS.length }),
      {
        formData: 'nonprod-weu',
        form: { region: 'northeurope' },
      },
    );
    expect(await screen.findByTestId('pool-region-mismatch')).toHaveTextContent(
      "Pool nonprod-weu is in westeurope, the cluster in northeurope: a node subnet must be in the cluster's region. Choose a pool of northeurope.",
    );
    expect(screen.getByRole('button')).toHaveTextContent('nonprod-weu');
  });

  it('shows the chosen pool and its capacity, with no region warning when it matches', async () => {
    await renderPicker(
      async () => ({ items: POOLS, totalCount: POOLS.length }),
      {
        formData: 'data-weu',
        form: { region: 'westeurope' },
      },
    );
    const chosen = await screen.findByTestId('chosen-pool');
    expect(chosen).toHaveTextContent(
      'vnet-data-weu, 10.60.16.0/20 (westeurope)',
    );
    expect(chosen).toHaveTextContent(/Capacity unknown/);
    expect(
      screen.queryByTestId('pool-region-mismatch'),
    ).not.toBeInTheDocument();
  });

  it('says when no pool is in the chosen region', async () => {
    await renderPicker(
      async () => ({ items: POOLS, totalCount: POOLS.length }),
      {
        form: { region: 'swedencentral' },
      },
    );
    expect(
      await screen.findByText(/No address pool is in swedencentral/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows the errors the form holds for it', async () => {
    await renderPicker(
      async () => ({ items: POOLS, totalCount: POOLS.length }),
      {
        rawErrors: ["must have required property 'addressPoolId'"],
      },
    );
    expect(
      await screen.findByText("must have required property 'addressPoolId'"),
    ).toBeInTheDocument();
  });
});
