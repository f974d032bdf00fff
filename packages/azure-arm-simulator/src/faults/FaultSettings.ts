import { ArmError } from '../server/ArmError';
import { isJsonObject, JsonObject, JsonValue } from '../json/JsonValue';

/**
 * Which long-running operations a fault takes: by resource name, and optionally only
 * one resource type or one method (a cluster's PUT fails while its DELETE runs).
 *
 * @public
 */
export interface OperationMatch {
  /** Regular expression (case-insensitive) on the resource name (cluster, subnet). */
  resourceNamePattern: string;
  /**
   * ARM resource type, compared case-insensitively, e.g.
   * `Microsoft.ContainerService/managedClusters` or
   * `Microsoft.Network/virtualNetworks/subnets`. Default: any type.
   */
  resourceType?: string;
  /** `PUT` (create or update) or `DELETE`. Default: both. */
  method?: 'PUT' | 'DELETE';
}

/** A long-running operation that ends in `Failed` with this ARM error. @public */
export interface FailingOperation extends OperationMatch {
  code: string;
  message: string;
}

/** A long-running operation that stays `InProgress` forever. @public */
export interface StuckOperation extends OperationMatch {}

/**
 * A long-running operation that ends as usual, only later: it stays `InProgress` for
 * `durationMs` (AKS creates take 5–15 minutes; a caller's time limit may be shorter).
 *
 * @public
 */
export interface SlowOperation extends OperationMatch {
  durationMs: number;
}

/**
 * Faults the simulator injects into ARM calls (admin endpoints are never faulted).
 * Rates are fractions of calls in [0, 1]; one seeded draw per call decides, so a run is
 * reproducible for a given seed and request order.
 *
 * @public
 */
export interface FaultSettings {
  /** Seed of the PRNG (default 1). Setting faults restarts the sequence. */
  seed?: number;
  /** Fraction of calls answered 429 (`SubscriptionRequestsThrottled` / `TooManyRequests`). */
  throttleRate?: number;
  /** `Retry-After` seconds sent with a 429 (default 1). */
  throttleRetryAfterSeconds?: number;
  /** Fraction of calls answered 500 `InternalServerError`. */
  serverErrorRate?: number;
  /** Fraction of calls whose connection is reset (socket destroyed, no response). */
  connectionResetRate?: number;
  /** Delay added before every ARM call is handled, in ms. */
  latencyMs?: number;
  /** Only calls whose path matches this regular expression (case-insensitive) get the rate faults and latency. */
  pathPattern?: string;
  /** Methods the rate faults and latency apply to (default: all). */
  methods?: string[];
  failOperations?: FailingOperation[];
  stuckOperations?: StuckOperation[];
  slowOperations?: SlowOperation[];
  /**
   * RBAC actions the caller is taken to lack, as role definitions write them
   * (case-insensitive, `*` matches any run of characters), e.g.
   * `Microsoft.ContainerService/managedClusters/listClusterUserCredential/action`.
   * Every call needing one is answered 403 `AuthorizationFailed`, as ARM answers a
   * principal without the role; unlike the rates, this is not drawn.
   */
  deniedActions?: string[];
}

/** Checks settings that arrive as JSON on the admin endpoint or as options. */
export function validateFaultSettings(
  input: JsonValue | undefined,
): FaultSettings {
  if (!isJsonObject(input)) {
    throw invalid('the body must be a JSON object of fault settings');
  }
  const settings: FaultSettings = {};
  const rate = (
    key: 'throttleRate' | 'serverErrorRate' | 'connectionResetRate',
  ) => {
    const value = input[key];
    if (value === undefined) {
      return;
    }
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw invalid(`${key} must be a number between 0 and 1`);
    }
    settings[key] = value;
  };
  rate('throttleRate');
  rate('serverErrorRate');
  rate('connectionResetRate');
  const total =
    (settings.throttleRate ?? 0) +
    (settings.serverErrorRate ?? 0) +
    (settings.connectionResetRate ?? 0);
  if (total > 1) {
    throw invalid(
      'throttleRate + serverErrorRate + connectionResetRate must not exceed 1',
    );
  }
  for (const key of [
    'seed',
    'throttleRetryAfterSeconds',
    'latencyMs',
  ] as const) {
    const value = input[key];
    if (value === undefined) {
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw invalid(`${key} must be a non-negative number`);
    }
    settings[key] = value;
  }
  if (input.pathPattern !== undefined) {
    if (typeof input.pathPattern !== 'string') {
      throw invalid('pathPattern must be a string');
    }
    checkPattern('pathPattern', input.pathPattern);
    settings.pathPattern = input.pathPattern;
  }
  if (input.methods !== undefined) {
    if (
      !Array.isArray(input.methods) ||
      input.methods.some(m => typeof m !== 'string')
    ) {
      throw invalid('methods must be an array of strings');
    }
    settings.methods = input.methods.map(m => String(m).toUpperCase());
  }
  if (input.failOperations !== undefined) {
    settings.failOperations = operationMatches(
      'failOperations',
      input.failOperations,
      (entry, field) => {
        if (
          typeof entry.code !== 'string' ||
          typeof entry.message !== 'string'
        ) {
          throw invalid(`${field} needs code and message strings`);
        }
        return { code: entry.code, message: entry.message };
      },
    );
  }
  if (input.stuckOperations !== undefined) {
    settings.stuckOperations = operationMatches(
      'stuckOperations',
      input.stuckOperations,
      () => ({}),
    );
  }
  if (input.slowOperations !== undefined) {
    settings.slowOperations = operationMatches(
      'slowOperations',
      input.slowOperations,
      (entry, field) => {
        const durationMs = entry.durationMs;
        if (
          typeof durationMs !== 'number' ||
          !Number.isFinite(durationMs) ||
          durationMs < 0
        ) {
          throw invalid(`${field}.durationMs must be a non-negative number`);
        }
        return { durationMs };
      },
    );
  }
  if (input.deniedActions !== undefined) {
    if (
      !Array.isArray(input.deniedActions) ||
      input.deniedActions.some(a => typeof a !== 'string' || a.trim() === '')
    ) {
      throw invalid('deniedActions must be an array of non-empty strings');
    }
    settings.deniedActions = input.deniedActions.map(a => String(a).trim());
  }
  return settings;
}

/** Reads a list of operation faults: the match, then what each kind adds. */
function operationMatches<T extends object>(
  key: string,
  value: JsonValue,
  extra: (entry: JsonObject, field: string) => T,
): Array<OperationMatch & T> {
  if (!Array.isArray(value)) {
    throw invalid(`${key} must be an array`);
  }
  return value.map((entry, index) => {
    const field = `${key}[${index}]`;
    if (!isJsonObject(entry) || typeof entry.resourceNamePattern !== 'string') {
      throw invalid(`${field} needs a resourceNamePattern string`);
    }
    checkPattern(`${field}.resourceNamePattern`, entry.resourceNamePattern);
    const match: OperationMatch = {
      resourceNamePattern: entry.resourceNamePattern,
    };
    if (entry.resourceType !== undefined) {
      if (
        typeof entry.resourceType !== 'string' ||
        !/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+(\/[A-Za-z0-9]+)+$/.test(
          entry.resourceType,
        )
      ) {
        throw invalid(
          `${field}.resourceType must be an ARM resource type such as Microsoft.ContainerService/managedClusters`,
        );
      }
      match.resourceType = entry.resourceType;
    }
    if (entry.method !== undefined) {
      const method =
        typeof entry.method === 'string' ? entry.method.toUpperCase() : '';
      if (method !== 'PUT' && method !== 'DELETE') {
        throw invalid(`${field}.method must be PUT or DELETE`);
      }
      match.method = method;
    }
    return { ...match, ...extra(entry, field) };
  });
}

function checkPattern(field: string, pattern: string): void {
  try {
    // eslint-disable-next-line no-new
    new RegExp(pattern, 'i');
  } catch (error) {
    throw invalid(
      `${field} is not a valid regular expression: ${String(error)}`,
    );
  }
}

function invalid(message: string): ArmError {
  return new ArmError({
    statusCode: 400,
    code: 'InvalidFaultSettings',
    message,
  });
}
