import { Cidr, formatCidr, parseCidr } from '../cidr';
import { DOMAIN_FACTS } from '../facts';
import { PostureContext } from './PostureContext';
import { PostureFinding } from './PostureFinding';
import { unknownVerdict } from './UnknownVerdict';
import {
  BlockedFlow,
  RequiredFlow,
  ServiceTagRanges,
  blockingRule,
} from './NsgFlowEvaluation';

function parsed(texts: readonly (string | undefined)[]): Cidr[] {
  return texts.flatMap(text => {
    if (text === undefined) {
      return [];
    }
    const result = parseCidr(text);
    return result.ok ? [result.cidr] : [];
  });
}

/** The flows docs/domain.md#overlay-nsg names, both directions, for every same-family pair of ranges. */
function requiredFlows(nodeRanges: Cidr[], podRanges: Cidr[]): RequiredFlow[] {
  const pairs: Array<{ label: string; sources: Cidr[]; destinations: Cidr[] }> =
    [
      { label: 'node → node', sources: nodeRanges, destinations: nodeRanges },
      {
        label: 'node → pod CIDR',
        sources: nodeRanges,
        destinations: podRanges,
      },
      { label: 'pod → pod', sources: podRanges, destinations: podRanges },
    ];
  const flows: RequiredFlow[] = [];
  for (const { label, sources, destinations } of pairs) {
    for (const source of sources) {
      for (const destination of destinations) {
        if (source.family !== destination.family) {
          continue;
        }
        for (const direction of ['Inbound', 'Outbound'] as const) {
          flows.push({ label, direction, source, destination });
        }
      }
    }
  }
  return flows;
}

/**
 * NSG deny rules without the overlay allow rules. With overlay, pod-to-pod traffic is not
 * encapsulated and the subnet NSG applies to it (docs/domain.md#overlay-nsg: "a deny rule needs allow rules
 * node↔node, node→pod CIDR, pod↔pod"): each node subnet's NSG must let those flows
 * through, in and out. Only overlay clusters get this check.
 *
 * Unknown, never "no NSG" (DOMAIN_FACTS.verdictNeedsData), when a node subnet or an
 * NSG's rules could not be read, or when the VNet was not read and a rule names the
 * `VirtualNetwork` tag (its ranges are the VNet's and its peerings').
 */
export function overlayNsgCheck(
  context: PostureContext,
): PostureFinding | undefined {
  if (context.model !== 'azure-cni-overlay') {
    return undefined;
  }
  const { cluster } = context;
  const base = { id: 'nsg-overlay-allow-rules', fact: DOMAIN_FACTS.overlayNsg };
  const unknown = (unread: Parameters<typeof unknownVerdict>[2]) =>
    unknownVerdict(
      base,
      'Whether NSG rules let overlay traffic through is unknown',
      unread,
    );
  const unreadInputs = [
    ...context.unreadNodeSubnets,
    ...context.unread('nsg'),
    ...(cluster.nodeSubnets.length === 0 ? context.unread('vnet') : []),
  ];
  if (unreadInputs.length > 0) {
    return unknown(unreadInputs);
  }
  const withNsg = cluster.nodeSubnets.filter(subnet => subnet.nsg);
  if (withNsg.length === 0) {
    return {
      ...base,
      status: 'pass',
      title: 'No NSG on the node subnets',
      detail:
        'No node subnet has an NSG, so no rule blocks node or pod traffic.',
      remediation: '',
    };
  }
  const podRanges = parsed([
    cluster.networkProfile.podCidr,
    ...(cluster.networkProfile.podCidrs ?? []),
  ]).filter(
    (cidr, index, all) =>
      all.findIndex(other => formatCidr(other) === formatCidr(cidr)) === index,
  );
  if (podRanges.length === 0) {
    return {
      ...base,
      status: 'warn',
      title: 'NSG rules cannot be checked against the pod CIDR',
      detail: 'The inventory has no pod CIDR for this overlay cluster.',
      remediation: 'Check that the inventory reads networkProfile.podCidr(s).',
    };
  }
  const nodeRanges = parsed(
    cluster.nodeSubnets.map(subnet => subnet.addressPrefix),
  );
  const tags: ServiceTagRanges = {
    virtualNetwork: parsed([
      ...(cluster.vnet?.addressSpace ?? []),
      ...cluster.peeredRanges,
    ]),
  };

  const blocked: BlockedFlow[] = [];
  for (const subnet of withNsg) {
    const nsg = subnet.nsg;
    if (!nsg?.rules) {
      continue;
    }
    for (const flow of requiredFlows(nodeRanges, podRanges)) {
      const rule = blockingRule(nsg.rules, flow, tags);
      if (rule) {
        blocked.push({ subnet: subnet.name, nsgId: nsg.id, flow, rule });
      }
    }
  }
  if (blocked.length === 0) {
    return {
      ...base,
      status: 'pass',
      title: 'NSG rules let overlay traffic through',
      detail: `No deny rule on ${withNsg
        .map(subnet => subnet.name)
        .join(', ')} blocks node ↔ node, node → pod CIDR or pod ↔ pod traffic.`,
      remediation: '',
    };
  }
  const vnetUnread = context.unread('vnet');
  const namesVirtualNetwork = withNsg.some(subnet =>
    (subnet.nsg?.rules ?? []).some(rule =>
      [...rule.sourceAddressPrefixes, ...rule.destinationAddressPrefixes].some(
        prefix => prefix.trim().toLowerCase() === 'virtualnetwork',
      ),
    ),
  );
  if (vnetUnread.length > 0 && namesVirtualNetwork) {
    // A deny on VirtualNetwork counts as blocking and an allow on it as not allowing
    // while its ranges are unknown: the fail would rest on data not read.
    return unknown(vnetUnread);
  }
  const shown = blocked
    .slice(0, 6)
    .map(
      ({ subnet, flow, rule }) =>
        `${flow.direction} ${flow.label} (${formatCidr(
          flow.source,
        )} → ${formatCidr(flow.destination)}) on ${subnet} is denied by '${
          rule.name
        }' (priority ${rule.priority})`,
    );
  const lowest = Math.min(...blocked.map(entry => entry.rule.priority));
  return {
    ...base,
    status: 'fail',
    title: 'NSG deny rules block overlay traffic',
    detail: `${shown.join('; ')}${
      blocked.length > shown.length
        ? `; and ${blocked.length - shown.length} more`
        : ''
    }.`,
    remediation: `Add allow rules (all protocols and ports, inbound and outbound) with a priority below ${lowest}: node subnet ↔ node subnet, node subnet → pod CIDR ${podRanges
      .map(formatCidr)
      .join(', ')}, pod CIDR ↔ pod CIDR.`,
    resourceId: blocked[0].nsgId,
  };
}
