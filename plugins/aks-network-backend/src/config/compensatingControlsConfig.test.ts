import { ConfigReader } from '@backstage/config';
import { readAksNetworkBackendConfig } from './aksNetworkBackendConfig';

const SUB = '00000000-0000-0000-0000-00000000000A';

function read(compensatingControls: unknown) {
  return readAksNetworkBackendConfig(
    new ConfigReader({ aksNetwork: { compensatingControls } } as never),
  ).compensatingControls;
}

describe('aksNetwork.compensatingControls', () => {
  it('is empty when unset', () => {
    expect(
      readAksNetworkBackendConfig(new ConfigReader({})).compensatingControls,
    ).toEqual({ flowExport: [] });
  });

  it('reads the tools per subscription, the id lower-cased', () => {
    expect(
      read({ flowExport: [{ subscriptionId: SUB, tools: ['tetragon'] }] }),
    ).toEqual({
      flowExport: [{ subscriptionId: SUB.toLowerCase(), tools: ['tetragon'] }],
    });
  });

  it.each([
    [
      { flowExport: [{ subscriptionId: SUB, tools: ['falco'] }] },
      'aksNetwork.compensatingControls.flowExport.0.tools.0: must be one of tetragon, linkerd, retina, istio',
    ],
    [
      { flowExport: [{ subscriptionId: SUB, tools: [] }] },
      'aksNetwork.compensatingControls.flowExport.0.tools: must name at least one tool',
    ],
    [
      { flowExport: [{ subscriptionId: 'prod', tools: ['tetragon'] }] },
      'aksNetwork.compensatingControls.flowExport.0.subscriptionId: must be a subscription id (a GUID)',
    ],
    [
      {
        flowExport: [
          { subscriptionId: SUB, tools: ['tetragon'] },
          { subscriptionId: SUB.toLowerCase(), tools: ['linkerd'] },
        ],
      },
      'aksNetwork.compensatingControls.flowExport.1.subscriptionId: is listed more than once',
    ],
    [
      { flowExport: [{ subscriptionId: SUB, tools: ['tetragon'], tag: 'x' }] },
      "aksNetwork.compensatingControls.flowExport.0: Unrecognized key(s) in object: 'tag'",
    ],
    [
      { flowExports: [] },
      "aksNetwork.compensatingControls: Unrecognized key(s) in object: 'flowExports'",
    ],
  ])('refuses %j, naming the key', (value, message) => {
    expect(() => read(value)).toThrow(message);
  });
});
