import { cidrSize, containsIp, formatIp } from '../cidr';
import { AZURE_RULES, DOMAIN_FACTS } from '../facts';
import { NetworkFinding } from './NetworkFinding';
import { ParsedRange, RequestDraft } from './RequestDraft';

/** A DNS IP to suggest: the tenth address as AKS picks it, or the second in a small range. */
function suggestion(service: ParsedRange): string {
  const { family, network } = service.cidr;
  const size = cidrSize(service.cidr);
  if (size > 10n) {
    return `; use e.g. ${formatIp(family, network + 10n)}`;
  }
  return size > 2n
    ? `; use e.g. ${formatIp(family, network + 2n)}`
    : '; the service CIDR has no other address for it';
}

function label(range: { text: string; isDefault?: boolean }): string {
  return range.isDefault ? `${range.text} (the default)` : range.text;
}

/**
 * The DNS service IP (https://learn.microsoft.com/azure/aks/configure-azure-cni#deployment-parameters,
 * and the same parameter of the kubenet and overlay pages): inside the service CIDR,
 * and neither its network address (10.0.0.0 of 10.0.0.0/16, no address for a service;
 * AKS refuses it since https://github.com/Azure/AKS/issues/2579)
 * nor its first usable address (10.0.0.1, the ClusterIP Kubernetes gives to the
 * `kubernetes` service, i.e. the API server). Each is its own rule so a message says
 * which.
 */
export function dnsServiceIpRules(draft: RequestDraft): NetworkFinding[] {
  const service: ParsedRange | undefined = draft.serviceCidr;
  const dns = draft.dnsServiceIp;
  if (!service || !dns) {
    return [];
  }
  if (!containsIp(service.cidr, dns.family, dns.value)) {
    return [
      {
        field: dns.field,
        rule: 'dns-ip-outside-service-cidr',
        severity: 'error',
        message: `DNS service IP ${label(
          dns,
        )} is not inside service CIDR ${label(service)}.`,
        fact: DOMAIN_FACTS.dnsServiceIp,
      },
    ];
  }
  if (dns.value === service.cidr.network) {
    return [
      {
        field: dns.field,
        rule: 'dns-ip-network-address',
        severity: 'error',
        message: `DNS service IP ${label(
          dns,
        )} is the network address of service CIDR ${label(
          service,
        )}, not an address a service can have${suggestion(service)}.`,
        fact: DOMAIN_FACTS.dnsServiceIp,
      },
    ];
  }
  if (dns.value === service.cidr.network + 1n) {
    return [
      {
        field: dns.field,
        rule: 'dns-ip-kubernetes-service',
        severity: 'error',
        message: `DNS service IP ${label(
          dns,
        )} is the first address of service CIDR ${label(
          service,
        )}, taken by the kubernetes service (the API server's ClusterIP)${suggestion(
          service,
        )}.`,
        fact: AZURE_RULES.dnsServiceIpKubernetesService,
      },
    ];
  }
  return [];
}
