import { TestDatabases } from '@backstage/backend-test-utils';

/*
 * Every store test runs on SQLite and PostgreSQL (docs/domain.md#test-databases). TestDatabases
 * silently leaves out an engine it cannot reach, so this suite makes a missing
 * PostgreSQL in CI a failure instead of a quietly smaller test run.
 */
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe('test databases', () => {
  const ids = databases.eachSupportedId().map(([id]) => id);

  // Outside CI a developer may run without PostgreSQL; in CI it must be there.
  const required = process.env.CI ? ['SQLITE_3', 'POSTGRES_15'] : ['SQLITE_3'];

  it(`includes ${required.join(' and ')}`, () => {
    expect(ids).toEqual(expect.arrayContaining(required));
  });

  it.each(databases.eachSupportedId())('answers a query on %p', async id => {
    const knex = await databases.init(id);
    const result = await knex.raw('select 1 + 1 as two');
    // better-sqlite3 returns rows directly, pg wraps them in { rows }.
    const rows = Array.isArray(result) ? result : result.rows;
    expect(Number(rows[0].two)).toBe(2);
  });
});
