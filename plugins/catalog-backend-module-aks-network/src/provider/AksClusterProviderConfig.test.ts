import { mockServices } from '@backstage/backend-test-utils';
import { readAksClusterProviderConfig } from './AksClusterProviderConfig';

describe('readAksClusterProviderConfig', () => {
  it("links entities to the configured cloud's portal, as the backend does", () => {
    const portal = (data: object) =>
      readAksClusterProviderConfig(mockServices.rootConfig({ data }))
        .portalBaseUrl;
    expect(portal({})).toBe('https://portal.azure.com');
    expect(
      portal({ aksNetwork: { azure: { cloud: 'AzureUSGovernment' } } }),
    ).toBe('https://portal.azure.us');
  });
});
