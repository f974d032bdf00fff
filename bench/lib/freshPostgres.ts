/** A PostgreSQL database of its own for one bench run, dropped after it. */
import knexFactory, { Knex } from 'knex';

export async function freshPostgres(): Promise<{
  knex: Knex;
  database: string;
  drop(): Promise<void>;
}> {
  const url = new URL(
    process.env.BENCH_POSTGRES ?? 'postgresql://postgres@127.0.0.1:5432',
  );
  const connection = {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
  const admin = knexFactory({
    client: 'pg',
    connection: { ...connection, database: 'postgres' },
    pool: { min: 0, max: 1 },
  });
  const database = `aks_bench_${Date.now()}`;
  await admin.raw('create database ??', [database]);
  const knex = knexFactory({
    client: 'pg',
    connection: { ...connection, database },
  });
  return {
    knex,
    database,
    drop: async () => {
      await knex.destroy();
      await admin.raw('drop database if exists ?? with (force)', [database]);
      await admin.destroy();
    },
  };
}
