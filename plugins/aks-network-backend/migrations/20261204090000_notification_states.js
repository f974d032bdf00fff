// @ts-check

/**
 * What the owners were last told (`PostureNotifier`): one row per cluster and check, or
 * per address pool, holding the state a notification last spoke of. A notification goes
 * out only when a sync finds a state other than the stored one, so a check that stays
 * failed is told once, and a subject without a row (a fresh inventory, a new cluster)
 * is stored silently: no flood on install.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('notification_states', table => {
    table.comment('The state each posture notification last spoke of');
    table
      .string('subject', 600)
      .primary()
      .comment(
        'cluster/subscriptions/…/<check> (the ARM id lower-cased) or pool/<pool id>/<check>',
      );
    table.string('state', 16).notNullable().comment('ok or bad');
    table.timestamp('changed_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('notification_states');
};
