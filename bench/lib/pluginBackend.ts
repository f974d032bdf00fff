/**
 * The AKS network backend plugin in a test backend of its own (startTestBackend, a free
 * port, not the app on 7007) over a bench's database, every permission allowed, a
 * catalog of the given entities: what the benches that call the HTTP API start.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';
import type { Server } from 'node:http';
import { aksNetworkPlugin } from '../../plugins/aks-network-backend/src/plugin';

export async function startPluginBackend(options: {
  knex: Knex;
  /** The `aksNetwork` config section. */
  aksNetwork: JsonObject;
  entities?: Entity[];
}): Promise<{ base: string; stop(): Promise<void> }> {
  const backend = await startTestBackend({
    features: [
      aksNetworkPlugin,
      mockServices.rootConfig.factory({
        data: { aksNetwork: options.aksNetwork },
      }),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
    ],
  });
  const address = (backend.server as Server).address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}/api/aks-network`,
    stop: () => backend.stop(),
  };
}

/** A sync schedule that never runs during a bench (the bench syncs, or must not). */
export const NO_SCHEDULED_SYNC = {
  frequency: { hours: 24 },
  timeout: { minutes: 10 },
  initialDelay: { hours: 24 },
};
