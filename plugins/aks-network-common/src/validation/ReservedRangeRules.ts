import { formatCidr, overlaps } from '../cidr';
import { DOMAIN_FACTS } from '../facts';
import { reservedRanges } from './KnownRanges';
import { NetworkFinding } from './NetworkFinding';
import { ParsedRange, RequestDraft } from './RequestDraft';
import { podCidrsInUse } from './PodCidrRules';

/**
 * Pod, service and VNet ranges must not touch the AKS reserved ranges (docs/domain.md#reserved-ranges:
 * "169.254.0.0/16, 172.30.0.0/16, 172.31.0.0/16, 192.0.2.0/24"). "Touch" is any
 * overlap, so 172.16.0.0/12 is refused: it covers 172.30.0.0/16 and 172.31.0.0/16.
 */
export function reservedRangeRules(draft: RequestDraft): NetworkFinding[] {
  const checked: Array<{
    range: ParsedRange | undefined;
    rule: string;
    what: string;
  }> = [
    ...podCidrsInUse(draft).map(range => ({
      range,
      rule: 'pod-cidr-reserved-range',
      what: 'Pod CIDR',
    })),
    {
      range: draft.serviceCidr,
      rule: 'service-cidr-reserved-range',
      what: 'Service CIDR',
    },
    {
      range: draft.serviceCidrIpv6,
      rule: 'service-cidr-reserved-range',
      what: 'Service CIDR',
    },
    ...(draft.vnetAddressSpace ?? []).map(range => ({
      range,
      rule: 'vnet-reserved-range',
      what: 'VNet range',
    })),
  ];
  const findings: NetworkFinding[] = [];
  for (const { range, rule, what } of checked) {
    if (!range) {
      continue;
    }
    const touched = reservedRanges().filter(reserved =>
      overlaps(range.cidr, reserved),
    );
    if (touched.length > 0) {
      findings.push({
        field: range.field,
        rule,
        severity: 'error',
        message: `${what} ${range.text}${
          range.isDefault ? ' (the default)' : ''
        } touches ${touched.map(formatCidr).join(', ')}, which AKS reserves.`,
        fact: DOMAIN_FACTS.reservedRanges,
      });
    }
  }
  return findings;
}
