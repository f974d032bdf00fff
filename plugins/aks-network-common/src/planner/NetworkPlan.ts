import { Cidr, parseCidr } from '../cidr';
import {
  DEFAULT_POD_CIDR,
  DOMAIN_FACTS,
  MAX_NODES_PER_CLUSTER,
} from '../facts';
import { NetworkModel, usesPodCidr } from '../model';
import type { NetworkFinding } from '../validation/NetworkFinding';
import { acnsMonthlyCostUsd } from './AcnsCost';
import { NodePoolSizing, totalNodes, totalSurge } from './NodePoolSizing';
import { NodeSubnetPlan, planNodeSubnet } from './NodeSubnetPlan';
import { OverlayVnetSavings, overlayVnetSavings } from './OverlayVnetSavings';
import { podCapacity } from './PodCapacity';
import { PodCidrCapacity, describePodCidrCapacity } from './PodCidrCapacity';

/**
 * What to plan: a network model, its pools and, when already chosen, its ranges.
 * Findings name fields by the paths of `validateNetworkRequest`'s input.
 *
 * @public
 */
export interface NetworkPlanRequest {
  model: NetworkModel;
  nodePools: readonly NodePoolSizing[];
  /** IPs on the node subnet besides nodes and pods (internal load balancers, …). */
  extraIps?: number;
  /** The IPv4 pod CIDR; `DEFAULT_POD_CIDR` for overlay and kubenet when absent. */
  podCidr?: string;
  /** The node subnet, when already chosen. */
  nodeSubnetCidr?: string;
  /** Its name, for messages. */
  nodeSubnetName?: string;
}

/**
 * The plan: how big the node subnet must be, what the pod CIDR holds, what overlay
 * saves, what ACNS costs, and what does not fit.
 *
 * @public
 */
export interface NetworkPlan {
  model: NetworkModel;
  nodeCount: number;
  surgeNodes: number;
  nodeSubnet: NodeSubnetPlan;
  /** For models that use a pod CIDR (overlay, kubenet). */
  podCidr?: PodCidrCapacity;
  /** Pods the nodes can run (nodes × maxPods). */
  podCapacity: number;
  /** Node-subnet addresses of this cluster under flat Azure CNI against overlay. */
  overlaySavings: OverlayVnetSavings;
  /** ACNS for the cluster's nodes, per month. */
  acnsMonthlyCostUsd: number;
  findings: NetworkFinding[];
}

function readCidr(
  text: string,
  field: string,
  findings: NetworkFinding[],
): Cidr | undefined {
  const parsed = parseCidr(text);
  if (parsed.ok && parsed.cidr.family === 'ipv4') {
    return parsed.cidr;
  }
  findings.push({
    field,
    rule: parsed.ok ? 'cidr-family' : 'cidr-syntax',
    severity: 'error',
    message: parsed.ok
      ? `${field} '${text}' is IPv6; the planner sizes IPv4 ranges.`
      : `${field} '${text}' is not a valid CIDR: ${parsed.reason}`,
    fact: DOMAIN_FACTS.badInput,
  });
  return undefined;
}

function nodeSubnetFindings(
  request: NetworkPlanRequest,
  plan: NodeSubnetPlan,
  surgeNodes: number,
): NetworkFinding[] {
  const fact =
    request.model === 'azure-cni-node-subnet'
      ? DOMAIN_FACTS.flatNodeSubnet
      : DOMAIN_FACTS.overlayNodeIps;
  const perNode =
    request.model === 'azure-cni-node-subnet'
      ? `flat Azure CNI needs (nodes + ${surgeNodes} surge) × (1 node IP + maxPods pod IPs)`
      : `${request.model} needs one IP per node and per surge node (${surgeNodes})`;
  const findings: NetworkFinding[] = [];
  if (plan.smallestPrefix === undefined) {
    findings.push({
      field: 'nodePools',
      rule: 'node-subnet-no-azure-prefix',
      severity: 'error',
      message: `The node subnet would need ${plan.ipsNeeded} IPs, more than any Azure subnet holds.`,
      fact,
    });
  }
  if (plan.subnet && !plan.subnet.fits) {
    // Worded like AKS's own error, so people recognise it (docs/domain.md#aks-errors: "Subnet aks-sn with
    // address prefix 10.240.0.0/29 does not have enough capacity for 1 IP addresses").
    const name = request.nodeSubnetName
      ? `Subnet ${request.nodeSubnetName}`
      : 'The node subnet';
    findings.push({
      field: 'network.nodeSubnet.cidr',
      rule: 'node-subnet-too-small',
      severity: 'error',
      message:
        `${name} with address prefix ${plan.subnet.cidr} does not have enough capacity for ` +
        `${plan.ipsNeeded} IP addresses: it has ${plan.subnet.usableIps} usable (Azure reserves 5); ` +
        `${perNode}${
          request.extraIps ? ` plus ${request.extraIps} extra IPs` : ''
        }` +
        `${
          plan.smallestPrefix !== undefined
            ? `; use a /${plan.smallestPrefix} or larger`
            : ''
        }.`,
      fact: `${fact} ${DOMAIN_FACTS.azureReservedPerSubnet}`,
    });
  }
  return findings;
}

/**
 * Plans the network of a cluster. Pure arithmetic on an already-shaped request: call
 * `validateNetworkRequest` first for untrusted input (it runs this plan too). Ranges
 * that do not parse become findings, never exceptions.
 *
 * @public
 */
export function planNetwork(request: NetworkPlanRequest): NetworkPlan {
  const findings: NetworkFinding[] = [];
  const extraIps = request.extraIps ?? 0;
  const nodeCount = totalNodes(request.nodePools);
  const surgeNodes = totalSurge(request.nodePools);

  const subnet =
    request.nodeSubnetCidr === undefined
      ? undefined
      : readCidr(request.nodeSubnetCidr, 'network.nodeSubnet.cidr', findings);
  const nodeSubnet = planNodeSubnet(
    request.model,
    request.nodePools,
    extraIps,
    subnet,
  );
  findings.push(...nodeSubnetFindings(request, nodeSubnet, surgeNodes));

  const plan: NetworkPlan = {
    model: request.model,
    nodeCount,
    surgeNodes,
    nodeSubnet,
    podCapacity: podCapacity(request.nodePools),
    overlaySavings: overlayVnetSavings(request.nodePools, extraIps),
    acnsMonthlyCostUsd: acnsMonthlyCostUsd(nodeCount),
    findings,
  };

  if (usesPodCidr(request.model)) {
    const podCidr = readCidr(
      request.podCidr ?? DEFAULT_POD_CIDR,
      'network.podCidr',
      findings,
    );
    plan.podCidr = podCidr && describePodCidrCapacity(podCidr);
    // Surge nodes take a /24 too while an upgrade runs (docs/domain.md#pod-cidr-capacity: "Upgrades need
    // n + maxSurge nodes").
    // A cluster of more than 5,000 nodes is refused on `nodePools` by the node count
    // rule of `validateNetworkRequest` (https://learn.microsoft.com/azure/aks/quotas-skus-regions#service-quotas-and-limits);
    // a pod CIDR capped by that limit is not what is short then.
    const overClusterLimit =
      plan.podCidr?.cappedByClusterLimit && nodeCount > MAX_NODES_PER_CLUSTER;
    if (
      plan.podCidr &&
      !overClusterLimit &&
      nodeCount + surgeNodes > plan.podCidr.nodes
    ) {
      findings.push({
        field: 'network.podCidr',
        rule: 'pod-cidr-capacity',
        severity: 'error',
        message:
          `Pod CIDR ${plan.podCidr.cidr} holds ${plan.podCidr.nodes} nodes (one /24 each), ` +
          `but the cluster needs ${
            nodeCount + surgeNodes
          } (${nodeCount} nodes + ${surgeNodes} surge)` +
          `${
            nodeCount + surgeNodes <= MAX_NODES_PER_CLUSTER
              ? '; use a larger pod CIDR'
              : ''
          }.`,
        fact: DOMAIN_FACTS.overlayNodeIps,
      });
    }
  }
  return plan;
}
