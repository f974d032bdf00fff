import {
  aksAddressPoolManagePermission,
  aksClusterCreatePermission,
  aksClusterReadPermission,
  aksClusterRefreshPermission,
  aksReservationUpdatePermission,
} from '@aks-network/plugin-aks-network-common';
import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { AksNetworkPermissionPolicy } from './AksNetworkPermissionPolicy';
import { readPolicyConfig } from './policyConfig';

function user(ref: string, groups: string[]): PolicyQueryUser {
  return {
    identity: {
      type: 'user',
      userEntityRef: ref,
      ownershipEntityRefs: [ref, ...groups],
    },
    info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
    token: 'token',
    credentials: {} as PolicyQueryUser['credentials'],
  } as PolicyQueryUser;
}

// The local default's guest (examples/org.yaml): a developer on team-payments.
const guest = user('user:default/guest', [
  'group:default/guests',
  'group:default/team-payments',
]);
const platform = user('user:default/pat', ['group:default/team-platform']);
const loner = user('user:default/nobody', []);

const policy = (config: object = {}) =>
  new AksNetworkPermissionPolicy(
    readPolicyConfig(new ConfigReader({ aksNetwork: config })),
  );

describe('AksNetworkPermissionPolicy', () => {
  it.each(
    [
      ['the guest', guest, aksClusterReadPermission, AuthorizeResult.ALLOW],
      ['the guest', guest, aksClusterRefreshPermission, AuthorizeResult.ALLOW],
      ['the guest', guest, aksClusterCreatePermission, AuthorizeResult.ALLOW],
      [
        'the guest',
        guest,
        aksAddressPoolManagePermission,
        AuthorizeResult.DENY,
      ],
      [
        'the platform',
        platform,
        aksAddressPoolManagePermission,
        AuthorizeResult.ALLOW,
      ],
      [
        'the platform',
        platform,
        aksReservationUpdatePermission,
        AuthorizeResult.ALLOW,
      ],
      [
        'the platform',
        platform,
        aksClusterCreatePermission,
        AuthorizeResult.ALLOW,
      ],
      [
        'a user in no group',
        loner,
        aksClusterReadPermission,
        AuthorizeResult.ALLOW,
      ],
      [
        'a user in no group',
        loner,
        aksClusterCreatePermission,
        AuthorizeResult.DENY,
      ],
      [
        'a user in no group',
        loner,
        aksReservationUpdatePermission,
        AuthorizeResult.DENY,
      ],
      [
        'a user in no group',
        loner,
        aksAddressPoolManagePermission,
        AuthorizeResult.DENY,
      ],
    ].map(([name, who, permission, expected]) => ({
      name,
      who: who as PolicyQueryUser,
      permission: permission as typeof aksClusterReadPermission,
      permissionName: (permission as typeof aksClusterReadPermission).name,
      expected,
    })),
  )(
    '$name: $permissionName → $expected',
    async ({ who, permission, expected }) => {
      const decision = await policy().handle({ permission }, who);
      expect(decision.result).toBe(expected);
    },
  );

  it("gives a creator the reservations of their user and groups, as a condition on the reservation's owner", async () => {
    const decision = await policy().handle(
      { permission: aksReservationUpdatePermission },
      guest,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'aks-network',
      resourceType: 'aks-network-reservation',
      conditions: {
        rule: 'IS_RESERVATION_OWNER',
        resourceType: 'aks-network-reservation',
        params: {
          claims: [
            'user:default/guest',
            'group:default/guests',
            'group:default/team-payments',
          ],
        },
      },
    });
  });

  it('limits creating clusters to the configured creators, and reads bare names as groups', async () => {
    const configured = policy({
      permissionPolicy: {
        clusterCreators: ['team-payments'],
        platformGroups: ['group:default/sre'],
      },
    });
    const other = user('user:default/sam', ['group:default/team-search']);
    const sre = user('user:default/sre1', ['group:default/sre']);
    expect(
      (
        await configured.handle(
          { permission: aksClusterCreatePermission },
          guest,
        )
      ).result,
    ).toBe(AuthorizeResult.ALLOW);
    expect(
      (
        await configured.handle(
          { permission: aksClusterCreatePermission },
          other,
        )
      ).result,
    ).toBe(AuthorizeResult.DENY);
    // team-platform is not the platform any more: sre is.
    expect(
      (
        await configured.handle(
          { permission: aksAddressPoolManagePermission },
          platform,
        )
      ).result,
    ).toBe(AuthorizeResult.DENY);
    expect(
      (
        await configured.handle(
          { permission: aksAddressPoolManagePermission },
          sre,
        )
      ).result,
    ).toBe(AuthorizeResult.ALLOW);
  });

  it("allows other plugins' permissions, as the allow-all policy it replaces did", async () => {
    const catalogRead = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
      resourceType: 'catalog-entity',
    });
    expect(
      (await policy().handle({ permission: catalogRead }, loner)).result,
    ).toBe(AuthorizeResult.ALLOW);
  });

  it('denies reading without a signed-in user', async () => {
    expect(
      (await policy().handle({ permission: aksClusterReadPermission })).result,
    ).toBe(AuthorizeResult.DENY);
  });

  it('refuses a config entry that is not an entity ref, naming it', () => {
    expect(() =>
      policy({ permissionPolicy: { platformGroups: ['group:'] } }),
    ).toThrow(
      "Invalid config aksNetwork.permissionPolicy.platformGroups: 'group:' is not an entity ref",
    );
  });
});
