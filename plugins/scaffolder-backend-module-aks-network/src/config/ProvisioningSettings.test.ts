import { ConfigReader } from '@backstage/config';
import { readProvisioningSettings } from './ProvisioningSettings';

describe('readProvisioningSettings', () => {
  it('defaults: 5 min for the subnet, 30 min for the cluster, 15 min for each cleanup deletion', () => {
    expect(readProvisioningSettings(new ConfigReader({}))).toEqual({
      subnetTimeoutMs: 5 * 60_000,
      clusterTimeoutMs: 30 * 60_000,
      cleanupTimeoutMs: 15 * 60_000,
      catalogWaitMs: 30_000,
      portalBaseUrl: 'https://portal.azure.com',
    });
  });

  it('reads the time limits, and refuses a cleanup limit of zero by its key', () => {
    const settings = readProvisioningSettings(
      new ConfigReader({
        aksNetwork: {
          provisioning: {
            clusterTimeout: { seconds: 2 },
            cleanupTimeout: { minutes: 1 },
          },
        },
      }),
    );
    expect(settings).toMatchObject({
      clusterTimeoutMs: 2_000,
      cleanupTimeoutMs: 60_000,
    });
    expect(() =>
      readProvisioningSettings(
        new ConfigReader({
          aksNetwork: { provisioning: { cleanupTimeout: { seconds: 0 } } },
        }),
      ),
    ).toThrow(
      'Invalid AKS provisioning config: aksNetwork.provisioning.cleanupTimeout: must be longer than zero',
    );
  });

  it("links to the configured cloud's portal unless portalBaseUrl says otherwise", () => {
    const portal = (aksNetwork: object) =>
      readProvisioningSettings(new ConfigReader({ aksNetwork })).portalBaseUrl;
    expect(portal({ azure: { cloud: 'AzureChinaCloud' } })).toBe(
      'https://portal.azure.cn',
    );
    expect(
      portal({
        azure: { cloud: 'AzureChinaCloud' },
        provisioning: { portalBaseUrl: 'https://portal.example.test/' },
      }),
    ).toBe('https://portal.example.test');
  });
});
