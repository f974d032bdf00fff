import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/**
 * The package's knex migrations, `migrations/` at the package root so they ship with
 * the built package (`files` in package.json).
 */
export const migrationsDir = resolvePackagePath(
  '@aks-network/plugin-aks-network-backend',
  'migrations',
);

/** Brings the plugin's tables up to date. */
export async function applyDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDir });
}
