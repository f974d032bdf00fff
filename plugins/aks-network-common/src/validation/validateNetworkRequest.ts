import { DOMAIN_FACTS, MAX_MAX_PODS, MIN_MAX_PODS } from '../facts';
import { usesPodCidr } from '../model';
import { NetworkPlan, NodePoolSizing, planNetwork } from '../planner';
import { nameRules } from './AzureNameRules';
import { dnsServiceIpRules } from './DnsServiceIpRules';
import { dualStackRules } from './DualStackRules';
import { InputReader } from './InputReader';
import { NetworkFinding } from './NetworkFinding';
import { networkModelRules } from './NetworkModelRules';
import { NormalisedNetworkRequest, NormalisedNodePool } from './NetworkRequest';
import { nodeCountRules } from './NodeCountRules';
import { nodePoolNameRules } from './NodePoolNameRules';
import { nodePoolRules } from './NodePoolRules';
import { podCidrRules } from './PodCidrRules';
import { readNetworkRequest } from './readNetworkRequest';
import { RequestDraft } from './RequestDraft';
import { reservedRangeRules } from './ReservedRangeRules';
import { serviceCidrRules } from './ServiceCidrRules';

/**
 * What {@link validateNetworkRequest} found.
 *
 * @public
 */
export interface NetworkRequestValidation {
  /** Every problem, errors and warnings, each naming its field. */
  findings: NetworkFinding[];
  /** The request with defaults applied; present only when no finding is an error. */
  request?: NormalisedNetworkRequest;
  /** The capacity plan, when the model, pools and ranges it needs could be read. */
  plan?: NetworkPlan;
}

const RULES: ReadonlyArray<(draft: RequestDraft) => NetworkFinding[]> = [
  nameRules,
  dualStackRules,
  podCidrRules,
  reservedRangeRules,
  serviceCidrRules,
  dnsServiceIpRules,
  nodePoolNameRules,
  nodeCountRules,
  nodePoolRules,
  networkModelRules,
];

function validPools(draft: RequestDraft): NormalisedNodePool[] | undefined {
  const pools = draft.nodePools;
  if (!pools || pools.length === 0) {
    return undefined;
  }
  const sized: NormalisedNodePool[] = [];
  for (const pool of pools) {
    const { name, count, maxPods, maxSurge } = pool;
    if (
      name === undefined ||
      count === undefined ||
      count < 0 ||
      maxPods === undefined ||
      maxPods < MIN_MAX_PODS ||
      maxPods > MAX_MAX_PODS ||
      maxSurge === undefined
    ) {
      return undefined;
    }
    sized.push({
      name,
      mode: pool.mode,
      osType: pool.osType,
      count,
      maxPods,
      maxSurge,
      ...(pool.vmSize !== undefined ? { vmSize: pool.vmSize } : {}),
    });
  }
  return sized;
}

function plan(
  draft: RequestDraft,
  pools: NormalisedNodePool[] | undefined,
): NetworkPlan | undefined {
  const rejected = draft.rejectedFields;
  if (
    !draft.model ||
    !pools ||
    rejected.has('network.podCidr') ||
    rejected.has('network.nodeSubnet.cidr') ||
    rejected.has('network.nodeSubnet.extraIps')
  ) {
    return undefined;
  }
  const sizing: NodePoolSizing[] = pools.map(pool => ({
    nodeCount: pool.count,
    maxSurge: pool.maxSurge,
    maxPods: pool.maxPods,
  }));
  return planNetwork({
    model: draft.model,
    nodePools: sizing,
    extraIps: Math.max(0, draft.extraIps ?? 0),
    podCidr: draft.podCidr?.text,
    nodeSubnetCidr: draft.nodeSubnet?.text,
    nodeSubnetName: draft.nodeSubnetName,
  });
}

function normalise(
  draft: RequestDraft,
  pools: NormalisedNodePool[],
): NormalisedNetworkRequest | undefined {
  const { name, resourceGroup, location, kubernetesVersion } = draft.cluster;
  if (
    !name ||
    !resourceGroup ||
    !draft.model ||
    !draft.dataplane ||
    !draft.serviceCidr ||
    !draft.dnsServiceIp
  ) {
    return undefined;
  }
  const podCidrUsed = usesPodCidr(draft.model) || draft.model === 'byo-cni';
  return {
    cluster: {
      name,
      resourceGroup,
      ...(location !== undefined ? { location } : {}),
      ...(kubernetesVersion !== undefined ? { kubernetesVersion } : {}),
    },
    network: {
      model: draft.model,
      dataplane: draft.dataplane,
      ipFamilies: draft.ipFamilies ?? ['IPv4'],
      ...(podCidrUsed && draft.podCidr ? { podCidr: draft.podCidr.text } : {}),
      ...(podCidrUsed && draft.podCidrIpv6
        ? { podCidrIpv6: draft.podCidrIpv6.text }
        : {}),
      serviceCidr: draft.serviceCidr.text,
      ...(draft.serviceCidrIpv6
        ? { serviceCidrIpv6: draft.serviceCidrIpv6.text }
        : {}),
      dnsServiceIp: draft.dnsServiceIp.text,
      vnet: {
        ...(draft.vnetName !== undefined ? { name: draft.vnetName } : {}),
        addressSpace: (draft.vnetAddressSpace ?? []).map(range => range.text),
      },
      nodeSubnet: {
        ...(draft.nodeSubnetName !== undefined
          ? { name: draft.nodeSubnetName }
          : {}),
        ...(draft.nodeSubnet ? { cidr: draft.nodeSubnet.text } : {}),
        extraIps: draft.extraIps ?? 0,
      },
      peeredRanges: draft.peeredRanges.map(range => range.text),
    },
    nodePools: pools,
  };
}

function validate(input: unknown): NetworkRequestValidation {
  const reader = new InputReader();
  const draft = readNetworkRequest(reader, input);
  const findings = [...reader.findings, ...RULES.flatMap(rule => rule(draft))];
  const pools = validPools(draft);
  const networkPlan = plan(draft, pools);
  if (networkPlan) {
    findings.push(...networkPlan.findings);
  }
  const result: NetworkRequestValidation = { findings };
  if (networkPlan) {
    result.plan = networkPlan;
  }
  if (pools && !findings.some(finding => finding.severity === 'error')) {
    const request = normalise(draft, pools);
    if (request) {
      result.request = request;
    }
  }
  return result;
}

/**
 * Validates the network plan of a cluster to create against every domain rule of
 * docs/domain.md (CIDR syntax, pod CIDR space and overlaps, reserved ranges, service CIDR and DNS
 * IP, dual-stack, names, maxPods, node counts, pod CIDR and node subnet capacity) and
 * Azure's own (`AZURE_RULES`; the README's "Azure's rules and their sources" lists
 * each with its source), and plans its capacity. Takes anything: bad input is never
 * thrown, it becomes findings that name the field (see {@link NetworkRequestInput} for
 * the shape).
 *
 * @public
 */
export function validateNetworkRequest(
  input: unknown,
): NetworkRequestValidation {
  try {
    return validate(input);
  } catch (error) {
    // Last line of defence: input that defeats the reader (a throwing getter, a proxy)
    // is still a finding, not an exception.
    return {
      findings: [
        {
          field: '(input)',
          rule: 'input-unreadable',
          severity: 'error',
          message: `The request could not be read: ${
            error instanceof Error ? error.message : 'unexpected value'
          }.`,
          fact: DOMAIN_FACTS.badInput,
        },
      ],
    };
  }
}
