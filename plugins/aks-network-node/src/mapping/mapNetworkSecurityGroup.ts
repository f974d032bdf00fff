import type { NetworkSecurityGroup, SecurityRule } from '@azure/arm-network';
import {
  NsgRecord,
  NsgRuleRecord,
} from '@aks-network/plugin-aks-network-common';

/**
 * ARM gives each side of a rule either a singular field (`sourceAddressPrefix: '*'`)
 * or a plural one (`sourceAddressPrefixes: ['10.0.0.0/8', …]`), never meaningfully
 * both; the record keeps one list. Empty strings, which ARM returns for an unused
 * singular field, are dropped.
 */
function mergedList(
  single: string | undefined,
  plural: string[] | undefined,
): string[] {
  const values = [single, ...(plural ?? [])]
    .map(v => v?.trim())
    .filter((v): v is string => v !== undefined && v !== '');
  return [...new Set(values)];
}

/** ARM enums are case-insensitive; the record spells them as ARM documents them. */
function direction(value: string | undefined): NsgRuleRecord['direction'] {
  return value?.toLowerCase() === 'outbound' ? 'Outbound' : 'Inbound';
}

function access(value: string | undefined): NsgRuleRecord['access'] {
  return value?.toLowerCase() === 'deny' ? 'Deny' : 'Allow';
}

/** The canonical spelling of a protocol (`Tcp`, `Udp`, `Icmp`, `Esp`, `Ah`, `*`). */
function protocol(value: string | undefined): string {
  const text = value?.trim();
  if (!text || text === '*') {
    return '*';
  }
  return text[0].toUpperCase() + text.slice(1).toLowerCase();
}

/**
 * Maps one security rule. `direction`, `access` and `priority` are required by ARM on
 * every rule, so the fallbacks (`Inbound`, `Allow`, 4096) only guard against a
 * malformed payload; 4096 is the lowest precedence ARM allows, so a rule with no
 * priority never outranks a real one.
 */
export function mapSecurityRule(rule: SecurityRule): NsgRuleRecord {
  return {
    name: rule.name ?? '',
    direction: direction(rule.direction),
    access: access(rule.access),
    priority: rule.priority ?? 4096,
    protocol: protocol(rule.protocol),
    sourceAddressPrefixes: mergedList(
      rule.sourceAddressPrefix,
      rule.sourceAddressPrefixes,
    ),
    sourcePortRanges: mergedList(rule.sourcePortRange, rule.sourcePortRanges),
    destinationAddressPrefixes: mergedList(
      rule.destinationAddressPrefix,
      rule.destinationAddressPrefixes,
    ),
    destinationPortRanges: mergedList(
      rule.destinationPortRange,
      rule.destinationPortRanges,
    ),
  };
}

/**
 * Maps a network security group to its own rules (`securityRules`), ordered by
 * priority as ARM evaluates them. The default rules (`defaultSecurityRules`: allow
 * VNet, allow load balancer, deny all) are the same on every NSG and left out, as the
 * record type says.
 */
export function mapNetworkSecurityGroup(nsg: NetworkSecurityGroup): NsgRecord {
  const rules = (nsg.securityRules ?? [])
    .map(mapSecurityRule)
    .sort((a, b) => a.priority - b.priority);
  return { id: nsg.id ?? '', rules };
}
