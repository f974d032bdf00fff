import type { ManagedCluster } from '@azure/arm-containerservice';
import { mapClusterAddons } from './mapClusterAddons';
import { mapNetworkProfile } from './mapNetworkProfile';

/** SDK-shaped (flattened) clusters: only the fields these mappers read. */
function cluster(fields: Partial<ManagedCluster>): ManagedCluster {
  return { location: 'westeurope', ...fields };
}

describe('mapClusterAddons', () => {
  it('reads ACNS sub-flags of a cluster set up before advancedNetworking.enabled existed', () => {
    const addons = mapClusterAddons(
      cluster({
        networkProfile: {
          advancedNetworking: { observability: { enabled: true } },
        },
      }),
    );
    expect(addons.acns).toEqual({
      enabled: true,
      observability: true,
      security: false,
    });
  });

  it('switches every ACNS feature off when advancedNetworking.enabled is false', () => {
    const addons = mapClusterAddons(
      cluster({
        networkProfile: {
          advancedNetworking: {
            enabled: false,
            observability: { enabled: true },
            security: { enabled: true },
          },
        },
      }),
    );
    expect(addons.acns).toEqual({
      enabled: false,
      observability: false,
      security: false,
    });
  });

  it('finds the omsagent addon and its config whatever their casing', () => {
    const addons = mapClusterAddons(
      cluster({
        addonProfiles: {
          omsAgent: {
            enabled: true,
            config: { ENABLECONTAINERNETWORKLOGS: 'true' },
          },
        },
      }),
    );
    expect(addons.omsagent).toEqual({
      enabled: true,
      containerNetworkLogs: true,
    });
  });

  it('does not count container network logs of a disabled addon', () => {
    const addons = mapClusterAddons(
      cluster({
        addonProfiles: {
          omsagent: {
            enabled: false,
            config: { enableContainerNetworkLogs: 'true' },
          },
        },
      }),
    );
    expect(addons.omsagent).toEqual({
      enabled: false,
      containerNetworkLogs: false,
    });
  });

  it('reads container network logs from azureMonitorProfile.containerInsights', () => {
    const addons = mapClusterAddons(
      cluster({
        azureMonitorProfile: {
          containerInsights: {
            enabled: true,
            containerNetworkLogs: 'Enabled',
            logAnalyticsWorkspaceResourceId: '/subscriptions/s/w',
          },
        },
      }),
    );
    expect(addons.omsagent).toEqual({
      enabled: true,
      containerNetworkLogs: true,
      logAnalyticsWorkspaceId: '/subscriptions/s/w',
    });
  });
});

describe('mapNetworkProfile', () => {
  it('takes the IPv4 pod and service CIDRs of a dual-stack cluster from the plural lists', () => {
    expect(
      mapNetworkProfile({
        networkPlugin: 'Azure',
        networkPluginMode: 'Overlay',
        podCidrs: ['fd12:3456:789a::/64', '10.244.0.0/16'],
        serviceCidrs: ['10.0.0.0/16', 'fd12:3456:789a:1::/108'],
        ipFamilies: ['IPv4', 'IPv6'],
      }),
    ).toEqual({
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      podCidr: '10.244.0.0/16',
      podCidrs: ['fd12:3456:789a::/64', '10.244.0.0/16'],
      serviceCidr: '10.0.0.0/16',
      serviceCidrs: ['10.0.0.0/16', 'fd12:3456:789a:1::/108'],
      ipFamilies: ['IPv4', 'IPv6'],
    });
  });

  it('maps a missing profile to an empty one', () => {
    expect(mapNetworkProfile(undefined)).toEqual({});
  });
});
