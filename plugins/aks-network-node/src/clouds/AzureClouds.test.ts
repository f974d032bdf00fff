import { AZURE_CLOUDS, armScopeForAudience } from './AzureClouds';

describe('AZURE_CLOUDS', () => {
  it('pairs each cloud’s Resource Manager with its own authority', () => {
    expect(
      Object.values(AZURE_CLOUDS).map(cloud => [
        cloud.name,
        new URL(cloud.resourceManagerEndpoint).host,
        new URL(cloud.authorityHost).host,
        armScopeForAudience(cloud.audience),
      ]),
    ).toEqual([
      [
        'AzurePublicCloud',
        'management.azure.com',
        'login.microsoftonline.com',
        'https://management.azure.com/.default',
      ],
      [
        'AzureChinaCloud',
        'management.chinacloudapi.cn',
        'login.chinacloudapi.cn',
        'https://management.chinacloudapi.cn/.default',
      ],
      [
        'AzureUSGovernment',
        'management.usgovcloudapi.net',
        'login.microsoftonline.us',
        'https://management.usgovcloudapi.net/.default',
      ],
    ]);
  });

  it('asks for <audience>/.default without a doubled slash', () => {
    expect(armScopeForAudience('https://management.core.windows.net/')).toBe(
      'https://management.core.windows.net/.default',
    );
  });
});
