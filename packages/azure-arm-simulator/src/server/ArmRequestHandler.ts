import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { CallLog, CallRecord } from '../calls/CallLog';
import { FaultInjector } from '../faults/FaultInjector';
import { JsonValue } from '../json/JsonValue';
import { AdminActions, handleAdmin } from './AdminEndpoints';
import { checkApiVersion } from './apiVersions';
import { ArmError } from './ArmError';
import { ArmReply, providerOf } from './ArmRoute';
import { matchRoute } from './ArmRouter';
import { authenticate } from './authentication';
import { SimulatorContext } from './SimulatorContext';

/** What the request handler needs. */
export interface ArmRequestHandlerOptions {
  context: SimulatorContext;
  faults: FaultInjector;
  calls: CallLog;
  admin: AdminActions;
  expectedToken?: string;
  logger?: (line: string) => void;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new ArmError({
        statusCode: 413,
        code: 'RequestEntityTooLarge',
        message: 'The request content is too large.',
      });
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): JsonValue | undefined {
  if (text.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new ArmError({
      statusCode: 400,
      code: 'InvalidRequestContent',
      message: `The request content was invalid and could not be deserialized: '${String(
        error,
      )}'.`,
    });
  }
}

function send(
  response: ServerResponse,
  reply: ArmReply,
  requestId: string,
  correlationId: string,
) {
  const headers: Record<string, string> = {
    'Cache-Control': 'no-cache',
    Pragma: 'no-cache',
    'x-ms-request-id': requestId,
    'x-ms-correlation-request-id': correlationId,
    'x-ms-routing-request-id': `LOCAL:${new Date()
      .toISOString()
      .replace(/[-:.]/g, '')}:${requestId}`,
    'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    ...reply.headers,
  };
  if (reply.body === undefined) {
    response.writeHead(reply.status, headers);
    response.end();
    return;
  }
  const payload = JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(payload)),
  });
  response.end(payload);
}

function errorReply(error: unknown, logger?: (line: string) => void): ArmReply {
  if (error instanceof ArmError) {
    return {
      status: error.statusCode,
      body: error.toBody(),
      headers: error.headers,
    };
  }
  logger?.(
    `internal error: ${
      error instanceof Error ? error.stack ?? error.message : String(error)
    }`,
  );
  return {
    status: 500,
    body: {
      error: {
        code: 'InternalServerError',
        message: `The simulator failed to handle the request: ${String(error)}`,
      },
    },
  };
}

/**
 * The scope ARM names in an authorization failure: the resource a call reads or acts
 * on, i.e. the path without a trailing collection or action segment.
 */
function rbacScopeOf(path: string, template: string): string {
  const endsWithLiteral = !template.endsWith('}');
  const scope = endsWithLiteral ? path.replace(/\/[^/]*\/?$/, '') : path;
  return scope || '/';
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Handles one HTTPS request in ARM's order: admin endpoints aside, injected latency and
 * connection resets first (they happen in the network), then authentication, the
 * api-version, throttling and server errors, and finally the operation itself.
 */
export function createArmRequestHandler(options: ArmRequestHandlerOptions) {
  const { context, faults, calls, logger } = options;
  return async (
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> => {
    const started = Date.now();
    const method = (request.method ?? 'GET').toUpperCase();
    const host = request.headers.host ?? 'localhost';
    const url = new URL(request.url ?? '/', `https://${host}`);
    const path = url.pathname;
    const requestId = randomUUID();
    const correlationHeader = request.headers['x-ms-correlation-request-id'];
    const correlationId =
      typeof correlationHeader === 'string' ? correlationHeader : randomUUID();
    const clientHeader = request.headers['x-ms-client-request-id'];
    const clientRequestId =
      typeof clientHeader === 'string' ? clientHeader : undefined;

    if (path.startsWith('/_simulator/') || path === '/_simulator') {
      let reply: ArmReply;
      try {
        reply = handleAdmin(
          request,
          path,
          parseJson(await readBody(request)),
          options.admin,
        );
      } catch (error) {
        reply = errorReply(error, logger);
      }
      send(response, reply, requestId, correlationId);
      return;
    }

    const match = matchRoute(method, path);
    const kind = match.kind === 'matched' ? match.route.kind : 'unknown';
    const record: CallRecord = {
      at: started,
      method,
      kind,
      path,
      status: 0,
      clientRequestId,
    };
    const latency = faults.latencyFor(method, path);
    if (latency > 0) {
      await sleep(latency);
    }
    const fault = faults.decide(method, path);
    if (fault === 'connectionReset') {
      record.fault = fault;
      calls.record(record);
      logger?.(`${method} ${path} -> connection reset (injected)`);
      request.socket.destroy();
      return;
    }
    let reply: ArmReply;
    try {
      const bodyText = await readBody(request);
      authenticate(request.headers, context.tenantId, options.expectedToken);
      const subscriptionId = /^\/subscriptions\/([^/]+)/i.exec(path)?.[1];
      const apiVersion = checkApiVersion(
        url.searchParams,
        match.kind === 'matched' ? match.route.provider : providerOf(path),
      );
      if (match.kind === 'matched' && faults.denies(match.route.action)) {
        record.fault = 'authorizationFailed';
        throw faults.authorizationFailed(
          match.route.action,
          rbacScopeOf(path, match.route.template),
        );
      }
      if (fault === 'throttle') {
        record.fault = fault;
        throw match.kind === 'matched' &&
          match.route.provider === 'Microsoft.ResourceGraph'
          ? faults.resourceGraphThrottleError()
          : faults.throttleError(method, subscriptionId);
      }
      if (fault === 'serverError') {
        record.fault = fault;
        throw faults.serverError(requestId);
      }
      if (match.kind === 'notFound') {
        throw new ArmError({
          statusCode: 404,
          code: 'InvalidResourceType',
          message: `The resource type for path '${path}' could not be found for api version '${apiVersion}'.`,
        });
      }
      if (match.kind === 'methodNotAllowed') {
        throw new ArmError({
          statusCode: 405,
          code: 'MethodNotAllowed',
          message: `The requested method ${method} is not allowed for '${path}'. Allowed: ${match.allowed.join(
            ', ',
          )}.`,
        });
      }
      reply = await match.route.handle(
        {
          method,
          path,
          query: url.searchParams,
          headers: request.headers,
          body: parseJson(bodyText),
          baseUrl: `https://${host}`,
          apiVersion,
          params: match.params,
          allows: action => !faults.denies(action),
        },
        context,
      );
    } catch (error) {
      reply = errorReply(error, logger);
    }
    const reads =
      method === 'GET' ||
      (match.kind === 'matched' &&
        match.route.provider === 'Microsoft.ResourceGraph');
    reply.headers = {
      [reads
        ? 'x-ms-ratelimit-remaining-subscription-reads'
        : 'x-ms-ratelimit-remaining-subscription-writes']: reads
        ? '11999'
        : '1199',
      ...reply.headers,
    };
    record.status = reply.status;
    const retryAfter = reply.headers?.['Retry-After'];
    if (retryAfter !== undefined) {
      record.retryAfterSeconds = Number(retryAfter);
    }
    calls.record(record);
    send(response, reply, requestId, correlationId);
    logger?.(
      `${method} ${path} -> ${reply.status} (${Date.now() - started} ms)`,
    );
  };
}
