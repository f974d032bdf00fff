import { DESIGN_FACTS } from '../facts';
import { usesPodCidr } from '../model';
import { NetworkFinding } from './NetworkFinding';
import { RequestDraft } from './RequestDraft';

/**
 * Dual-stack rules (DESIGN: "Dual-stack: IPv4 + IPv6"): IPv4 is always there, IPv6 is
 * added with its own pod and service CIDR, and IPv6 ranges without IPv6 make no sense.
 * The IPv6 service CIDR size is checked with the service rules.
 */
export function dualStackRules(draft: RequestDraft): NetworkFinding[] {
  const findings: NetworkFinding[] = [];
  const families = draft.ipFamilies ?? ['IPv4'];
  const fact = DESIGN_FACTS.dualStack;
  if (draft.ipFamilies !== undefined) {
    if (!families.includes('IPv4')) {
      findings.push({
        field: 'network.ipFamilies',
        rule: 'dual-stack-ipv4-required',
        severity: 'error',
        message: `network.ipFamilies [${families.join(
          ', ',
        )}] lacks IPv4: AKS runs IPv4 or IPv4 + IPv6.`,
        fact,
      });
    }
    if (new Set(families).size !== families.length) {
      findings.push({
        field: 'network.ipFamilies',
        rule: 'ip-families-duplicate',
        severity: 'error',
        message: `network.ipFamilies [${families.join(
          ', ',
        )}] names a family twice.`,
        fact,
      });
    }
  }

  const dualStack = families.includes('IPv6');
  if (dualStack) {
    const needed = [
      {
        range: draft.serviceCidrIpv6,
        field: 'network.serviceCidrIpv6',
        what: 'service',
      },
      ...(draft.model && usesPodCidr(draft.model)
        ? [
            {
              range: draft.podCidrIpv6,
              field: 'network.podCidrIpv6',
              what: 'pod',
            },
          ]
        : []),
    ];
    for (const { range, field, what } of needed) {
      // A value that failed to parse already has its finding; only report absent ones.
      if (!range && !draft.rejectedFields.has(field)) {
        findings.push({
          field,
          rule: 'dual-stack-cidr-missing',
          severity: 'error',
          message: `Dual-stack (network.ipFamilies includes IPv6) needs an IPv6 ${what} CIDR in ${field}.`,
          fact,
        });
      }
    }
  } else {
    for (const range of [draft.podCidrIpv6, draft.serviceCidrIpv6]) {
      if (range) {
        findings.push({
          field: range.field,
          rule: 'dual-stack-not-enabled',
          severity: 'error',
          message: `${range.field} ${range.text} is set but network.ipFamilies does not include IPv6; add it for a dual-stack cluster or drop the IPv6 range.`,
          fact,
        });
      }
    }
  }
  return findings;
}
