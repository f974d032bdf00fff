import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import type { Knex } from 'knex';
import request from 'supertest';
import {
  catalogEntities,
  config,
  fleet,
} from '../../__testUtils__/routerTestBackend';
import { aksNetworkPlugin } from '../../plugin';
import type { VnetSubnetSource } from '../../reservations/VnetSubnetSource';
import { AksNetworkService } from '../../service/AksNetworkService';
import { aksNetworkServiceRef } from '../../service/aksNetworkServiceRef';

/*
 * The plugin beside the real MCP actions backend, as packages/backend runs them: the
 * real actions registry and actions service (the test backend's defaults are mocks
 * that never go over HTTP), the router tests' fake fleet and catalog, and
 * permissions that allow or deny everything.
 */

const running: Array<{ stop(): Promise<void> }> = [];

/** Stops every backend {@link startMcpBackend} started; call it in `afterEach`. */
export async function stopMcpBackends(): Promise<void> {
  await Promise.all(running.splice(0).map(backend => backend.stop()));
}

export async function startMcpBackend(
  knex: Knex,
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    config?: object;
    vnet?: VnetSubnetSource['readVnet'];
  } = {},
) {
  const services: AksNetworkService[] = [];
  const backend = await startTestBackend({
    features: [
      aksNetworkPlugin,
      mcpActionsPlugin,
      actionsRegistryServiceFactory,
      actionsServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          backend: { actions: { pluginSources: ['aks-network'] } },
          aksNetwork: { ...config.aksNetwork, ...options.config },
        },
      }),
      mockServices.database.factory({ knex }),
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
      catalogServiceMock.factory({ entities: catalogEntities }),
      // Without an Authorization header a request is anonymous, as in production.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      createServiceFactory({
        service: aksNetworkServiceRef,
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          database: coreServices.database,
          scheduler: coreServices.scheduler,
        },
        async factory(deps) {
          const service = await AksNetworkService.create({
            ...deps,
            azure: {
              vnetSubnets: {
                readVnet:
                  options.vnet ??
                  (async () => ({
                    addressSpace: ['10.250.0.0/16'],
                    subnetPrefixes: ['10.250.0.0/27'],
                  })),
              },
              subscriptions: {
                listSubscriptionIds: async () => Object.keys(fleet),
                listSubscriptions: async () =>
                  Object.keys(fleet).map(subscriptionId => ({
                    subscriptionId,
                  })),
              },
              reader: {
                readSubscription: async id => ({
                  clusters: fleet[id] ?? [],
                  complete: true,
                  errors: [],
                  partialClusterIds: [],
                }),
              },
            },
          });
          services.push(service);
          return service;
        },
      }),
    ],
  });
  running.push(backend);
  return { server: backend.server, service: () => services[0] };
}

/** What a JSON-RPC answer of the MCP endpoint holds. */
export type McpAnswer = {
  status: number;
  result?: {
    isError?: boolean;
    content?: Array<{ type: string; text: string }>;
    structuredContent?: any;
    tools?: Array<{
      name: string;
      description?: string;
      inputSchema: any;
      annotations?: Record<string, unknown>;
    }>;
  };
  error?: { code: number; message: string };
};

/**
 * One JSON-RPC call to `POST /api/mcp-actions/v1` as an MCP client makes it (the
 * server is stateless: no session to open first). The answer may come as server-sent
 * events; its `data:` line is the JSON-RPC message.
 */
export async function callMcp(
  server: Parameters<typeof request>[0],
  method: string,
  params: object,
  /** The Authorization header; null for none. */
  authorization: string | null = mockCredentials.user.header(),
): Promise<McpAnswer> {
  let call = request(server)
    .post('/api/mcp-actions/v1')
    .set('Accept', 'application/json, text/event-stream')
    .set('Content-Type', 'application/json');
  if (authorization) {
    call = call.set('Authorization', authorization);
  }
  const res = await call.send({ jsonrpc: '2.0', id: 1, method, params });
  const contentType = String(res.headers['content-type'] ?? '');
  let message: any = res.body;
  if (contentType.startsWith('text/event-stream')) {
    const data = res.text
      .split('\n')
      .filter(line => line.startsWith('data:'))
      .map(line => line.slice('data:'.length).trim());
    message = data.length > 0 ? JSON.parse(data[data.length - 1]) : undefined;
  }
  return { status: res.status, result: message?.result, error: message?.error };
}

/** `tools/call` of one tool; the structured output, or the error text when it failed. */
export async function callTool(
  server: Parameters<typeof request>[0],
  name: string,
  args: object,
) {
  const answer = await callMcp(server, 'tools/call', { name, arguments: args });
  return {
    ...answer,
    isError: answer.result?.isError === true,
    output: answer.result?.structuredContent,
    text: answer.result?.content?.map(c => c.text).join('\n') ?? '',
  };
}
