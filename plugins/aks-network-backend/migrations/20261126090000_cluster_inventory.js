// @ts-check

/**
 * The cluster inventory and the history of the sync runs that fill it.
 *
 * Timestamps are always bound from JavaScript, never defaulted in SQL: SQLite would
 * store `CURRENT_TIMESTAMP` as text beside the numbers better-sqlite3 binds for a Date,
 * and the two do not compare.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('clusters', table => {
    table.comment('AKS clusters as last read from Azure');
    // ARM ids are case-insensitive, so the key is the lower-cased id and the id as
    // ARM spelled it is kept beside it for display and links.
    table.string('id', 1024).primary().notNullable();
    table.string('resource_id', 1024).notNullable();
    table.string('subscription_id', 64).notNullable();
    table.string('resource_group', 128).notNullable();
    table.string('location', 64).notNullable();
    table.string('name', 128).notNullable();
    // Null when classifyNetworkModel could not place the cluster.
    table.string('network_model', 64).nullable();
    table.string('dataplane', 32).nullable();
    table.string('owner', 256).nullable();
    table.text('record').notNullable().comment('ClusterRecord as JSON');
    table.boolean('stale').notNullable().defaultTo(false);
    table.text('stale_error').nullable();
    table.timestamp('stale_since', { useTz: true }).nullable();
    table.timestamp('last_seen_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['subscription_id'], 'clusters_subscription_id_idx');
    table.index(['location'], 'clusters_location_idx');
    table.index(['network_model'], 'clusters_network_model_idx');
    table.index(['owner'], 'clusters_owner_idx');
    table.index(['name', 'id'], 'clusters_name_id_idx');
  });

  await knex.schema.createTable('sync_runs', table => {
    table.comment('One pass of the inventory sync over every subscription');
    table.increments('id').primary();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    // running | succeeded | partial | failed
    table.string('status', 16).notNullable();
    table
      .text('outcomes')
      .nullable()
      .comment(
        'Per-subscription outcome as a JSON object keyed by subscription id',
      );
    table.text('error').nullable();
    table.index(['started_at'], 'sync_runs_started_at_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('sync_runs');
  await knex.schema.dropTable('clusters');
};
