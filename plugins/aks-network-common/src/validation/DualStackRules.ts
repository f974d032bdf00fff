import {
  AZURE_RULES,
  DOMAIN_FACTS,
  DUAL_STACK_MIN_KUBERNETES_VERSION,
} from '../facts';
import {
  formatKubernetesVersion,
  meetsKubernetesVersion,
  parseKubernetesVersion,
} from './KubernetesVersion';
import { NetworkFinding } from './NetworkFinding';
import { IpFamilyName } from './NetworkRequest';
import { RequestDraft } from './RequestDraft';

/** The two `ipFamilies` AKS takes, in its order (IPv4 first). */
const ACCEPTED_IP_FAMILIES: ReadonlyArray<readonly IpFamilyName[]> = [
  ['IPv4'],
  ['IPv4', 'IPv6'],
];

function sameFamilies(
  a: readonly IpFamilyName[],
  b: readonly IpFamilyName[],
): boolean {
  return a.length === b.length && a.every((family, i) => family === b[i]);
}

/**
 * Dual-stack rules (https://learn.microsoft.com/azure/aks/configure-dual-stack):
 * `ipFamilies` is `['IPv4']` or `['IPv4', 'IPv6']`, in that order (IPv6 alone is not
 * supported); dual-stack needs Kubernetes 1.26.3 or later; IPv6 ranges without IPv6
 * make no sense. A dual-stack request without IPv6 ranges gets AKS's defaults when it
 * is read (see `DEFAULT_POD_CIDR_IPV6`, `DEFAULT_SERVICE_CIDR_IPV6`). The IPv6 service
 * CIDR size is checked with the service rules.
 */
export function dualStackRules(draft: RequestDraft): NetworkFinding[] {
  const findings: NetworkFinding[] = [];
  const families = draft.ipFamilies ?? ['IPv4'];
  // An item that did not read as IPv4 or IPv6 already has its finding.
  const itemRejected = [...draft.rejectedFields].some(field =>
    field.startsWith('network.ipFamilies.'),
  );
  if (
    draft.ipFamilies !== undefined &&
    !itemRejected &&
    !ACCEPTED_IP_FAMILIES.some(accepted => sameFamilies(accepted, families))
  ) {
    findings.push({
      field: 'network.ipFamilies',
      rule: 'ip-families-invalid',
      severity: 'error',
      message: `network.ipFamilies [${families.join(', ')}] is not valid: ${
        families.includes('IPv4')
          ? 'AKS takes [IPv4] or [IPv4, IPv6], in that order, each family once'
          : 'AKS runs IPv4 or IPv4 + IPv6 ([IPv4] or [IPv4, IPv6]), not IPv6 alone'
      }.`,
      fact: AZURE_RULES.ipFamilies,
    });
  }

  const dualStack = families.includes('IPv6');
  const version = draft.cluster.kubernetesVersion;
  const parsed =
    version === undefined ? undefined : parseKubernetesVersion(version);
  if (
    dualStack &&
    parsed &&
    !meetsKubernetesVersion(parsed, DUAL_STACK_MIN_KUBERNETES_VERSION)
  ) {
    const floor = formatKubernetesVersion(DUAL_STACK_MIN_KUBERNETES_VERSION);
    findings.push({
      field: 'cluster.kubernetesVersion',
      rule: 'dual-stack-kubernetes-version',
      severity: 'error',
      message: `cluster.kubernetesVersion ${version} is too old for dual-stack (network.ipFamilies [${families.join(
        ', ',
      )}]): it needs Kubernetes ${floor} or later.`,
      fact: AZURE_RULES.dualStackKubernetesVersion,
    });
  }

  if (!dualStack) {
    for (const range of [draft.podCidrIpv6, draft.serviceCidrIpv6]) {
      if (range) {
        findings.push({
          field: range.field,
          rule: 'dual-stack-not-enabled',
          severity: 'error',
          message: `${range.field} ${range.text} is set but network.ipFamilies does not include IPv6; add it for a dual-stack cluster or drop the IPv6 range.`,
          fact: DOMAIN_FACTS.dualStack,
        });
      }
    }
  }
  return findings;
}
