import {
  aksAddressPoolManagePermission,
  aksClusterRefreshPermission,
  aksReservationUpdatePermission,
} from '@aks-network/plugin-aks-network-common';
import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import type { Knex } from 'knex';
import request from 'supertest';
import { SUB_A } from '../database/__testUtils__/clusterRecords';
import {
  fleet,
  startBackend,
  stopRouterTestBackends,
} from '../__testUtils__/routerTestBackend';
import {
  aksClusterConditions,
  aksReservationConditions,
  createAksClusterConditionalDecision,
  createAksReservationConditionalDecision,
} from './conditions';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

afterEach(stopRouterTestBackends);

/** The groups each test user is in, as the catalog would say. */
const CLAIMS: Record<string, string[]> = {
  'user:default/platform': [
    'user:default/platform',
    'group:default/team-platform',
  ],
  'user:default/alice': ['user:default/alice', 'group:default/team-a'],
  'user:default/bob': ['user:default/bob', 'group:default/team-b'],
  'user:default/carol': ['user:default/carol', 'group:default/team-b'],
};

/**
 * A policy as an adopter would write one with the plugin's conditions: the platform
 * may do anything; others commit, release and refresh only what is theirs (or their
 * group's), and manage nothing.
 */
function decide(
  permission: Permission,
  credentials: BackstageCredentials,
): PolicyDecision {
  const user = (credentials.principal as { userEntityRef?: string })
    .userEntityRef;
  const claims: string[] = (user ? CLAIMS[user] : undefined) ?? [];
  if (claims.includes('group:default/team-platform')) {
    return { result: AuthorizeResult.ALLOW };
  }
  if (permission.name === aksReservationUpdatePermission.name) {
    return createAksReservationConditionalDecision(
      aksReservationUpdatePermission,
      aksReservationConditions.isReservationOwner({ claims }),
    );
  }
  if (permission.name === aksClusterRefreshPermission.name) {
    return createAksClusterConditionalDecision(
      aksClusterRefreshPermission,
      aksClusterConditions.isClusterOwner({ claims }),
    );
  }
  if (permission.name === aksAddressPoolManagePermission.name) {
    return { result: AuthorizeResult.DENY };
  }
  return { result: AuthorizeResult.ALLOW };
}

const asked: string[] = [];

const permissions: PermissionsService = {
  async authorize(requests, { credentials }) {
    return requests.map(({ permission }) => {
      asked.push(permission.name);
      const decision = decide(permission, credentials);
      // A plain authorize cannot carry conditions: the framework resolves them, which
      // the routes under test never ask it to.
      return {
        result:
          decision.result === AuthorizeResult.ALLOW
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      };
    });
  },
  async authorizeConditional(requests, { credentials }) {
    return requests.map(({ permission }) => {
      asked.push(permission.name);
      return decide(permission, credentials) as any;
    });
  },
};

const as = (user: string) => mockCredentials.user.header(user);

describe.each(databases.eachSupportedId())(
  'resource permissions on %p',
  databaseId => {
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
    });

    beforeEach(() => {
      asked.length = 0;
    });

    async function poolWithReservation(server: any, id: string) {
      await request(server)
        .post('/api/aks-network/address-pools')
        .set('Authorization', as('user:default/platform'))
        .send({
          id,
          subscriptionId: SUB_A,
          resourceGroup: 'rg-network',
          // A VNet per pool: pools of one VNet may not overlap.
          vnetName: `vnet-${id}`,
          region: 'westeurope',
          range: '10.250.0.0/24',
        })
        .expect(201);
      const reserved = await request(server)
        .post(`/api/aks-network/address-pools/${id}/reservations`)
        .set('Authorization', as('user:default/alice'))
        .send({ requestKey: 'task-alice' });
      expect(reserved.status).toBe(201);
      return reserved.body as { id: string; owner: string; cidr: string };
    }

    it("releases or commits a reservation only for its owner and the platform, applying the policy's conditions", async () => {
      const { server } = await startBackend(knex, AuthorizeResult.ALLOW, {
        permissions,
      });
      const poolId = `pool-owner-${databaseId.toLowerCase()}`;
      const reservation = await poolWithReservation(server, poolId);
      expect(reservation.owner).toBe('user:default/alice');

      const bobRelease = await request(server)
        .post(`/api/aks-network/reservations/${reservation.id}/release`)
        .set('Authorization', as('user:default/bob'));
      expect(bobRelease.status).toBe(403);
      expect(bobRelease.body.error.message).toBe(
        'Missing permission aks-network.reservation.update on this aks-network-reservation',
      );
      const bobCommit = await request(server)
        .post(`/api/aks-network/reservations/${reservation.id}/commit`)
        .set('Authorization', as('user:default/bob'))
        .send({
          subnetId: `/subscriptions/${SUB_A}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-${poolId}/subnets/snet-bob`,
        });
      expect(bobCommit.status).toBe(403);
      // Nothing changed for bob's attempts.
      const after = await request(server)
        .get(`/api/aks-network/reservations/${reservation.id}`)
        .set('Authorization', as('user:default/bob'));
      expect(after.body.state).toBe('reserved');

      const aliceCommit = await request(server)
        .post(`/api/aks-network/reservations/${reservation.id}/commit`)
        .set('Authorization', as('user:default/alice'))
        .send({
          subnetId: `/subscriptions/${SUB_A}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-${poolId}/subnets/snet-alice`,
        });
      expect(aliceCommit.status).toBe(200);
      expect(aliceCommit.body.state).toBe('committed');

      const platformRelease = await request(server)
        .post(`/api/aks-network/reservations/${reservation.id}/release`)
        .set('Authorization', as('user:default/platform'));
      expect(platformRelease.status).toBe(200);
      expect(asked).toContain(aksReservationUpdatePermission.name);
    });

    it('gives a group the reservations it owns, and 404 for an unknown one under conditions', async () => {
      const { server } = await startBackend(knex, AuthorizeResult.ALLOW, {
        permissions,
        // A reservation may only be held for a group its caller is in.
        ownership: user => CLAIMS[user] ?? [user],
      });
      const id = `pool-group-${databaseId.toLowerCase()}`;
      await poolWithReservation(server, id);
      // bob reserves for his team.
      const forTeam = await request(server)
        .post(`/api/aks-network/address-pools/${id}/reservations`)
        .set('Authorization', as('user:default/bob'))
        .send({ requestKey: 'task-team-b', owner: 'group:default/team-b' });
      expect(forTeam.status).toBe(201);
      expect(forTeam.body.owner).toBe('group:default/team-b');

      // alice is not in team-b; carol is: the group's reservation is hers to release.
      const byAlice = await request(server)
        .post(`/api/aks-network/reservations/${forTeam.body.id}/release`)
        .set('Authorization', as('user:default/alice'));
      expect(byAlice.status).toBe(403);
      const byCarol = await request(server)
        .post(`/api/aks-network/reservations/${forTeam.body.id}/release`)
        .set('Authorization', as('user:default/carol'));
      expect(byCarol.status).toBe(200);
      expect(byCarol.body.state).toBe('released');

      const unknown = await request(server)
        .post('/api/aks-network/reservations/no-such-reservation/release')
        .set('Authorization', as('user:default/bob'));
      expect(unknown.status).toBe(404);
    });

    it("refreshes one cluster for its owner's group only, and a full sync only for the platform", async () => {
      const { server } = await startBackend(knex, AuthorizeResult.ALLOW, {
        permissions,
      });
      const full = await request(server)
        .post('/api/aks-network/refresh')
        .set('Authorization', as('user:default/alice'))
        .send({});
      expect(full.status).toBe(403);
      expect(full.body.error.message).toBe(
        'Missing permission aks-network.address-pool.manage',
      );
      await request(server)
        .post('/api/aks-network/refresh')
        .set('Authorization', as('user:default/platform'))
        .send({})
        .expect(200);

      // aks-a1 in SUB_A carries the tag owner: team-a, i.e. group:default/team-a.
      const clusterId = fleet[SUB_A][0].id;
      const byAlice = await request(server)
        .post('/api/aks-network/refresh')
        .set('Authorization', as('user:default/alice'))
        .send({ clusterId });
      expect(byAlice.status).toBe(200);
      const byBob = await request(server)
        .post('/api/aks-network/refresh')
        .set('Authorization', as('user:default/bob'))
        .send({ clusterId });
      expect(byBob.status).toBe(403);
    });
  },
);
