import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { responseError } from '../../__fixtures__/clusters';
import { renderManageAddressPools } from '../../__testUtils__/renderManageAddressPools';

// Dialogs and text fields of MUI are slow to render on a shared CI core.
jest.setTimeout(30_000);

// usePermission caches each permission's answer for the module (SWR): one answer per
// file, so the refusal and the manager's form are tested in two files.
describe('ManageAddressPools for a pool manager', () => {
  it("creates a pool for a pool manager, and shows the backend's field-named error as it comes", async () => {
    const createAddressPool = jest
      .fn()
      .mockRejectedValueOnce(
        await responseError(
          400,
          'InputError',
          "range: 10.0.0.0/8 is outside VNet vnet-weu's address space 10.240.0.0/16",
        ),
      )
      .mockImplementationOnce(async pool => pool);
    const { onChanged } = await renderManageAddressPools(
      AuthorizeResult.ALLOW,
      createAddressPool,
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'New address pool' }),
    );
    const fill = (id: string, value: string) =>
      fireEvent.change(document.getElementById(`aks-new-pool-${id}`)!, {
        target: { value },
      });
    fill('id', 'prod-weu');
    fill('subscriptionId', '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d');
    fill('resourceGroup', 'rg-network');
    fill('vnetName', 'vnet-weu');
    fill('region', 'westeurope');
    fill('range', '10.0.0.0/8');
    fireEvent.click(screen.getByRole('button', { name: 'Create pool' }));
    expect(await screen.findByTestId('aks-new-pool-error')).toHaveTextContent(
      "range: 10.0.0.0/8 is outside VNet vnet-weu's address space 10.240.0.0/16",
    );
    expect(onChanged).not.toHaveBeenCalled();

    fill('range', '10.240.16.0/20');
    fireEvent.click(screen.getByRole('button', { name: 'Create pool' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(createAddressPool).toHaveBeenLastCalledWith({
      id: 'prod-weu',
      subscriptionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      resourceGroup: 'rg-network',
      vnetName: 'vnet-weu',
      region: 'westeurope',
      range: '10.240.16.0/20',
    });
  });
});
