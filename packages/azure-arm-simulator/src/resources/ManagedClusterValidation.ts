import {
  Cidr,
  containsCidr,
  containsIp,
  formatCidr,
  formatIp,
  IpFamily,
  overlaps,
  parseCidr,
  parseCidrOrThrow,
  parseIp,
} from '../ip/IpRange';
import { ArmError, badRequest } from '../server/ArmError';
import { SimulatorContext } from '../server/SimulatorContext';
import { idKey, nameOfId, parseArmId } from '../state/armIds';
import { ArmResourceJson } from '../state/SimulatorState';
import {
  AKS_MIN_IPV6_SERVICE_CIDR_PREFIX,
  AKS_POD_CIDR_PRIVATE_RANGES,
  AKS_RESERVED_RANGES,
  AKS_SERVICE_CIDR_PREFIX_LIMIT,
} from './AksLimits';
import { ClusterNetworking, poolIpsIn } from './ClusterNetworking';
import { parentId, SUBNET_TYPE } from './networkResources';
import { azureUsableAddresses } from './SubnetLimits';
import { subnetCidrs, subnetPrefixTexts, vnetCidrs } from './SubnetValidation';
import { usedIps } from './SubnetUsage';

/** The cluster-level network settings after defaults. */
export interface NetworkPlan {
  plugin: string;
  mode?: string;
  podCidr?: string;
  serviceCidr: string;
  dnsServiceIP: string;
  /** `['IPv4']`, or `['IPv4', 'IPv6']` for dual-stack. */
  ipFamilies: string[];
  /** Dual-stack only: the IPv6 pod CIDR (overlay and kubenet) and service CIDR. */
  podCidrIpv6?: string;
  serviceCidrIpv6?: string;
}

/**
 * The network model settings ARM accepts: plugin `azure` with mode `overlay` (Azure CNI
 * Overlay) or without a mode (flat Azure CNI, or a pod subnet), `kubenet`, or `none`
 * (bring your own CNI); the dataplane `azure` or `cilium`, cilium only with plugin
 * azure (https://learn.microsoft.com/azure/aks/concepts-network-cni-overview,
 * https://learn.microsoft.com/azure/aks/configure-kubenet,
 * https://learn.microsoft.com/azure/aks/use-byo-cni,
 * https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium).
 */
export function checkNetworkModel(
  plugin: string,
  mode: string | undefined,
  dataplane: string | undefined,
): void {
  if (!['azure', 'kubenet', 'none'].includes(plugin.toLowerCase())) {
    throw badRequest(
      'InvalidParameter',
      `The value of parameter networkProfile.networkPlugin is invalid: '${plugin}'. Allowed values are 'azure', 'kubenet' and 'none'.`,
      'networkProfile.networkPlugin',
    );
  }
  if (mode !== undefined && mode.toLowerCase() !== 'overlay') {
    throw badRequest(
      'InvalidParameter',
      `The value of parameter networkProfile.networkPluginMode is invalid: '${mode}'. The only allowed value is 'overlay'.`,
      'networkProfile.networkPluginMode',
    );
  }
  if (mode !== undefined && plugin.toLowerCase() !== 'azure') {
    throw badRequest(
      'InvalidParameter',
      `networkPluginMode '${mode}' requires networkPlugin 'azure', not '${plugin}'.`,
      'networkProfile.networkPluginMode',
    );
  }
  if (
    dataplane !== undefined &&
    !['azure', 'cilium'].includes(dataplane.toLowerCase())
  ) {
    throw badRequest(
      'InvalidParameter',
      `The value of parameter networkProfile.networkDataplane is invalid: '${dataplane}'. Allowed values are 'azure' and 'cilium'.`,
      'networkProfile.networkDataplane',
    );
  }
  if (
    dataplane?.toLowerCase() === 'cilium' &&
    plugin.toLowerCase() !== 'azure'
  ) {
    throw badRequest(
      'InvalidParameter',
      `networkDataplane 'cilium' requires networkPlugin 'azure' (overlay or pod subnet), not '${plugin}'.`,
      'networkProfile.networkDataplane',
    );
  }
}

/** The node and pod subnets the pools reference, which must exist and share one VNet. */
export interface ResolvedSubnets {
  vnet?: ArmResourceJson;
  /** Every subnet of that VNet (the service CIDR must clear them all). */
  vnetSubnets: ArmResourceJson[];
  /** The referenced subnets, keyed by lower-cased subnet id. */
  subnets: Map<string, ArmResourceJson>;
}

/**
 * Resolves `vnetSubnetID` / `podSubnetID`: a malformed id → `LinkedInvalidPropertyId`,
 * a missing subnet → `SubnetNotFound` (AKS's words), and all pools in one VNet.
 */
export function resolveSubnets(
  context: SimulatorContext,
  networking: ClusterNetworking,
): ResolvedSubnets {
  const subnets = new Map<string, ArmResourceJson>();
  let vnet: ArmResourceJson | undefined;
  networking.pools.forEach((pool, index) => {
    for (const [field, id] of [
      ['vnetSubnetID', pool.vnetSubnetID],
      ['podSubnetID', pool.podSubnetID],
    ] as const) {
      if (id === undefined) {
        continue;
      }
      const parsed = parseArmId(id);
      if (
        !parsed ||
        parsed.segments.length !== 2 ||
        parsed.segments[0].type.toLowerCase() !== 'virtualnetworks' ||
        parsed.segments[1].type.toLowerCase() !== 'subnets'
      ) {
        throw badRequest(
          'LinkedInvalidPropertyId',
          `Property id '${id}' at path 'properties.agentPoolProfiles[${index}].${field}' is invalid. Expect fully qualified resource Id that start with '/subscriptions/{subscriptionId}' or '/providers/{resourceProviderNamespace}/'.`,
          `agentPoolProfiles[${index}].${field}`,
        );
      }
      const subnet = context.state.get(id);
      if (!subnet || subnet.type.toLowerCase() !== SUBNET_TYPE.toLowerCase()) {
        throw badRequest(
          'SubnetNotFound',
          `Could not find subnet ${parsed.segments[1].name} in vnet ${parsed.segments[0].name} from resource group ${parsed.resourceGroup} of subscription ${parsed.subscriptionId}.`,
          `agentPoolProfiles[${index}].${field}`,
        );
      }
      const owner = context.state.get(parentId(subnet.id));
      if (vnet && owner && idKey(owner.id) !== idKey(vnet.id)) {
        throw badRequest(
          'InvalidParameter',
          `All agent pool subnets must be in the same virtual network: ${subnet.id} is not in ${vnet.id}.`,
          `agentPoolProfiles[${index}].${field}`,
        );
      }
      vnet = vnet ?? owner;
      subnets.set(idKey(subnet.id), subnet);
    }
  });
  return {
    vnet,
    vnetSubnets: vnet ? context.state.list(SUBNET_TYPE, vnet.id) : [],
    subnets,
  };
}

function parseOrReject(
  text: string,
  target: string,
  family: IpFamily = 'ipv4',
): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) {
    throw badRequest(
      'InvalidParameter',
      `The value of parameter ${target} is invalid: '${text}' (${parsed.reason}).`,
      target,
    );
  }
  if (parsed.cidr.family !== family) {
    throw badRequest(
      'InvalidParameter',
      `The value of parameter ${target} is invalid: '${text}' is not an ${
        family === 'ipv4' ? 'IPv4' : 'IPv6'
      } range.`,
      target,
    );
  }
  return parsed.cidr;
}

const RESERVED = AKS_RESERVED_RANGES.map(parseCidrOrThrow);
const PRIVATE = AKS_POD_CIDR_PRIVATE_RANGES.map(parseCidrOrThrow);

function rejectReserved(cidr: Cidr, what: string, target: string): void {
  const reserved = RESERVED.find(range => overlaps(range, cidr));
  if (reserved) {
    // Pod, service and VNet ranges must not touch AKS's reserved ranges (see
    // `AKS_RESERVED_RANGES` for the source).
    throw badRequest(
      'InvalidParameter',
      `${what} ${formatCidr(
        cidr,
      )} overlaps with the reserved range ${formatCidr(
        reserved,
      )}, which AKS does not allow.`,
      target,
    );
  }
}

/**
 * The pod and service CIDRs and the DNS IP, checked as AKS does: the pod CIDR private
 * and clear of the VNet (`NetworkProfileCIDROverlapVNET`, the code AKS answers with;
 * https://learn.microsoft.com/azure/aks/azure-cni-overlay), of the
 * service CIDR and of reserved ranges; the service CIDR smaller than /12, clear of the
 * VNet's subnets (`ServiceCidrOverlapExistingSubnetsCidr`) and reserved ranges; the DNS
 * IP inside it and neither its network nor its first address; and a dual-stack
 * cluster's IPv6 ranges.
 */
export function checkCidrs(plan: NetworkPlan, resolved: ResolvedSubnets): void {
  const vnetSpace = resolved.vnet ? vnetCidrs(resolved.vnet) : [];
  for (const space of vnetSpace) {
    rejectReserved(
      space,
      'The virtual network address space',
      'agentPoolProfile.vnetSubnetID',
    );
  }
  const service = parseOrReject(plan.serviceCidr, 'networkProfile.serviceCIDR');
  if (plan.podCidr !== undefined) {
    checkPodCidr(plan.podCidr, vnetSpace, service);
  }
  checkServiceCidr(service, resolved.vnetSubnets);
  checkDnsServiceIp(plan.dnsServiceIP, service);
  checkIpv6Ranges(plan);
}

/** The pod CIDR: private, clear of the VNet, of reserved ranges and of the service CIDR. */
function checkPodCidr(text: string, vnetSpace: Cidr[], service: Cidr): void {
  const pod = parseOrReject(text, 'networkProfile.podCIDR');
  if (!PRIVATE.some(range => containsCidr(range, pod))) {
    throw badRequest(
      'InvalidParameter',
      `The pod CIDR ${formatCidr(
        pod,
      )} is not private address space: it must come from RFC 1918 (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) or RFC 6598 (100.64.0.0/10).`,
      'networkProfile.podCIDR',
    );
  }
  const clash = vnetSpace.find(space => overlaps(space, pod));
  if (clash) {
    throw badRequest(
      'NetworkProfileCIDROverlapVNET',
      `NetworkProfile CIDR ${formatCidr(
        pod,
      )} overlaps with reserved VNET CIDR ${formatCidr(clash)}`,
      'networkProfile.podCIDR',
    );
  }
  rejectReserved(pod, 'The pod CIDR', 'networkProfile.podCIDR');
  if (overlaps(pod, service)) {
    throw badRequest(
      'InvalidParameter',
      `The pod CIDR ${formatCidr(
        pod,
      )} overlaps with the service CIDR ${formatCidr(service)}.`,
      'networkProfile.podCIDR',
    );
  }
}

/** The service CIDR: smaller than a /12, clear of reserved ranges and of the VNet's subnets. */
function checkServiceCidr(service: Cidr, vnetSubnets: ArmResourceJson[]): void {
  if (
    service.family === 'ipv4' &&
    service.prefix <= AKS_SERVICE_CIDR_PREFIX_LIMIT
  ) {
    throw badRequest(
      'InvalidParameter',
      `The service CIDR ${formatCidr(
        service,
      )} is too large: it must be smaller than a /${AKS_SERVICE_CIDR_PREFIX_LIMIT}.`,
      'networkProfile.serviceCIDR',
    );
  }
  rejectReserved(service, 'The service CIDR', 'networkProfile.serviceCIDR');
  for (const subnet of vnetSubnets) {
    const clash = subnetCidrs(subnet).find(cidr => overlaps(cidr, service));
    if (clash) {
      throw badRequest(
        'ServiceCidrOverlapExistingSubnetsCidr',
        `The specified service CIDR ${formatCidr(
          service,
        )} is conflicted with an existing subnet CIDR ${formatCidr(clash)}`,
        'networkProfile.serviceCIDR',
      );
    }
  }
}

/**
 * The DNS service IP inside the service CIDR, and neither its network address nor its
 * first address, which Kubernetes gives to the `kubernetes` service
 * (https://learn.microsoft.com/azure/aks/configure-azure-cni#deployment-parameters).
 */
function checkDnsServiceIp(text: string, service: Cidr): void {
  const target = 'networkProfile.dnsServiceIP';
  const invalid = (why: string) =>
    badRequest(
      'InvalidParameter',
      `The value of parameter ${target} is invalid: ${text} ${why}.`,
      target,
    );
  const dns = parseIp(text);
  if (!dns.ok || !containsIp(service, dns.family, dns.value)) {
    throw invalid(
      `must be an address inside the service CIDR ${formatCidr(
        service,
      )} and not its network or first address`,
    );
  }
  if (dns.value === service.network) {
    throw invalid(
      `is the network address of the service CIDR ${formatCidr(
        service,
      )}; use another address of it, e.g. ${formatIp(
        service.family,
        service.network + 10n,
      )}`,
    );
  }
  if (dns.value === service.network + 1n) {
    throw invalid(
      `is the first address of the service CIDR ${formatCidr(
        service,
      )}, which Kubernetes gives to the kubernetes service; use another address of it, e.g. ${formatIp(
        service.family,
        service.network + 10n,
      )}`,
    );
  }
}

/**
 * The IPv6 ranges of a dual-stack cluster: IPv6, the service CIDR a /108 or smaller
 * (the most Kubernetes' service IP allocator takes), pods and services apart.
 */
function checkIpv6Ranges(plan: NetworkPlan): void {
  const service =
    plan.serviceCidrIpv6 === undefined
      ? undefined
      : parseOrReject(
          plan.serviceCidrIpv6,
          'networkProfile.serviceCidrs',
          'ipv6',
        );
  if (service && service.prefix < AKS_MIN_IPV6_SERVICE_CIDR_PREFIX) {
    throw badRequest(
      'InvalidParameter',
      `The IPv6 service CIDR ${formatCidr(
        service,
      )} is too large: it must be a /${AKS_MIN_IPV6_SERVICE_CIDR_PREFIX} or smaller.`,
      'networkProfile.serviceCidrs',
    );
  }
  const pod =
    plan.podCidrIpv6 === undefined
      ? undefined
      : parseOrReject(plan.podCidrIpv6, 'networkProfile.podCidrs', 'ipv6');
  if (pod && service && overlaps(pod, service)) {
    throw badRequest(
      'InvalidParameter',
      `The IPv6 pod CIDR ${formatCidr(
        pod,
      )} overlaps with the IPv6 service CIDR ${formatCidr(service)}.`,
      'networkProfile.podCidrs',
    );
  }
}

/**
 * Each node subnet must hold the pools that use it: `n + surge` IPs per pool for
 * overlay, kubenet and pod subnet, `(n + surge) × (1 + maxPods)` for flat Azure CNI
 * (https://learn.microsoft.com/azure/aks/concepts-network-ip-address-planning), against
 * the usable IPs (after Azure's 5) not already used by others. The code and message are
 * AKS's `InsufficientSubnetSize` ("Subnet aks-sn with address prefix 10.240.0.0/29 does
 * not have enough capacity for 1 IP addresses",
 * https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/connectivity/insufficientsubnetsize-error-advanced-networking);
 * the number is the IPs missing.
 */
export function checkCapacity(
  context: SimulatorContext,
  networking: ClusterNetworking,
  resolved: ResolvedSubnets,
  clusterId: string,
): void {
  for (const subnet of resolved.subnets.values()) {
    let needed = 0;
    let firstIndex = -1;
    networking.pools.forEach((pool, index) => {
      const ips = poolIpsIn(
        subnet.id,
        networking,
        pool,
        pool.count + pool.surge,
      );
      if (ips > 0 && firstIndex === -1) {
        firstIndex = index;
      }
      needed += ips;
    });
    if (needed === 0) {
      continue;
    }
    const usable = subnetCidrs(subnet).reduce(
      (sum, cidr) => sum + Number(azureUsableAddresses(cidr)),
      0,
    );
    const free = usable - usedIps(context.state, subnet.id, clusterId);
    if (needed > free) {
      const field =
        networking.pools[firstIndex]?.podSubnetID &&
        idKey(networking.pools[firstIndex].podSubnetID ?? '') ===
          idKey(subnet.id)
          ? 'podSubnetID'
          : 'vnetSubnetID';
      throw new ArmError({
        statusCode: 400,
        code: 'InsufficientSubnetSize',
        message: `Subnet ${nameOfId(
          subnet.id,
        )} with address prefix ${subnetPrefixTexts(subnet).join(
          ',',
        )} does not have enough capacity for ${needed - free} IP addresses`,
        target: `agentPoolProfile.${field}`,
      });
    }
  }
}
