import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readClusterTagNames } from './readClusterTagNames';

describe('readClusterTagNames', () => {
  it('defaults to owner, system, component and aks-network-flow-export', () => {
    expect(readClusterTagNames(new ConfigReader({}))).toEqual({
      owner: 'owner',
      system: 'system',
      component: 'component',
      flowExport: 'aks-network-flow-export',
    });
  });

  it('reads the flow-export tag name', () => {
    expect(
      readClusterTagNames(
        new ConfigReader({ aksNetwork: { tags: { flowExport: 'flows' } } }),
      ).flowExport,
    ).toBe('flows');
  });

  it('reads aksNetwork.tags, the defaults filling what it leaves out', () => {
    expect(
      readClusterTagNames(
        new ConfigReader({ aksNetwork: { tags: { owner: 'team' } } }),
      ),
    ).toEqual({
      owner: 'team',
      system: 'system',
      component: 'component',
      flowExport: 'aks-network-flow-export',
    });
  });

  it('still reads the deprecated keys, with a warning naming the new one', () => {
    const logger = mockServices.logger.mock();
    const names = readClusterTagNames(
      new ConfigReader({
        aksNetwork: { sync: { ownerTag: 'team' } },
        catalog: {
          providers: { aksNetwork: { ownerTag: 'Team', systemTag: 'app' } },
        },
      }),
      { logger },
    );
    expect(names).toEqual({
      owner: 'team',
      system: 'app',
      component: 'component',
      flowExport: 'aks-network-flow-export',
    });
    expect(logger.warn).toHaveBeenCalledWith(
      'aksNetwork.sync.ownerTag is deprecated; set aksNetwork.tags.owner instead',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      'catalog.providers.aksNetwork.systemTag is deprecated; set aksNetwork.tags.system instead',
    );
  });

  it('prefers aksNetwork.tags over a deprecated key', () => {
    const logger = mockServices.logger.mock();
    expect(
      readClusterTagNames(
        new ConfigReader({
          aksNetwork: { tags: { owner: 'owner' } },
          catalog: { providers: { aksNetwork: { ownerTag: 'team' } } },
        }),
        { logger },
      ).owner,
    ).toBe('owner');
    expect(logger.warn).toHaveBeenCalledWith(
      'catalog.providers.aksNetwork.ownerTag is deprecated and ignored: aksNetwork.tags.owner is set',
    );
  });

  it.each([
    [
      { aksNetwork: { tags: { owner: '' } } },
      'aksNetwork.tags.owner: must not be empty',
    ],
    [
      { aksNetwork: { tags: { owner: 'a/b' } } },
      'aksNetwork.tags.owner: must not contain',
    ],
    [
      { aksNetwork: { tags: { ownr: 'team' } } },
      "aksNetwork.tags: Unrecognized key(s) in object: 'ownr'",
    ],
    [
      { aksNetwork: { tags: { flowExport: 'aks-network/flow-export' } } },
      'aksNetwork.tags.flowExport: must not contain',
    ],
    [
      { aksNetwork: { tags: { flowExport: 'Component' } } },
      'aksNetwork.tags.flowExport: names the same tag as aksNetwork.tags.component',
    ],
    [
      { aksNetwork: { tags: { owner: 'System' } } },
      'aksNetwork.tags.system: names the same tag as aksNetwork.tags.owner',
    ],
    [
      {
        aksNetwork: { sync: { ownerTag: 'team' } },
        catalog: { providers: { aksNetwork: { ownerTag: 'squad' } } },
      },
      'aksNetwork.sync.ownerTag and catalog.providers.aksNetwork.ownerTag name different tags; set aksNetwork.tags.owner instead of both',
    ],
  ])('refuses %j, naming the key', (data, message) => {
    expect(() => readClusterTagNames(new ConfigReader(data))).toThrow(message);
  });
});
