import { ArmError } from '../server/ArmError';

/** The two tables the simulator answers. */
export type ResourceGraphTable = 'Resources' | 'ResourceContainers';

/**
 * A query the simulator understands: a table, a filter on `type` (`=~`, `==`, `in~`
 * or `in`, values compared case-insensitively as Resource Graph stores types lower
 * case) and an optional `order by id`. Resource Graph itself takes any KQL; the
 * simulator answers the shapes the inventory reader sends and refuses the others with
 * Resource Graph's `InvalidQuery`, so a reader sending something new fails loudly here
 * instead of reading an empty answer.
 */
export interface ResourceGraphQuery {
  table: ResourceGraphTable;
  /** Lower-cased types to keep. */
  types: string[];
  order?: 'asc' | 'desc';
}

const TABLES: Record<string, ResourceGraphTable> = {
  resources: 'Resources',
  resourcecontainers: 'ResourceContainers',
};

const QUOTED = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;

function unquote(list: string): string[] | undefined {
  const values: string[] = [];
  let rest = list.trim();
  for (const match of list.matchAll(QUOTED)) {
    values.push((match[1] ?? match[2]).toLowerCase());
    rest = rest.replace(match[0], '');
  }
  return rest.replace(/[\s,]/g, '') === '' && values.length > 0
    ? values
    : undefined;
}

/**
 * Resource Graph's answer to a query it cannot parse: 400 `BadRequest` with the
 * `InvalidQuery` detail (https://learn.microsoft.com/azure/governance/resource-graph/troubleshoot/general).
 */
export function invalidQuery(reason: string): ArmError {
  return new ArmError({
    statusCode: 400,
    code: 'BadRequest',
    message:
      'Please provide below info when asking for support: timestamp, correlationId.',
    details: [
      {
        code: 'InvalidQuery',
        message:
          'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.',
      },
      { code: 'ParserFailure', message: reason },
    ],
  });
}

function parseClause(clause: string, query: ResourceGraphQuery): boolean {
  const where = /^where\s+type\s*(=~|==|in~|in)\s*(.+)$/is.exec(clause);
  if (where) {
    const [, operator, operand] = where;
    const list = operator.startsWith('in')
      ? /^\((.*)\)$/s.exec(operand.trim())?.[1]
      : operand;
    const types = list === undefined ? undefined : unquote(list);
    if (!types || (!operator.startsWith('in') && types.length !== 1)) {
      return false;
    }
    query.types = types;
    return true;
  }
  const order = /^(?:order|sort)\s+by\s+id(?:\s+(asc|desc))?$/i.exec(clause);
  if (order) {
    query.order = (order[1]?.toLowerCase() as 'asc' | 'desc') ?? 'desc';
    return true;
  }
  return false;
}

/** Parses `query`, or throws Resource Graph's 400. */
export function parseResourceGraphQuery(text: unknown): ResourceGraphQuery {
  if (typeof text !== 'string' || text.trim() === '') {
    throw invalidQuery('The request must hold a non-empty query.');
  }
  const [head, ...clauses] = text.split('|').map(part => part.trim());
  const table = TABLES[head.toLowerCase()];
  if (!table) {
    throw invalidQuery(
      `The simulator answers the tables Resources and ResourceContainers, not '${head}'.`,
    );
  }
  const query: ResourceGraphQuery = { table, types: [] };
  for (const clause of clauses) {
    if (!parseClause(clause, query)) {
      throw invalidQuery(
        `The simulator answers "where type =~ '…'", "where type in~ ('…')" and "order by id", not '${clause}'.`,
      );
    }
  }
  if (query.types.length === 0) {
    throw invalidQuery('The simulator answers queries filtered on type only.');
  }
  return query;
}
