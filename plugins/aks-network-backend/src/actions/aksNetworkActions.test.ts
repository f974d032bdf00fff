import { TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Knex } from 'knex';
import { SUB_A, SUB_B } from '../database/__testUtils__/clusterRecords';
import {
  fleet,
  PLAN_CONFIG,
  PLAN_POOL,
} from '../__testUtils__/routerTestBackend';
import {
  callMcp,
  callTool,
  startMcpBackend,
  stopMcpBackends,
} from './__testUtils__/mcpActionsTestBackend';
import { LIST_CLUSTERS_PAGE } from './listClustersAction';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

afterEach(stopMcpBackends);

// Tool names are `<pluginId>.<action name>`: mcpActions.namespacedToolNames is on by
// default in @backstage/plugin-mcp-actions-backend.
const POSTURE = 'aks-network.get-network-posture';
const LIST = 'aks-network.list-clusters';
const PLAN = 'aks-network.plan-overlay-cluster';

const vnet = async () => ({
  addressSpace: ['10.250.0.0/16'],
  subnetPrefixes: ['10.250.16.0/27'],
});

describe.each(databases.eachSupportedId())(
  'AKS network actions through the MCP actions backend on %p',
  databaseId => {
    let knex: Knex;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
    });

    it('lists the three tools with their input descriptions and read-only hints', async () => {
      const { server } = await startMcpBackend(knex);
      const answer = await callMcp(server, 'tools/list', {});
      expect(answer.status).toBe(200);
      const tools = Object.fromEntries(
        (answer.result?.tools ?? []).map(tool => [tool.name, tool]),
      );
      expect(Object.keys(tools).sort()).toEqual([POSTURE, LIST, PLAN].sort());
      expect(
        tools[POSTURE].inputSchema.properties.entityRef.description,
      ).toMatch(/component:default\/payments-api/);
      expect(tools[POSTURE].inputSchema.required).toEqual(['entityRef']);
      expect(tools[LIST].inputSchema.properties.failingCheck).toMatchObject({
        enum: ['egressIngressMonitored', 'samePodToPodVisible', 'historyKept'],
        description: expect.stringMatching(/fails or warns/),
      });
      expect(tools[LIST].inputSchema.properties.limit.description).toContain(
        `1 to ${LIST_CLUSTERS_PAGE.max}`,
      );
      expect(tools[PLAN].inputSchema.properties.poolId.description).toMatch(
        /address pool/,
      );
      expect(tools[PLAN].inputSchema.required.sort()).toEqual(
        ['nodeCount', 'poolId'].sort(),
      );
      for (const tool of Object.values(tools)) {
        expect(tool.annotations).toMatchObject({
          readOnlyHint: true,
          destructiveHint: false,
          idempotentHint: true,
        });
      }
    });

    describe('get-network-posture', () => {
      it("answers an entity's clusters with their checks, as GET /posture does", async () => {
        const { server, service } = await startMcpBackend(knex);
        await service().sync.run();

        const answer = await callTool(server, POSTURE, {
          entityRef: 'component:default/orders',
        });
        expect(answer.isError).toBe(false);
        expect(answer.output.entityRef).toBe('component:default/orders');
        const byId = Object.fromEntries(
          answer.output.clusters.map((c: any) => [c.cluster.id, c]),
        );
        expect(Object.keys(byId).sort()).toEqual(
          [fleet[SUB_A][0].id, fleet[SUB_B][0].id].sort(),
        );
        const viaEntity = byId[fleet[SUB_A][0].id];
        expect(viaEntity.entityRef).toBe('resource:default/aks-a1-a1a1a1a1');
        expect(viaEntity.cluster.name).toBe('aks-a1');
        // The wire shape, not a second one: the inventory state the route gives too.
        expect(viaEntity.cluster.inventory).toMatchObject({
          networkModel: 'azure-cni-overlay',
          owner: 'team-a',
        });
        // Overlay without ACNS: same-node pod-to-pod traffic is not visible.
        expect(viaEntity.posture.summary.samePodToPodVisible).toBe(false);
        const sameNode = viaEntity.posture.findings.find(
          (f: { id: string }) => f.id === 'same-node-pod-to-pod-visible',
        );
        expect(sameNode).toMatchObject({
          status: 'fail',
          title: expect.any(String),
          detail: expect.any(String),
          remediation: expect.stringMatching(/\S/),
          fact: expect.any(String),
        });
        expect(viaEntity.links.map((l: { kind: string }) => l.kind)).toContain(
          'cluster',
        );
        expect(answer.output.unresolved).toHaveLength(3);
        // The text content an assistant reads is the same answer.
        expect(JSON.parse(answer.text)).toEqual(answer.output);
      });

      it('is an error naming the field for a bad ref, and NotFound for an unknown entity', async () => {
        const { server } = await startMcpBackend(knex);
        const malformed = await callTool(server, POSTURE, {
          entityRef: 'component:',
        });
        expect(malformed.isError).toBe(true);
        expect(malformed.text).toMatch(
          /^InputError: .*entityRef: must be an entity ref/,
        );

        const unknown = await callTool(server, POSTURE, {
          entityRef: 'component:default/nope',
        });
        expect(unknown.isError).toBe(true);
        expect(unknown.text).toMatch(
          /^NotFoundError: .*component:default\/nope/,
        );
      });

      it('is an error naming the permission when the policy denies it', async () => {
        const { server, service } = await startMcpBackend(knex, {
          permission: AuthorizeResult.DENY,
        });
        await service().sync.run();
        const denied = await callTool(server, POSTURE, {
          entityRef: 'component:default/orders',
        });
        expect(denied.isError).toBe(true);
        expect(denied.output).toBeUndefined();
        expect(denied.text).toBe(
          'NotAllowedError: Missing permission aks-network.cluster.read',
        );
      });
    });

    describe('list-clusters', () => {
      it('answers the fleet page with its total, filtered and bounded', async () => {
        const { server, service } = await startMcpBackend(knex);
        await service().sync.run();

        const all = await callTool(server, LIST, {});
        expect(all.isError).toBe(false);
        expect(all.output.totalCount).toBe(3);
        expect(all.output.items.map((c: { name: string }) => c.name)).toEqual([
          'aks-a1',
          'aks-a1',
          'aks-a2',
        ]);
        // The fleet row as the fleet route gives it, figures included.
        expect(all.output.items[0].figures.checks).toBeDefined();
        expect(all.output.lastSync).toMatchObject({ status: 'succeeded' });

        const overlay = await callTool(server, LIST, {
          networkModel: 'kubenet',
        });
        expect(overlay.output.items.map((c: { id: string }) => c.id)).toEqual([
          fleet[SUB_A][1].id,
        ]);
        const teamB = await callTool(server, LIST, { owner: 'team-b' });
        expect(teamB.output.items.map((c: { id: string }) => c.id)).toEqual([
          fleet[SUB_B][0].id,
        ]);
        const failing = await callTool(server, LIST, {
          failingCheck: 'samePodToPodVisible',
        });
        expect(failing.isError).toBe(false);
        expect(failing.output.items.length).toBeGreaterThan(0);
        expect(failing.output.totalCount).toBe(failing.output.items.length);
        for (const cluster of failing.output.items) {
          expect(['fail', 'warn']).toContain(
            cluster.figures.checks.samePodToPodVisible,
          );
        }

        const page = await callTool(server, LIST, { limit: 1, offset: 1 });
        expect(page.output.items).toHaveLength(1);
        expect(page.output.totalCount).toBe(3);

        const tooMany = await callTool(server, LIST, {
          limit: LIST_CLUSTERS_PAGE.max + 1,
        });
        expect(tooMany.isError).toBe(true);
        expect(tooMany.text).toMatch(/^InputError: .*limit/);
      });

      it('is an error, not an empty page, when the policy denies it', async () => {
        const { server, service } = await startMcpBackend(knex, {
          permission: AuthorizeResult.DENY,
        });
        await service().sync.run();
        const denied = await callTool(server, LIST, {});
        expect(denied.isError).toBe(true);
        expect(denied.output).toBeUndefined();
        expect(denied.text).toBe(
          'NotAllowedError: Missing permission aks-network.cluster.read',
        );
      });
    });

    describe('plan-overlay-cluster', () => {
      it('plans the subnet the pool would hand out, reserving nothing', async () => {
        const { server } = await startMcpBackend(knex, {
          config: PLAN_CONFIG,
          vnet,
        });
        const args = {
          poolId: PLAN_POOL.id,
          name: 'aks-orders-dev-weu',
          resourceGroup: 'rg-orders',
          nodeCount: 3,
        };
        const answer = await callTool(server, PLAN, args);
        expect(answer.isError).toBe(false);
        expect(answer.output).toMatchObject({
          poolId: 'nonprod-weu',
          valid: true,
          cluster: { networkModel: 'azure-cni-overlay', nodeCount: 3 },
          // The VNet holds the pool's first /27: the next one.
          nodeSubnet: {
            name: 'snet-aks-aks-orders-dev-weu',
            cidr: '10.250.16.32/27',
            usableIps: 27,
            maxNodes: 26,
          },
          // 3 nodes × $0.025 × 730 h.
          acnsMonthlyCostUsd: 54.75,
        });
        expect(await knex('reservations').select()).toEqual([]);

        // Nothing held: planning again gets the same subnet.
        const again = await callTool(server, PLAN, args);
        expect(again.output.nodeSubnet.cidr).toBe('10.250.16.32/27');
        expect(await knex('reservations').select()).toEqual([]);
      });

      it('answers NotFound for an unknown pool and an error when denied', async () => {
        const { server } = await startMcpBackend(knex, {
          config: PLAN_CONFIG,
          vnet,
        });
        const unknown = await callTool(server, PLAN, {
          poolId: 'nope',
          nodeCount: 3,
        });
        expect(unknown.isError).toBe(true);
        expect(unknown.text).toMatch(/^NotFoundError: /);

        await stopMcpBackends();
        const denying = await startMcpBackend(knex, {
          config: PLAN_CONFIG,
          vnet,
          permission: AuthorizeResult.DENY,
        });
        const denied = await callTool(denying.server, PLAN, {
          poolId: PLAN_POOL.id,
          nodeCount: 3,
        });
        expect(denied.isError).toBe(true);
        expect(denied.text).toBe(
          'NotAllowedError: Missing permission aks-network.cluster.read',
        );
        expect(await knex('reservations').select()).toEqual([]);
      });
    });

    it('refuses a call without credentials (401)', async () => {
      const { server } = await startMcpBackend(knex);
      const answer = await callMcp(
        server,
        'tools/call',
        { name: POSTURE, arguments: { entityRef: 'component:default/orders' } },
        null,
      );
      // The httpRouter's default auth policy refuses it before the MCP server runs.
      expect(answer.status).toBe(401);
      expect(answer.result).toBeUndefined();
    });
  },
);
