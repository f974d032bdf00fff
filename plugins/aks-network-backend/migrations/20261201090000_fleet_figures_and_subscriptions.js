// @ts-check

/**
 * The fleet view's figures on each cluster row, and the subscriptions the sync reads.
 *
 * The figures (IP use, the three checks, ACNS cost, …) are derived from the record when
 * a sync writes it, so the fleet table sorts, filters and sums thousands of clusters in
 * SQL instead of parsing and assessing every record per request. Rows written before
 * this migration have them null until the next sync writes them again; the store reads
 * such rows from their record.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('clusters', table => {
    table.text('fleet').nullable().comment('ClusterFleetFigures as JSON');
    table.integer('node_count').nullable();
    // (used + surge) / usable of the fullest node subnet; null when IP use is unknown.
    table.double('node_subnet_use').nullable();
    // Nodes the pod CIDR holds (overlay, kubenet); null for the other models.
    table.integer('pod_capacity').nullable();
    // pass | warn | fail | unknown, per check security wants.
    table.string('check_egress', 8).nullable();
    table.string('check_same_node', 8).nullable();
    table.string('check_history', 8).nullable();
    table.double('acns_monthly_cost_usd').nullable();
    table.boolean('acns_available').nullable();
    table.integer('vnet_ips_saved').nullable();
    table.boolean('uses_nsg_flow_logs').nullable();
    table.index(['node_subnet_use'], 'clusters_node_subnet_use_idx');
    table.index(['check_same_node'], 'clusters_check_same_node_idx');
  });

  await knex.schema.createTable('subscriptions', table => {
    table.comment(
      'Azure subscriptions the inventory sync reads, and how it went',
    );
    // Subscription ids are GUIDs, case-insensitive in ARM: stored lower-cased.
    table.string('id', 64).primary().notNullable();
    table.string('display_name', 256).nullable();
    // succeeded | incomplete | failed (the last read's outcome)
    table.string('status', 16).nullable();
    table.text('error').nullable();
    table.integer('cluster_count').notNullable().defaultTo(0);
    table.timestamp('last_read_at', { useTz: true }).nullable();
    table.timestamp('last_succeeded_at', { useTz: true }).nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('subscriptions');
  await knex.schema.alterTable('clusters', table => {
    table.dropIndex(['node_subnet_use'], 'clusters_node_subnet_use_idx');
    table.dropIndex(['check_same_node'], 'clusters_check_same_node_idx');
    table.dropColumns(
      'fleet',
      'node_count',
      'node_subnet_use',
      'pod_capacity',
      'check_egress',
      'check_same_node',
      'check_history',
      'acns_monthly_cost_usd',
      'acns_available',
      'vnet_ips_saved',
      'uses_nsg_flow_logs',
    );
  });
};
