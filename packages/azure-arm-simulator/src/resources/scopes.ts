import { ArmError } from '../server/ArmError';
import { SimulatorContext } from '../server/SimulatorContext';
import { resourceGroupId } from '../state/armIds';
import {
  ArmResourceJson,
  SimulatedSubscription,
} from '../state/SimulatorState';
import { MAX_NAME_LENGTH } from './AksLimits';

/** 404 `SubscriptionNotFound` unless the subscription exists. */
export function requireSubscription(
  context: SimulatorContext,
  subscriptionId: string,
): SimulatedSubscription {
  const subscription = context.state.subscription(subscriptionId);
  if (!subscription) {
    throw new ArmError({
      statusCode: 404,
      code: 'SubscriptionNotFound',
      message: `The subscription '${subscriptionId}' could not be found.`,
    });
  }
  return subscription;
}

/** 404 `ResourceGroupNotFound` unless the resource group exists (subscription first). */
export function requireResourceGroup(
  context: SimulatorContext,
  subscriptionId: string,
  resourceGroup: string,
): ArmResourceJson {
  const subscription = requireSubscription(context, subscriptionId);
  const group = context.state.resourceGroup(
    resourceGroupId(subscription.subscriptionId, resourceGroup),
  );
  if (!group) {
    throw new ArmError({
      statusCode: 404,
      code: 'ResourceGroupNotFound',
      message: `Resource group '${resourceGroup}' could not be found.`,
    });
  }
  return group;
}

/** Names of clusters, subnets, VNets and resource groups are at most 63 characters (see `MAX_NAME_LENGTH`). */
export function checkNameLength(
  name: string,
  what: string,
  code: string = 'InvalidResourceName',
  target?: string,
): void {
  if (name.length > MAX_NAME_LENGTH) {
    throw new ArmError({
      statusCode: 400,
      code,
      message: `The ${what} name '${name}' is invalid: it is ${name.length} characters long and can be at most ${MAX_NAME_LENGTH}.`,
      target,
    });
  }
}

/** ARM's answer to a PUT without a location: 400 `LocationRequired`. */
export function requireLocation(location: string | undefined): string {
  if (!location) {
    throw new ArmError({
      statusCode: 400,
      code: 'LocationRequired',
      message: 'The location property is required for this definition.',
    });
  }
  return location.toLowerCase().replace(/\s+/g, '');
}

/** The JSON body of a PUT must be an object: 400 `InvalidRequestContent` otherwise. */
export function invalidContent(message: string): ArmError {
  return new ArmError({
    statusCode: 400,
    code: 'InvalidRequestContent',
    message,
  });
}
