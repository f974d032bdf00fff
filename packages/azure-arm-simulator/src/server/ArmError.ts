import { JsonObject } from '../json/JsonValue';

/**
 * An ARM error: the HTTP status and the body `{ "error": { code, message, target?,
 * details? } }` that ARM and the resource providers return (the `ErrorResponse` /
 * `CloudError` shape of the published APIs).
 */

/** One entry of `error.details`. @public */
export type ArmErrorDetail = {
  code: string;
  message: string;
  target?: string;
};

/** @public */
export class ArmError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly target?: string;
  readonly details?: ArmErrorDetail[];
  readonly headers?: Record<string, string>;

  constructor(options: {
    statusCode: number;
    code: string;
    message: string;
    target?: string;
    details?: ArmErrorDetail[];
    headers?: Record<string, string>;
  }) {
    super(options.message);
    this.name = 'ArmError';
    this.statusCode = options.statusCode;
    this.code = options.code;
    this.target = options.target;
    this.details = options.details;
    this.headers = options.headers;
  }

  /** The ARM error body. */
  toBody(): JsonObject {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.target !== undefined ? { target: this.target } : {}),
        ...(this.details !== undefined ? { details: this.details } : {}),
      },
    };
  }
}

/** 400 with an InvalidParameter-family code. */
export function badRequest(
  code: string,
  message: string,
  target?: string,
): ArmError {
  return new ArmError({ statusCode: 400, code, message, target });
}

/**
 * 404 `ResourceNotFound` in ARM's wording for a top-level resource
 * ("The Resource 'Microsoft.X/type/name' under resource group 'rg' was not found.").
 */
export function resourceNotFound(
  fullType: string,
  name: string,
  resourceGroup: string,
): ArmError {
  return new ArmError({
    statusCode: 404,
    code: 'ResourceNotFound',
    message: `The Resource '${fullType}/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  });
}

/**
 * 404 for a child resource the Network resource provider serves itself (subnets,
 * flow logs): it answers `NotFound` with the resource id rather than ARM's
 * `ResourceNotFound`.
 */
export function childResourceNotFound(id: string): ArmError {
  return new ArmError({
    statusCode: 404,
    code: 'NotFound',
    message: `Resource ${id} not found.`,
  });
}
