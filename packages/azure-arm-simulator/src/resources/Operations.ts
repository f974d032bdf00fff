import { cloneJson } from '../json/JsonValue';
import { AsyncOperation } from '../operations/AsyncOperations';
import { ArmError } from '../server/ArmError';
import { ArmReply, ArmRequest, ArmRoute, route } from '../server/ArmRoute';
import { SimulatorContext } from '../server/SimulatorContext';

function requireOperation(
  request: ArmRequest,
  context: SimulatorContext,
  namespace: AsyncOperation['namespace'],
): AsyncOperation {
  const [subscriptionId, , operationId] = request.params;
  const operation = context.operations.get(operationId);
  if (
    !operation ||
    operation.namespace !== namespace ||
    operation.subscriptionId.toLowerCase() !== subscriptionId.toLowerCase()
  ) {
    throw new ArmError({
      statusCode: 404,
      code: 'NotFound',
      message: `The operation '${operationId}' was not found.`,
    });
  }
  return operation;
}

/** The `Azure-AsyncOperation` URL: 200 with `{ status, error? }` (plus `Retry-After` while running). */
function status(namespace: AsyncOperation['namespace']) {
  return (request: ArmRequest, context: SimulatorContext): ArmReply => {
    const operation = requireOperation(request, context, namespace);
    return {
      status: 200,
      body: context.operations.statusBody(operation),
      headers:
        operation.status === 'InProgress'
          ? {
              'Retry-After': String(
                context.operations.retryAfterSeconds(operation),
              ),
            }
          : undefined,
    };
  };
}

/**
 * The `Location` URL: 202 while running, then 204 (delete) or 200 with the resource;
 * a failed operation answers its ARM error.
 */
function result(namespace: AsyncOperation['namespace']) {
  return (request: ArmRequest, context: SimulatorContext): ArmReply => {
    const operation = requireOperation(request, context, namespace);
    if (operation.status === 'InProgress') {
      return {
        status: 202,
        headers: {
          Location: `${request.baseUrl}${context.operations.resultPath(
            operation,
          )}?api-version=${operation.apiVersion}`,
          'Retry-After': String(
            context.operations.retryAfterSeconds(operation),
          ),
        },
      };
    }
    if (operation.status === 'Failed' && operation.error) {
      throw new ArmError({
        statusCode: 400,
        code: operation.error.code,
        message: operation.error.message,
      });
    }
    const resource = context.state.get(operation.resourceId);
    return operation.method === 'DELETE' || !resource
      ? { status: 204 }
      : { status: 200, body: cloneJson(resource) };
  };
}

/** Operation status and result URLs of both providers. */
export const operationRoutes: ArmRoute[] = [
  route(
    'GET',
    '/subscriptions/{subscriptionId}/providers/Microsoft.ContainerService/locations/{location}/operations/{operationId}',
    'operations.status',
    status('Microsoft.ContainerService'),
  ),
  route(
    'GET',
    '/subscriptions/{subscriptionId}/providers/Microsoft.ContainerService/locations/{location}/operationresults/{operationId}',
    'operations.result',
    result('Microsoft.ContainerService'),
  ),
  route(
    'GET',
    '/subscriptions/{subscriptionId}/providers/Microsoft.Network/locations/{location}/operations/{operationId}',
    'operations.status',
    status('Microsoft.Network'),
  ),
  route(
    'GET',
    '/subscriptions/{subscriptionId}/providers/Microsoft.Network/locations/{location}/operationResults/{operationId}',
    'operations.result',
    result('Microsoft.Network'),
  ),
];
