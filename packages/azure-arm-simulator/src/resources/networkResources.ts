import { randomUUID } from 'node:crypto';
import { JsonObject } from '../json/JsonValue';
import { providerResourceId } from '../state/armIds';

/** Resource types of Microsoft.Network as ARM spells them. */
export const VNET_TYPE = 'Microsoft.Network/virtualNetworks';
export const SUBNET_TYPE = 'Microsoft.Network/virtualNetworks/subnets';
export const NSG_TYPE = 'Microsoft.Network/networkSecurityGroups';
export const NETWORK_WATCHER_TYPE = 'Microsoft.Network/networkWatchers';
export const FLOW_LOG_TYPE = 'Microsoft.Network/networkWatchers/flowLogs';

/** Network resources carry a weak etag that changes on every write. */
export function networkEtag(): string {
  return `W/"${randomUUID()}"`;
}

export function vnetId(
  subscriptionId: string,
  rg: string,
  name: string,
): string {
  return providerResourceId(subscriptionId, rg, VNET_TYPE, name);
}

export function subnetId(
  subscriptionId: string,
  rg: string,
  vnet: string,
  name: string,
): string {
  return `${vnetId(subscriptionId, rg, vnet)}/subnets/${name}`;
}

export function nsgId(
  subscriptionId: string,
  rg: string,
  name: string,
): string {
  return providerResourceId(subscriptionId, rg, NSG_TYPE, name);
}

export function networkWatcherId(
  subscriptionId: string,
  rg: string,
  name: string,
): string {
  return providerResourceId(subscriptionId, rg, NETWORK_WATCHER_TYPE, name);
}

/** The parent VNet id of a subnet id. */
export function parentId(childId: string): string {
  return childId.replace(/\/[^/]+\/[^/]+\/?$/, '');
}

/** Keeps only the string-valued tags of a request body. */
export function tagsOf(source: JsonObject | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}
