import { JsonValue } from '../json/JsonValue';
import { ArmError } from './ArmError';
import { ArmReply, ArmRequest } from './ArmRoute';

/**
 * One page of a list, ARM style: `{ value: [...], nextLink }` where nextLink is an
 * absolute URL carrying the api-version and a `$skipToken`, as ARM's are. The page
 * size is small on purpose so clients really page.
 */
export function pageOf(
  request: ArmRequest,
  items: JsonValue[],
  pageSize: number,
): ArmReply {
  const offset = readSkipToken(request.query.get('$skipToken'));
  const value = items.slice(offset, offset + pageSize);
  const next = offset + pageSize;
  const body: { value: JsonValue[]; nextLink?: string } = { value };
  if (next < items.length) {
    const token = Buffer.from(`offset:${next}`).toString('base64url');
    body.nextLink = `${request.baseUrl}${
      request.path
    }?api-version=${encodeURIComponent(
      request.apiVersion,
    )}&%24skipToken=${token}`;
  }
  return { status: 200, body };
}

function readSkipToken(token: string | null): number {
  if (token === null || token === '') {
    return 0;
  }
  const match = /^offset:(\d+)$/.exec(
    Buffer.from(token, 'base64url').toString('utf8'),
  );
  if (!match) {
    throw new ArmError({
      statusCode: 400,
      code: 'InvalidSkipToken',
      message: `The skip token '${token}' is invalid.`,
    });
  }
  return Number(match[1]);
}
