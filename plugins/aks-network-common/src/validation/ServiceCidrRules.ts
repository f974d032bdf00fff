import { overlaps } from '../cidr';
import {
  AZURE_RULES,
  DOMAIN_FACTS,
  MIN_IPV6_SERVICE_CIDR_PREFIX,
  SERVICE_CIDR_PREFIX_LIMIT,
} from '../facts';
import { NetworkFinding } from './NetworkFinding';
import { ParsedRange, RequestDraft } from './RequestDraft';

function label(range: ParsedRange): string {
  return range.isDefault ? `${range.text} (the default)` : range.text;
}

/**
 * Service CIDR rules (docs/domain.md#service-cidr-size: "Service CIDR smaller than /12"; "IPv6 service CIDR /108
 * or smaller"), plus Azure's refusal of a service CIDR that overlaps the VNet. The DNS
 * service IP has its own rules (`DnsServiceIpRules.ts`).
 */
export function serviceCidrRules(draft: RequestDraft): NetworkFinding[] {
  const findings: NetworkFinding[] = [];
  const service = draft.serviceCidr;
  if (service && service.cidr.prefix <= SERVICE_CIDR_PREFIX_LIMIT) {
    findings.push({
      field: service.field,
      rule: 'service-cidr-too-large',
      severity: 'error',
      message: `Service CIDR ${label(service)} is a /${
        service.cidr.prefix
      }; it must be smaller than a /${SERVICE_CIDR_PREFIX_LIMIT} (a /${
        SERVICE_CIDR_PREFIX_LIMIT + 1
      } or longer prefix).`,
      fact: DOMAIN_FACTS.serviceCidrSize,
    });
  }
  const serviceV6 = draft.serviceCidrIpv6;
  if (serviceV6 && serviceV6.cidr.prefix < MIN_IPV6_SERVICE_CIDR_PREFIX) {
    findings.push({
      field: serviceV6.field,
      rule: 'ipv6-service-cidr-too-large',
      severity: 'error',
      message: `IPv6 service CIDR ${serviceV6.text} is a /${serviceV6.cidr.prefix}; it must be a /${MIN_IPV6_SERVICE_CIDR_PREFIX} or smaller.`,
      fact: DOMAIN_FACTS.dualStack,
    });
  }

  const neighbours: ParsedRange[] = [
    ...(draft.nodeSubnet ? [draft.nodeSubnet] : []),
    ...(draft.vnetAddressSpace ?? []),
    ...draft.peeredRanges,
  ];
  for (const range of [service, serviceV6]) {
    if (!range) {
      continue;
    }
    const hit = neighbours.find(neighbour =>
      overlaps(range.cidr, neighbour.cidr),
    );
    if (hit) {
      findings.push({
        field: range.field,
        rule: 'service-cidr-overlaps-network',
        severity: 'error',
        message: `Service CIDR ${label(range)} overlaps ${hit.text} (${
          hit.field
        }); service IPs must not be reachable addresses of the network.`,
        fact: AZURE_RULES.serviceCidrNoOverlap,
      });
    }
  }
  return findings;
}
