import { arrayAt, JsonObject } from '../json/JsonValue';
import { badRequest } from '../server/ArmError';
import { AKS_DUAL_STACK_MIN_VERSION } from './AksLimits';

/** The two `networkProfile.ipFamilies` AKS takes, IPv4 first. */
const ACCEPTED = ['IPv4', 'IPv4,IPv6'];

/**
 * `networkProfile.ipFamilies` as AKS reads it: absent is `['IPv4']`; otherwise
 * `['IPv4']` or `['IPv4', 'IPv6']`, in that order (IPv6 alone is not supported,
 * https://learn.microsoft.com/azure/aks/configure-dual-stack). The enum values are
 * matched without regard to case, as ARM does, and answered in ARM's spelling.
 */
export function readIpFamilies(profile: JsonObject | undefined): string[] {
  const sent = arrayAt(profile, 'ipFamilies');
  if (sent === undefined) {
    return ['IPv4'];
  }
  const spelling: Record<string, string> = { ipv4: 'IPv4', ipv6: 'IPv6' };
  const families = sent.map(value => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return spelling[text.toLowerCase()] ?? text;
  });
  if (!ACCEPTED.includes(families.join(','))) {
    throw badRequest(
      'InvalidParameter',
      `The value of parameter networkProfile.ipFamilies is invalid: [${families.join(
        ', ',
      )}]. Allowed values are [IPv4] and [IPv4, IPv6] (IPv4 first); IPv6 alone is not supported.`,
      'networkProfile.ipFamilies',
    );
  }
  return families;
}

/** True for `['IPv4', 'IPv6']`. */
export function isDualStack(ipFamilies: string[]): boolean {
  return ipFamilies.includes('IPv6');
}

/**
 * Dual-stack needs Kubernetes 1.26.3 or later
 * (https://learn.microsoft.com/azure/aks/configure-dual-stack). A `major.minor`
 * version stands for AKS's newest patch of it, so `1.26` passes; a version that does
 * not read as one is left to other checks.
 */
export function checkDualStackVersion(kubernetesVersion: string): void {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(kubernetesVersion);
  if (!match) {
    return;
  }
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const patch = match[3] === undefined ? undefined : Number(match[3]);
  const min = AKS_DUAL_STACK_MIN_VERSION;
  let ok = patch === undefined || patch >= min.patch;
  if (major !== min.major) {
    ok = major > min.major;
  } else if (minor !== min.minor) {
    ok = minor > min.minor;
  }
  if (!ok) {
    throw badRequest(
      'InvalidParameter',
      `The value of parameter kubernetesVersion is invalid: ${kubernetesVersion}. Dual-stack networking (networkProfile.ipFamilies [IPv4, IPv6]) requires Kubernetes ${min.major}.${min.minor}.${min.patch} or later.`,
      'kubernetesVersion',
    );
  }
}

/** The entry of a plural CIDR list (`podCidrs`, `serviceCidrs`) of one family. */
export function entryOfFamily(
  list: string[],
  family: 'ipv4' | 'ipv6',
): string | undefined {
  return list.find(text => text.includes(':') === (family === 'ipv6'));
}
