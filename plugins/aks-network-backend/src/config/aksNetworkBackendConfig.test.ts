import { ConfigReader } from '@backstage/config';
import { readAksNetworkBackendConfig } from './aksNetworkBackendConfig';

function read(aksNetwork: object) {
  return readAksNetworkBackendConfig(new ConfigReader({ aksNetwork }));
}

describe('readAksNetworkBackendConfig', () => {
  it('applies the defaults', () => {
    const settings = read({});
    expect(settings.sync).toEqual({
      schedule: {
        frequency: { minutes: 5 },
        timeout: { minutes: 3 },
        initialDelay: { seconds: 15 },
      },
      refreshCoolDown: { seconds: 60 },
      subscriptionConcurrency: 8,
    });
    expect(settings.reservations).toEqual({
      ttlSeconds: 3600,
      maxTtlSeconds: 86_400,
    });
    expect(settings.addressPools).toEqual([]);
    expect(settings.tags.owner).toBe('owner');
    expect(settings.policy.allowedNetworkModels).toEqual(['azure-cni-overlay']);
  });

  it('reads numbers given as text, as `${VAR}` substitution gives them', () => {
    expect(
      read({ sync: { subscriptionConcurrency: '3' } }).sync
        .subscriptionConcurrency,
    ).toBe(3);
  });

  it('reads the owner tag from aksNetwork.tags, the deprecated sync.ownerTag otherwise', () => {
    expect(read({ tags: { owner: 'team' } }).tags.owner).toBe('team');
    expect(read({ sync: { ownerTag: 'squad' } }).tags.owner).toBe('squad');
  });

  it.each([
    [
      { reservations: { ttlSeconds: 0 } },
      'aksNetwork.reservations.ttlSeconds: expected a positive whole number, got 0',
    ],
    [
      { reservations: { ttlSeconds: 7200, maxTtlSeconds: 3600 } },
      'aksNetwork.reservations.maxTtlSeconds: 3600 is below aksNetwork.reservations.ttlSeconds (7200)',
    ],
    [
      { sync: { refreshCoolDown: 'soon' } },
      'aksNetwork.sync.refreshCoolDown: ',
    ],
    [
      { sync: { schedule: { timeout: { minutes: 1 } } } },
      'aksNetwork.sync.schedule: ',
    ],
    [{ sync: { subscriptionConcurency: 3 } }, 'aksNetwork.sync: '],
    [
      { addressPools: [{ id: 'p' }] },
      'aksNetwork.addressPools.0.subscriptionId: Required',
    ],
  ])('refuses %j, naming the key', (aksNetwork, message) => {
    expect(() => read(aksNetwork)).toThrow(message);
  });
});
