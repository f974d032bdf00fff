// @ts-check

/**
 * Address pools (a VNet range node subnets are carved from) and the subnets reserved
 * in them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('address_pools', table => {
    table.comment('VNet ranges that node subnets are carved from');
    table.string('id', 128).primary().notNullable();
    table.string('subscription_id', 64).notNullable();
    table.string('resource_group', 128).notNullable();
    table.string('vnet_name', 128).notNullable();
    table.string('region', 64).notNullable();
    table.string('range', 64).notNullable();
    // docs/domain.md#overlay-node-subnet-sizes: "The node subnet shrinks to a /27 by default".
    table.integer('subnet_prefix').notNullable().defaultTo(27);
    table.text('description').nullable();
    // Bumped by every reservation: the UPDATE takes the row lock that serialises
    // allocations in one pool (see DatabaseAksNetworkStore.reserveSubnet).
    table.bigInteger('allocation_version').notNullable().defaultTo(0);
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['subscription_id', 'region'], 'address_pools_sub_region_idx');
  });

  await knex.schema.createTable('reservations', table => {
    table.comment('Subnets reserved in an address pool');
    table.string('id', 64).primary().notNullable();
    table
      .string('pool_id', 128)
      .notNullable()
      .references('id')
      .inTable('address_pools')
      .onDelete('RESTRICT');
    table.string('cidr', 64).notNullable();
    table.integer('prefix').notNullable();
    table.string('owner', 256).notNullable();
    table.string('request_key', 256).notNullable();
    // reserved | committed | released | expired
    table.string('state', 16).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.string('subnet_id', 1024).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    // Idempotency: one reservation per caller key in a pool.
    table.unique(['pool_id', 'request_key'], {
      indexName: 'reservations_pool_request_key_uniq',
    });
    table.index(['pool_id', 'state'], 'reservations_pool_state_idx');
    table.index(['state', 'expires_at'], 'reservations_state_expires_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reservations');
  await knex.schema.dropTable('address_pools');
};
