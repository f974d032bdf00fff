import { IncomingMessage } from 'node:http';
import { JsonValue } from '../json/JsonValue';
import { ArmError } from './ArmError';
import { ArmReply } from './ArmRoute';

/** What the admin endpoints act on. */
export interface AdminActions {
  setFaults(body: JsonValue | undefined): JsonValue;
  faults(): JsonValue;
  reset(): void;
  calls(): JsonValue;
  state(): JsonValue;
  setFlowLogEnabled(body: JsonValue | undefined): JsonValue;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * `/_simulator/*`: fault settings, reset, call counts, a state dump, and a flow log
 * turned on or off. They need no
 * ARM token but answer only to loopback clients, so a simulator bound to another
 * interface cannot be reconfigured from the network.
 */
export function handleAdmin(
  request: IncomingMessage,
  path: string,
  body: JsonValue | undefined,
  actions: AdminActions,
): ArmReply {
  if (!LOOPBACK.has(request.socket.remoteAddress ?? '')) {
    throw new ArmError({
      statusCode: 403,
      code: 'Forbidden',
      message: 'The simulator admin endpoints answer only on loopback.',
    });
  }
  const method = request.method ?? 'GET';
  const key = `${method} ${path.replace(/\/+$/, '')}`;
  switch (key) {
    case 'POST /_simulator/faults':
      return { status: 200, body: actions.setFaults(body) };
    case 'GET /_simulator/faults':
      return { status: 200, body: actions.faults() };
    case 'POST /_simulator/reset':
      actions.reset();
      return { status: 204 };
    case 'GET /_simulator/calls':
      return { status: 200, body: actions.calls() };
    case 'GET /_simulator/state':
      return { status: 200, body: actions.state() };
    case 'POST /_simulator/flow-logs/enabled':
      return { status: 200, body: actions.setFlowLogEnabled(body) };
    default:
      throw new ArmError({
        statusCode: 404,
        code: 'NotFound',
        message: `No admin endpoint ${key}. Try POST /_simulator/faults, GET /_simulator/faults, POST /_simulator/reset, GET /_simulator/calls, GET /_simulator/state, POST /_simulator/flow-logs/enabled.`,
      });
  }
}
