import { isJsonObject, JsonObject } from '../json/JsonValue';
import { AsyncOperation } from '../operations/AsyncOperations';
import { ArmError } from '../server/ArmError';
import { ArmReply, ArmRequest } from '../server/ArmRoute';
import { SimulatorContext } from '../server/SimulatorContext';

/** Sets `properties.provisioningState` of a stored resource. */
export function setProvisioningState(
  resource: JsonObject,
  state: string,
): void {
  if (!isJsonObject(resource.properties)) {
    resource.properties = {};
  }
  const properties = resource.properties;
  if (isJsonObject(properties)) {
    properties.provisioningState = state;
  }
}

/**
 * A write while another operation runs on the same resource is refused with 409, as
 * ARM's providers do (AKS: `OperationNotAllowed`, Network: `AnotherOperationInProgress`).
 */
export function refuseIfInProgress(
  context: SimulatorContext,
  resourceId: string,
  namespace: AsyncOperation['namespace'],
): void {
  const running = context.operations.inProgressOn(resourceId);
  if (!running) {
    return;
  }
  throw namespace === 'Microsoft.ContainerService'
    ? new ArmError({
        statusCode: 409,
        code: 'OperationNotAllowed',
        message: `Operation is not allowed because there's an in progress ${
          running.method === 'DELETE' ? 'delete' : 'create or update'
        } operation (id ${
          running.id
        }) on managed cluster '${resourceId}'. Please wait for it to finish before starting a new operation.`,
      })
    : new ArmError({
        statusCode: 409,
        code: 'AnotherOperationInProgress',
        message: `Another operation on this or dependent resource is in progress. To retrieve status of the operation use uri: ${context.operations.statusPath(
          running,
        )}.`,
      });
}

/**
 * Starts the long-running part of a PUT: the resource is stored in its in-progress
 * provisioningState and the answer is 201 (new) or 200 (update) with
 * `Azure-AsyncOperation`, `Location` and `Retry-After`; when the operation ends the
 * state becomes `Succeeded` or `Failed`.
 */
export function beginPut(
  request: ArmRequest,
  context: SimulatorContext,
  options: {
    namespace: AsyncOperation['namespace'];
    subscriptionId: string;
    location: string;
    resource: JsonObject & { id: string; name: string; type: string };
    created: boolean;
    inProgressState: string;
    view: () => JsonObject;
    onSucceeded?: () => void;
    onFailed?: () => void;
  },
): ArmReply {
  const { resource } = options;
  setProvisioningState(resource, options.inProgressState);
  const operation = context.operations.start({
    namespace: options.namespace,
    subscriptionId: options.subscriptionId,
    location: options.location,
    resourceId: resource.id,
    resourceName: resource.name,
    resourceType: resource.type,
    method: 'PUT',
    apiVersion: request.apiVersion,
    effects: {
      succeeded: () => {
        setProvisioningState(resource, 'Succeeded');
        options.onSucceeded?.();
      },
      failed: () => {
        setProvisioningState(resource, 'Failed');
        options.onFailed?.();
      },
    },
  });
  return {
    status: options.created ? 201 : 200,
    body: options.view(),
    headers: context.operations.headers(request.baseUrl, operation),
  };
}

/**
 * Starts a DELETE: 202 with the operation headers; the resource goes when the
 * operation succeeds. A DELETE of something absent is 204, as ARM answers.
 */
export function beginDelete(
  request: ArmRequest,
  context: SimulatorContext,
  options: {
    namespace: AsyncOperation['namespace'];
    subscriptionId: string;
    location: string;
    resource: JsonObject & { id: string; name: string; type: string };
    remove: () => void;
  },
): ArmReply {
  setProvisioningState(options.resource, 'Deleting');
  const operation = context.operations.start({
    namespace: options.namespace,
    subscriptionId: options.subscriptionId,
    location: options.location,
    resourceId: options.resource.id,
    resourceName: options.resource.name,
    resourceType: options.resource.type,
    method: 'DELETE',
    apiVersion: request.apiVersion,
    effects: {
      succeeded: options.remove,
      failed: () => setProvisioningState(options.resource, 'Failed'),
    },
  });
  return {
    status: 202,
    headers: context.operations.headers(request.baseUrl, operation),
  };
}
