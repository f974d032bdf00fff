import { ConfigReader } from '@backstage/config';
import { azureCloudPortalUrl, azurePortalBaseUrl } from './azurePortal';

describe('azurePortalBaseUrl', () => {
  it('is the portal of the configured cloud', () => {
    const portal = (cloud?: string) =>
      azurePortalBaseUrl(
        new ConfigReader(cloud ? { aksNetwork: { azure: { cloud } } } : {}),
      );
    expect(portal()).toBe('https://portal.azure.com');
    expect(portal('AzurePublicCloud')).toBe('https://portal.azure.com');
    expect(portal('AzureChinaCloud')).toBe('https://portal.azure.cn');
    expect(portal('AzureUSGovernment')).toBe('https://portal.azure.us');
  });

  it('gives the public portal for a name that is no cloud', () => {
    expect(azureCloudPortalUrl('constructor')).toBe('https://portal.azure.com');
    expect(azureCloudPortalUrl(undefined)).toBe('https://portal.azure.com');
  });
});
