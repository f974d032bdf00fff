import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen } from '@testing-library/react';
import { renderManageAddressPools } from '../../__testUtils__/renderManageAddressPools';

// Dialogs and text fields of MUI are slow to render on a shared CI core.
jest.setTimeout(30_000);

// usePermission caches each permission's answer for the module (SWR): one answer per
// file, so the refusal and the manager's form are tested in two files.
describe('ManageAddressPools for a user the policy refuses', () => {
  it('tells a user the policy does not let manage pools that they are refused, with no button', async () => {
    const { authorize } = await renderManageAddressPools(AuthorizeResult.DENY);
    expect(
      await screen.findByTestId('aks-pool-manage-denied'),
    ).toHaveTextContent(
      'Managing address pools is refused for you (403): it needs aks-network.address-pool.manage, which the permission policy gives the platform team.',
    );
    expect(
      screen.queryByRole('button', { name: 'New address pool' }),
    ).not.toBeInTheDocument();
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: expect.objectContaining({
          name: 'aks-network.address-pool.manage',
        }),
      }),
    );
  });
});
