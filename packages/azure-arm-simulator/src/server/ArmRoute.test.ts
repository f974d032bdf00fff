import { matchRoute } from './ArmRouter';
import { rbacActionOf } from './ArmRoute';

const SUB = '/subscriptions/11111111-1111-4111-8111-111111111111';
const CLUSTER = `${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks`;

describe('rbacActionOf', () => {
  it.each([
    [
      'GET',
      `${SUB}/providers/Microsoft.ContainerService/managedClusters`,
      'Microsoft.ContainerService/managedClusters/read',
    ],
    ['PUT', CLUSTER, 'Microsoft.ContainerService/managedClusters/write'],
    ['DELETE', CLUSTER, 'Microsoft.ContainerService/managedClusters/delete'],
    [
      'GET',
      `${CLUSTER}/agentPools/system`,
      'Microsoft.ContainerService/managedClusters/agentPools/read',
    ],
    [
      'POST',
      `${CLUSTER}/listClusterUserCredential`,
      'Microsoft.ContainerService/managedClusters/listClusterUserCredential/action',
    ],
    [
      'PUT',
      `${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s`,
      'Microsoft.Network/virtualNetworks/subnets/write',
    ],
    [
      'GET',
      `${SUB}/resourcegroups/rg`,
      'Microsoft.Resources/subscriptions/resourcegroups/read',
    ],
    ['GET', '/subscriptions', 'Microsoft.Resources/subscriptions/read'],
  ])('names the action ARM checks for %s %s', (method, path, action) => {
    const match = matchRoute(method, path);
    expect(match.kind).toBe('matched');
    expect(match.kind === 'matched' && match.route.action).toBe(action);
  });

  it('reads the action from the template, names left out', () => {
    expect(
      rbacActionOf(
        'POST',
        '/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.ContainerService/managedClusters/{name}/listClusterUserCredential',
      ),
    ).toBe(
      'Microsoft.ContainerService/managedClusters/listClusterUserCredential/action',
    );
  });
});
