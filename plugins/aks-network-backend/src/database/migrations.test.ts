import { TestDatabases } from '@backstage/backend-test-utils';
import { migrationsDir } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const at = new Date('2026-11-26T09:00:00Z');

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('steps up and down one at a time with data in place', async () => {
    const knex = await databases.init(databaseId);

    // Up: the cluster inventory.
    await knex.migrate.up({ directory: migrationsDir });
    await knex('clusters').insert({
      id: '/subscriptions/s/resourcegroups/rg/providers/microsoft.containerservice/managedclusters/c',
      resource_id:
        '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c',
      subscription_id: 's',
      resource_group: 'rg',
      location: 'westeurope',
      name: 'c',
      network_model: 'azure-cni-overlay',
      dataplane: 'azure',
      owner: null,
      record: '{}',
      stale: false,
      last_seen_at: at,
      updated_at: at,
    });
    await knex('sync_runs').insert({
      started_at: at,
      status: 'succeeded',
      outcomes: '{}',
    });

    // Up: address pools and reservations, beside the inventory rows.
    await knex.migrate.up({ directory: migrationsDir });
    await knex('address_pools').insert({
      id: 'weu',
      subscription_id: 's',
      resource_group: 'rg-net',
      vnet_name: 'vnet-weu',
      region: 'westeurope',
      range: '10.240.0.0/16',
      created_at: at,
      updated_at: at,
    });
    await knex('reservations').insert({
      id: 'r1',
      pool_id: 'weu',
      cidr: '10.240.0.0/27',
      prefix: 27,
      owner: 'team',
      request_key: 'k1',
      state: 'reserved',
      expires_at: at,
      created_at: at,
      updated_at: at,
    });
    const pool = await knex('address_pools').where({ id: 'weu' }).first();
    // The default node subnet prefix (docs/domain.md#overlay-node-subnet-sizes: a /27 for overlay).
    expect(Number(pool.subnet_prefix)).toBe(27);
    const dup = knex('reservations').insert({
      id: 'r2',
      pool_id: 'weu',
      cidr: '10.240.0.32/27',
      prefix: 27,
      owner: 'team',
      request_key: 'k1',
      state: 'reserved',
      expires_at: at,
      created_at: at,
      updated_at: at,
    });
    // Matched on the message: better-sqlite3's errors come from another realm than
    // jest's `Error`, so `toThrow()` fails on them now and then.
    await expect(dup).rejects.toMatchObject({
      message: expect.stringMatching(/unique|duplicate key/i),
    });

    // Down: the pools go, the inventory stays.
    await knex.migrate.down({ directory: migrationsDir });
    expect(await knex.schema.hasTable('address_pools')).toBe(false);
    expect(await knex.schema.hasTable('reservations')).toBe(false);
    expect(Number((await knex('clusters').count({ n: '*' }))[0].n)).toBe(1);

    // Up again over the kept data.
    await knex.migrate.up({ directory: migrationsDir });
    expect(Number((await knex('address_pools').count({ n: '*' }))[0].n)).toBe(
      0,
    );

    // Up: the fleet figures beside the cluster row (null until a sync or the start-up
    // backfill writes them) and the subscriptions.
    await knex.migrate.up({ directory: migrationsDir });
    const [row] = await knex('clusters').select(
      'name',
      'fleet',
      'node_subnet_use',
    );
    expect(row).toEqual({ name: 'c', fleet: null, node_subnet_use: null });
    await knex('clusters').update({
      node_subnet_use: 0.5,
      check_same_node: 'fail',
    });
    await knex('subscriptions').insert({
      id: 's',
      display_name: 'Platform Production',
      status: 'succeeded',
      cluster_count: 1,
      last_read_at: at,
      updated_at: at,
    });
    expect(Number((await knex('subscriptions').count({ n: '*' }))[0].n)).toBe(
      1,
    );

    // Down: the figures and subscriptions go, the cluster stays.
    await knex.migrate.down({ directory: migrationsDir });
    expect(await knex.schema.hasTable('subscriptions')).toBe(false);
    expect(await knex.schema.hasColumn('clusters', 'node_subnet_use')).toBe(
      false,
    );
    expect(Number((await knex('clusters').count({ n: '*' }))[0].n)).toBe(1);

    // Up again, then the VNet locks of address pools beside a pool.
    await knex.migrate.up({ directory: migrationsDir });
    await knex('address_pools').insert({
      id: 'weu',
      subscription_id: 's',
      resource_group: 'rg-net',
      vnet_name: 'vnet-weu',
      region: 'westeurope',
      range: '10.240.0.0/16',
      created_at: at,
      updated_at: at,
    });
    await knex.migrate.up({ directory: migrationsDir });
    await knex('address_pool_vnet_locks').insert({
      vnet_key: 's/rg-net/vnet-weu',
    });
    await expect(
      knex('address_pool_vnet_locks').insert({ vnet_key: 's/rg-net/vnet-weu' }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/unique|duplicate key/i),
    });

    // Up: the content hash of cluster rows and when a subscription was last listed;
    // down again, and the rows stay.
    await knex.migrate.up({ directory: migrationsDir });
    expect(await knex.schema.hasColumn('clusters', 'content_hash')).toBe(true);
    await knex('clusters').update({ content_hash: 'a'.repeat(64) });
    await knex('subscriptions').insert({
      id: 's',
      updated_at: at,
      clusters_listed_at: at,
    });
    await knex.migrate.down({ directory: migrationsDir });
    expect(await knex.schema.hasColumn('clusters', 'content_hash')).toBe(false);
    expect(
      await knex.schema.hasColumn('subscriptions', 'clusters_listed_at'),
    ).toBe(false);
    expect(Number((await knex('clusters').count({ n: '*' }))[0].n)).toBe(1);
    expect(Number((await knex('subscriptions').count({ n: '*' }))[0].n)).toBe(
      1,
    );

    // Down: the locks go, the pool stays.
    await knex.migrate.down({ directory: migrationsDir });
    expect(await knex.schema.hasTable('address_pool_vnet_locks')).toBe(false);
    expect(Number((await knex('address_pools').count({ n: '*' }))[0].n)).toBe(
      1,
    );

    // All the way down.
    await knex.migrate.down({ directory: migrationsDir });
    await knex('address_pools').delete();
    await knex.migrate.down({ directory: migrationsDir });
    await knex.migrate.down({ directory: migrationsDir });
    expect(await knex.schema.hasTable('clusters')).toBe(false);
    expect(await knex.schema.hasTable('sync_runs')).toBe(false);
  });
});
