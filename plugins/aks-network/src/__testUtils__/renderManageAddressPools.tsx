import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { aksNetworkApiRef } from '../api/aksNetworkApiRef';
import { ManageAddressPools } from '../components/AksFleetPage/ManageAddressPools';

/**
 * The pools card's management part for a user the permission API answers `result`
 * for, with the client's `createAddressPool`.
 */
export async function renderManageAddressPools(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  createAddressPool: jest.Mock = jest.fn(async pool => pool),
) {
  const onChanged = jest.fn();
  const permissionApi = mockApis.permission({ authorize: result });
  const authorize = jest.spyOn(permissionApi, 'authorize');
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [aksNetworkApiRef, { createAddressPool }],
        [permissionApiRef, permissionApi],
      ]}
    >
      <ManageAddressPools onChanged={onChanged} />
    </TestApiProvider>,
  );
  return { onChanged, createAddressPool, authorize };
}
