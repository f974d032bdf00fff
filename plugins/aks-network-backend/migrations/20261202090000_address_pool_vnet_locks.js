// @ts-check

/**
 * One row per VNet that address pools carve from, taken as a lock while a pool is
 * created on it or moved to it, so that the check for an overlapping pool and the
 * insert cannot interleave with another's (see AddressPoolTable).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('address_pool_vnet_locks', table => {
    table.comment(
      'VNets address pools carve from: a row lock serialises pool changes on one VNet',
    );
    // subscription/resource group/VNet, lower-cased (ARM names compare case-insensitively).
    table.string('vnet_key', 320).primary().notNullable();
    table.bigInteger('version').notNullable().defaultTo(0);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('address_pool_vnet_locks');
};
