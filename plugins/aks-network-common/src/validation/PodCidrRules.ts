import { containsCidr, overlaps } from '../cidr';
import { DOMAIN_FACTS } from '../facts';
import { usesPodCidr } from '../model';
import { podCidrPrivateRanges } from './KnownRanges';
import { NetworkFinding } from './NetworkFinding';
import { ParsedRange, RequestDraft } from './RequestDraft';

function label(range: ParsedRange): string {
  return range.isDefault ? `${range.text} (the default)` : range.text;
}

/** The pod CIDRs the rules apply to: none for models whose pods take VNet IPs. */
export function podCidrsInUse(draft: RequestDraft): ParsedRange[] {
  if (
    draft.model === undefined ||
    draft.model === 'azure-cni-node-subnet' ||
    draft.model === 'azure-cni-pod-subnet'
  ) {
    return [];
  }
  return [draft.podCidr, draft.podCidrIpv6].filter(
    (range): range is ParsedRange => range !== undefined,
  );
}

/**
 * Pod CIDR rules (docs/domain.md#pod-cidr-private: "Pod CIDR: RFC 1918 or RFC 6598 space; must not overlap the
 * node subnet, the VNet, peered/on-prem ranges, or the service CIDR"). The private-space
 * rule is for IPv4; docs/domain.md#pod-cidr-private names no IPv6 space.
 */
export function podCidrRules(draft: RequestDraft): NetworkFinding[] {
  const findings: NetworkFinding[] = [];

  // Flat and pod-subnet pods take VNet IPs, so a pod CIDR would be ignored by AKS.
  if (draft.model && !usesPodCidr(draft.model) && draft.model !== 'byo-cni') {
    for (const range of [draft.podCidr, draft.podCidrIpv6]) {
      if (range) {
        findings.push({
          field: range.field,
          rule: 'pod-cidr-unused',
          severity: 'warning',
          message: `${range.field} ${range.text} is ignored: with ${draft.model} pods take VNet IPs.`,
          fact: DOMAIN_FACTS.armNetworkModel,
        });
      }
    }
  }

  for (const pod of podCidrsInUse(draft)) {
    if (
      pod.cidr.family === 'ipv4' &&
      !podCidrPrivateRanges().some(range => containsCidr(range.cidr, pod.cidr))
    ) {
      findings.push({
        field: pod.field,
        rule: 'pod-cidr-private-range',
        severity: 'error',
        message: `Pod CIDR ${label(
          pod,
        )} is not inside RFC 1918 (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) or RFC 6598 (100.64.0.0/10) space.`,
        fact: DOMAIN_FACTS.podCidrPrivate,
      });
    }

    const others: Array<{
      range: ParsedRange | undefined;
      rule: string;
      what: string;
    }> = [
      {
        range: draft.nodeSubnet,
        rule: 'pod-cidr-overlaps-node-subnet',
        what: 'the node subnet',
      },
      ...(draft.vnetAddressSpace ?? []).map(range => ({
        range,
        rule: 'pod-cidr-overlaps-vnet',
        what: 'the VNet',
      })),
      ...draft.peeredRanges.map(range => ({
        range,
        rule: 'pod-cidr-overlaps-peered-range',
        what: 'a peered or on-prem range',
      })),
      {
        range: draft.serviceCidr,
        rule: 'pod-cidr-overlaps-service-cidr',
        what: 'the service CIDR',
      },
      {
        range: draft.serviceCidrIpv6,
        rule: 'pod-cidr-overlaps-service-cidr',
        what: 'the IPv6 service CIDR',
      },
    ];
    for (const { range, rule, what } of others) {
      if (range && overlaps(pod.cidr, range.cidr)) {
        findings.push({
          field: pod.field,
          rule,
          severity: 'error',
          message:
            rule === 'pod-cidr-overlaps-vnet'
              ? // AKS's own wording (docs/domain.md#aks-errors: NetworkProfileCIDROverlapVNET).
                `NetworkProfile CIDR ${pod.text} overlaps with reserved VNET CIDR ${range.text} (${range.field}); AKS would refuse it with NetworkProfileCIDROverlapVNET.`
              : `Pod CIDR ${label(pod)} overlaps ${what} ${range.text} (${
                  range.field
                }).`,
          fact: DOMAIN_FACTS.podCidrNoOverlap,
        });
      }
    }
  }
  return findings;
}
