/**
 * A subscription id is a GUID, 8-4-4-4-12 hex digits
 * (https://learn.microsoft.com/azure/azure-portal/get-subscription-tenant-id;
 * RFC 9562 §4 for the text form). Any version nibble: Azure's own
 * `00000000-0000-0000-0000-000000000000` placeholder is one.
 */
const SUBSCRIPTION_ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An Azure region's programmatic name, as `az account list-locations` gives it in
 * `name` (https://learn.microsoft.com/cli/azure/account#az-account-list-locations):
 * lower-case letters and digits, from a letter (`westeurope`, `eastus2`), not the
 * display name (`West Europe`).
 */
const REGION_NAME = /^[a-z][a-z0-9]{1,39}$/;

/**
 * Whether a text is a subscription id (a GUID, any case).
 *
 * @public
 */
export function isSubscriptionId(text: unknown): text is string {
  return typeof text === 'string' && SUBSCRIPTION_ID.test(text);
}

/**
 * What is wrong with a subscription id, or undefined when it is a GUID. Never repeats
 * the text (it may hold anything).
 *
 * @public
 */
export function subscriptionIdProblem(text: unknown): string | undefined {
  return isSubscriptionId(text)
    ? undefined
    : 'a subscription id is a GUID such as 00000000-0000-0000-0000-000000000000';
}

/**
 * What is wrong with a region name (compared lower-cased, as ARM does), or undefined.
 *
 * @public
 */
export function azureRegionNameProblem(text: unknown): string | undefined {
  return typeof text === 'string' && REGION_NAME.test(text.toLowerCase())
    ? undefined
    : "a region is Azure's programmatic name, lower-case letters and digits such as westeurope or eastus2";
}
