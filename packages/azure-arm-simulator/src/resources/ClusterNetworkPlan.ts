import { formatIp, parseCidr } from '../ip/IpRange';
import {
  compact,
  JsonObject,
  objectAt,
  stringAt,
  stringsAt,
} from '../json/JsonValue';
import { badRequest } from '../server/ArmError';
import {
  AKS_DEFAULT_DNS_SERVICE_IP,
  AKS_DEFAULT_POD_CIDR,
  AKS_DEFAULT_POD_CIDR_IPV6,
  AKS_DEFAULT_SERVICE_CIDR,
  AKS_DEFAULT_SERVICE_CIDR_IPV6,
} from './AksDefaults';
import { entryOfFamily, isDualStack, readIpFamilies } from './DualStack';
import { checkNetworkModel, NetworkPlan } from './ManagedClusterValidation';

/**
 * The network profile a managed cluster PUT means: the one sent; without one, the one
 * the cluster has; a new cluster without one gets AKS's current default, Azure CNI
 * Overlay (an empty profile, read by {@link planClusterNetwork}).
 */
export function requestedNetworkProfile(
  sent: JsonObject,
  oldProperties: JsonObject | undefined,
): JsonObject {
  return (
    objectAt(sent, 'networkProfile') ??
    objectAt(oldProperties, 'networkProfile') ??
    {}
  );
}

/** True for kubenet and overlay, whose pods take IPs of a pod CIDR, not of the VNet. */
function hasPodCidr(plugin: string, mode: string | undefined): boolean {
  return (
    mode?.toLowerCase() === 'overlay' || plugin.toLowerCase() === 'kubenet'
  );
}

/** Flat Azure CNI gives pods VNet IPs, so AKS refuses a pod CIDR there. */
function rejectPodCidrOnFlat(
  podCidr: string | undefined,
  plugin: string,
  mode: string | undefined,
): void {
  if (
    podCidr &&
    !hasPodCidr(plugin, mode) &&
    plugin.toLowerCase() === 'azure'
  ) {
    throw badRequest(
      'InvalidParameter',
      'podCidr can only be set with networkPlugin kubenet or networkPluginMode overlay: flat Azure CNI gives pods VNet IPs.',
      'networkProfile.podCIDR',
    );
  }
}

/** The tenth address of a service CIDR, AKS's pick for the DNS IP when none is given. */
function tenthAddress(serviceCidr: string): string {
  const parsed = parseCidr(serviceCidr);
  return parsed.ok
    ? formatIp(parsed.cidr.family, parsed.cidr.network + 10n)
    : AKS_DEFAULT_DNS_SERVICE_IP;
}

/** The DNS service IP sent, else AKS's default one, else the service CIDR's tenth address. */
function dnsServiceIpOf(profile: JsonObject, serviceCidr: string): string {
  return (
    stringAt(profile, 'dnsServiceIP') ??
    (serviceCidr === AKS_DEFAULT_SERVICE_CIDR
      ? AKS_DEFAULT_DNS_SERVICE_IP
      : tenthAddress(serviceCidr))
  );
}

/**
 * The IPv6 ranges of a dual-stack cluster: those of the plural lists, else AKS's
 * defaults; pods get one only where they have a pod CIDR (overlay, kubenet).
 */
function ipv6Ranges(
  podCidrs: string[],
  serviceCidrs: string[],
  withPodCidr: boolean,
): Pick<NetworkPlan, 'podCidrIpv6' | 'serviceCidrIpv6'> {
  return {
    podCidrIpv6: withPodCidr
      ? entryOfFamily(podCidrs, 'ipv6') ?? AKS_DEFAULT_POD_CIDR_IPV6
      : undefined,
    serviceCidrIpv6:
      entryOfFamily(serviceCidrs, 'ipv6') ?? AKS_DEFAULT_SERVICE_CIDR_IPV6,
  };
}

/** A cluster's network settings as AKS reads a PUT's profile, with AKS's defaults. */
export interface PlannedNetwork {
  plan: NetworkPlan;
  /** `networkDataplane` as sent. */
  dataplane?: string;
}

/**
 * Reads a network profile as AKS does: the network model (no plugin → Azure CNI
 * Overlay), the IP families, the pod and service CIDRs and the DNS IP with AKS's
 * defaults. The singular fields win; the plural lists (dual-stack) give what they
 * leave out.
 */
export function planClusterNetwork(profile: JsonObject): PlannedNetwork {
  const plugin = stringAt(profile, 'networkPlugin') ?? 'azure';
  const mode =
    stringAt(profile, 'networkPluginMode') ??
    (stringAt(profile, 'networkPlugin') === undefined ? 'overlay' : undefined);
  const dataplane = stringAt(profile, 'networkDataplane');
  checkNetworkModel(plugin, mode, dataplane);
  const withPodCidr = hasPodCidr(plugin, mode);
  const ipFamilies = readIpFamilies(profile);
  const podCidrs = stringsAt(profile, 'podCidrs');
  const serviceCidrs = stringsAt(profile, 'serviceCidrs');
  const sentPodCidr =
    stringAt(profile, 'podCidr') ?? entryOfFamily(podCidrs, 'ipv4');
  rejectPodCidrOnFlat(sentPodCidr, plugin, mode);
  const serviceCidr =
    stringAt(profile, 'serviceCidr') ??
    entryOfFamily(serviceCidrs, 'ipv4') ??
    AKS_DEFAULT_SERVICE_CIDR;
  const plan: NetworkPlan = {
    plugin,
    mode,
    podCidr: withPodCidr ? sentPodCidr ?? AKS_DEFAULT_POD_CIDR : sentPodCidr,
    serviceCidr,
    dnsServiceIP: dnsServiceIpOf(profile, serviceCidr),
    ipFamilies,
    ...(isDualStack(ipFamilies)
      ? ipv6Ranges(podCidrs, serviceCidrs, withPodCidr)
      : {}),
  };
  return { plan, dataplane };
}

/**
 * The `networkProfile` AKS stores and returns: the one sent with the plan's ranges and
 * AKS's defaults (Azure dataplane, cilium policy with the cilium dataplane, a standard
 * load balancer for outbound traffic), the ranges also as the plural lists.
 */
export function storedNetworkProfile(
  profile: JsonObject,
  { plan, dataplane }: PlannedNetwork,
): JsonObject {
  return compact({
    ...profile,
    networkPlugin: plan.plugin,
    networkPluginMode: plan.mode,
    networkDataplane: dataplane ?? 'azure',
    networkPolicy:
      stringAt(profile, 'networkPolicy') ??
      (dataplane?.toLowerCase() === 'cilium' ? 'cilium' : undefined),
    podCidr: plan.podCidr,
    serviceCidr: plan.serviceCidr,
    dnsServiceIP: plan.dnsServiceIP,
    outboundType: stringAt(profile, 'outboundType') ?? 'loadBalancer',
    loadBalancerSku: stringAt(profile, 'loadBalancerSku') ?? 'standard',
    podCidrs: plan.podCidr
      ? [plan.podCidr, ...(plan.podCidrIpv6 ? [plan.podCidrIpv6] : [])]
      : undefined,
    serviceCidrs: [
      plan.serviceCidr,
      ...(plan.serviceCidrIpv6 ? [plan.serviceCidrIpv6] : []),
    ],
    ipFamilies: plan.ipFamilies,
  });
}
