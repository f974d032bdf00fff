import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/** A DatabaseService over a test database's knex, as the plugin would get it. */
export function databaseServiceFor(knex: Knex): DatabaseService {
  return { getClient: async () => knex };
}
