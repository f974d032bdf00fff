import type { InventoryReadError } from '@aks-network/plugin-aks-network-node';

/** One line for a failed read of ARM, as it is stored with stale clusters. */
export function describeReadError(error: InventoryReadError): string {
  const status = [error.code, error.statusCode]
    .filter(part => part !== undefined)
    .join(' ');
  return `${error.kind} failed${status ? ` (${status})` : ''}: ${
    error.message
  }`;
}

/**
 * A thrown value as one line. Only the message is kept: an Azure `RestError` also
 * carries the request, whose headers must not reach the database or logs.
 */
export function describeThrown(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  ) {
    return (error as { message: string }).message;
  }
  return String(error);
}
