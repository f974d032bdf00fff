import { TestDatabases } from '@backstage/backend-test-utils';

/*
 * Every store test runs on SQLite and PostgreSQL (DESIGN, "Quality bars"). TestDatabases
 * silently leaves out an engine it cannot reach, so this suite makes a missing
 * PostgreSQL in CI a failure instead of a quietly smaller test run.
 */
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe('test databases', () => {
  it('includes PostgreSQL whenever CI runs', () => {
    const ids = databases.eachSupportedId().map(([id]) => id);
    expect(ids).toContain('SQLITE_3');
    if (process.env.CI) {
      expect(ids).toContain('POSTGRES_15');
    }
  });

  it.each(databases.eachSupportedId())('answers a query on %p', async id => {
    const knex = await databases.init(id);
    const result = await knex.raw('select 1 + 1 as two');
    // better-sqlite3 returns rows directly, pg wraps them in { rows }.
    const rows = Array.isArray(result) ? result : result.rows;
    expect(Number(rows[0].two)).toBe(2);
  });
});
