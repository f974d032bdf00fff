import { mockCredentials } from '@backstage/backend-test-utils';
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import type { Knex } from 'knex';
import request from 'supertest';
import {
  startBackend,
  stopRouterTestBackends,
} from '../../__testUtils__/routerTestBackend';
import type { VnetSubnetSource } from '../../reservations/VnetSubnetSource';

/*
 * The plugin beside the real MCP actions backend, as packages/backend runs them: the
 * real actions registry and actions service (the test backend's defaults are mocks
 * that never go over HTTP), in the router tests' backend (its fake fleet and catalog,
 * permissions that allow or deny everything).
 */

/** Stops every backend {@link startMcpBackend} started; call it in `afterEach`. */
export const stopMcpBackends = stopRouterTestBackends;

export function startMcpBackend(
  knex: Knex,
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    config?: object;
    vnet?: VnetSubnetSource['readVnet'];
  } = {},
) {
  return startBackend(knex, options.permission ?? AuthorizeResult.ALLOW, {
    config: options.config,
    vnet: options.vnet,
    rootConfig: { backend: { actions: { pluginSources: ['aks-network'] } } },
    features: [
      mcpActionsPlugin,
      actionsRegistryServiceFactory,
      actionsServiceFactory,
    ],
  });
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
