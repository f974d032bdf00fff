// @ts-check

/**
 * What lets a sync that finds nothing changed write nothing.
 *
 * - `clusters.content_hash`: SHA-256 of what a read stores in a row (the record, the
 *   columns derived from it, the owner). A sync compares it with the row it would write
 *   and writes only rows whose content differs or that were stale. Rows from before
 *   this migration have none and are written once by the next sync.
 * - `subscriptions.clusters_listed_at`: when the sync last listed the subscription's
 *   clusters (in full or in part). A row not written because unchanged keeps its
 *   `last_seen_at`; a cluster that is not stale was in that listing, so its last seen
 *   time is the later of the two. A row going stale takes that time into its own
 *   `last_seen_at` first, so it keeps telling when the cluster was last seen.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('clusters', table => {
    table
      .string('content_hash', 64)
      .nullable()
      .comment('SHA-256 (hex) of the stored content, to skip unchanged writes');
  });
  await knex.schema.alterTable('subscriptions', table => {
    table.timestamp('clusters_listed_at', { useTz: true }).nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('subscriptions', table => {
    table.dropColumn('clusters_listed_at');
  });
  await knex.schema.alterTable('clusters', table => {
    table.dropColumn('content_hash');
  });
};
