import {
  Cidr,
  cidrContaining,
  containsCidr,
  overlaps,
  parseCidr,
  parseIp,
} from '../cidr';
import { NsgRuleRecord } from '../cluster';

/** How an NSG address prefix relates to a range of traffic. */
type PrefixRelation = 'covers' | 'partial' | 'none';

/** The address ranges that the `VirtualNetwork` service tag stands for here. */
export interface ServiceTagRanges {
  virtualNetwork: readonly Cidr[];
}

const ANY = new Set(['*', 'any', '0.0.0.0/0', '::/0']);

function prefixRange(prefix: string): Cidr | undefined {
  const cidr = parseCidr(prefix.trim());
  if (cidr.ok) {
    return cidr.cidr;
  }
  const ip = parseIp(prefix.trim());
  return ip.ok
    ? cidrContaining(ip.family, ip.value, ip.family === 'ipv4' ? 32 : 128)
    : undefined;
}

/**
 * Whether an NSG prefix matches all, some or none of a range. `VirtualNetwork` covers
 * the VNet and peered ranges; whether it also covers an overlay pod CIDR is not
 * something the plugin can know, so it counts as `partial` there: enough for a deny
 * rule to count as blocking, not enough for an allow rule to count as allowing.
 * Other service tags (`Internet`, `AzureLoadBalancer`, …) name no private range.
 */
function relation(
  prefix: string,
  range: Cidr,
  tags: ServiceTagRanges,
): PrefixRelation {
  const text = prefix.trim().toLowerCase();
  if (ANY.has(text)) {
    return 'covers';
  }
  if (text === 'virtualnetwork') {
    if (tags.virtualNetwork.some(vnet => containsCidr(vnet, range))) {
      return 'covers';
    }
    return 'partial';
  }
  const cidr = prefixRange(prefix);
  if (!cidr) {
    return 'none';
  }
  if (containsCidr(cidr, range)) {
    return 'covers';
  }
  return overlaps(cidr, range) ? 'partial' : 'none';
}

function best(
  prefixes: readonly string[],
  range: Cidr,
  tags: ServiceTagRanges,
): PrefixRelation {
  let result: PrefixRelation = 'none';
  for (const prefix of prefixes) {
    const found = relation(prefix, range, tags);
    if (found === 'covers') {
      return found;
    }
    if (found === 'partial') {
      result = found;
    }
  }
  return result;
}

function allPorts(ranges: readonly string[]): boolean {
  return ranges.some(range =>
    ['*', '0-65535', 'any'].includes(range.trim().toLowerCase()),
  );
}

/** A flow the overlay needs through the subnet NSG. */
export interface RequiredFlow {
  label: string;
  direction: 'Inbound' | 'Outbound';
  source: Cidr;
  destination: Cidr;
}

/**
 * Walks the NSG rules of the flow's direction by priority, as Azure does: the first
 * allow rule that covers the whole flow (every source, destination, port and protocol)
 * lets it through; the first deny rule that touches any part of it blocks it. Default
 * rules are not in the record; with no custom rule in the way, the flow passes.
 * Returns the blocking rule, if any.
 */
export function blockingRule(
  rules: readonly NsgRuleRecord[],
  flow: RequiredFlow,
  tags: ServiceTagRanges,
): NsgRuleRecord | undefined {
  const ordered = rules
    .filter(rule => rule.direction === flow.direction)
    .slice()
    .sort((a, b) => a.priority - b.priority);
  for (const rule of ordered) {
    const source = best(rule.sourceAddressPrefixes, flow.source, tags);
    const destination = best(
      rule.destinationAddressPrefixes,
      flow.destination,
      tags,
    );
    if (rule.access === 'Allow') {
      const wholeFlow =
        source === 'covers' &&
        destination === 'covers' &&
        ['*', 'any'].includes(rule.protocol.trim().toLowerCase()) &&
        allPorts(rule.sourcePortRanges) &&
        allPorts(rule.destinationPortRanges);
      if (wholeFlow) {
        return undefined;
      }
    } else if (source !== 'none' && destination !== 'none') {
      return rule;
    }
  }
  return undefined;
}

/** A required overlay flow that an NSG rule blocks. */
export interface BlockedFlow {
  subnet: string;
  nsgId: string;
  flow: RequiredFlow;
  rule: NsgRuleRecord;
}
