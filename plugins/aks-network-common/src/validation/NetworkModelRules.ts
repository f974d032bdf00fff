import { containsCidr } from '../cidr';
import { AZURE_RULES, DOMAIN_FACTS, KUBENET_RETIREMENT_DATE } from '../facts';
import { NetworkFinding } from './NetworkFinding';
import { RequestDraft } from './RequestDraft';

/**
 * Rules about the model and where the node subnet sits: kubenet is retiring (docs/domain.md#kubenet-retirement:
 * "kubenet (retires 2028-03-31)"), cilium needs Azure CNI, the node subnet lies in the
 * VNet, and without the VNet's ranges the overlap rules cannot run.
 */
export function networkModelRules(draft: RequestDraft): NetworkFinding[] {
  const findings: NetworkFinding[] = [];
  if (draft.model === 'kubenet') {
    findings.push({
      field: 'network.model',
      rule: 'kubenet-retiring',
      severity: 'warning',
      message: `kubenet retires on ${KUBENET_RETIREMENT_DATE}; create the cluster with azure-cni-overlay instead.`,
      fact: DOMAIN_FACTS.kubenetRetirement,
    });
  }
  if (
    draft.dataplane === 'cilium' &&
    (draft.model === 'kubenet' || draft.model === 'byo-cni')
  ) {
    findings.push({
      field: 'network.dataplane',
      rule: 'cilium-requires-azure-cni',
      severity: 'error',
      message: `The cilium dataplane is Azure CNI powered by Cilium; it does not run with ${draft.model}.`,
      fact: AZURE_RULES.ciliumDataplane,
    });
  }

  const vnet = draft.vnetAddressSpace;
  if (
    (vnet === undefined || vnet.length === 0) &&
    !draft.rejectedFields.has('network.vnet.addressSpace')
  ) {
    findings.push({
      field: 'network.vnet.addressSpace',
      rule: 'vnet-address-space-missing',
      severity: 'warning',
      message:
        'network.vnet.addressSpace is not given, so the pod and service CIDRs cannot be checked against the VNet.',
      fact: DOMAIN_FACTS.podCidrNoOverlap,
    });
  }
  const subnet = draft.nodeSubnet;
  if (
    subnet &&
    vnet &&
    vnet.length > 0 &&
    !vnet.some(range => containsCidr(range.cidr, subnet.cidr))
  ) {
    findings.push({
      field: subnet.field,
      rule: 'node-subnet-outside-vnet',
      severity: 'error',
      message: `Node subnet ${
        subnet.text
      } is not inside the VNet's address space (${vnet
        .map(range => range.text)
        .join(', ')}).`,
      fact: AZURE_RULES.nodeSubnetInVnet,
    });
  }
  if (draft.extraIps !== undefined && draft.extraIps < 0) {
    findings.push({
      field: 'network.nodeSubnet.extraIps',
      rule: 'extra-ips-range',
      severity: 'error',
      message: `network.nodeSubnet.extraIps is ${draft.extraIps}; it counts IPs, so 0 or more.`,
      fact: DOMAIN_FACTS.badInput,
    });
  }
  return findings;
}
