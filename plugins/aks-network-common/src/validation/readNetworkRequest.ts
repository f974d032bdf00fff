import { IpFamily, formatCidr, formatIp, parseCidr, parseIp } from '../cidr';
import {
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_MAX_PODS,
  DEFAULT_POD_CIDR,
  DEFAULT_POD_CIDR_IPV6,
  DEFAULT_SERVICE_CIDR,
  DEFAULT_SERVICE_CIDR_IPV6,
  DOMAIN_FACTS,
} from '../facts';
import { NetworkModel, usesPodCidr } from '../model';
import { resolveMaxSurge } from '../planner';
import { InputReader, Section } from './InputReader';
import { ParsedRange, PoolDraft, RequestDraft } from './RequestDraft';
import { REQUEST_SHAPE } from './requestShape';

/**
 * Parses a range field. Form input is trimmed first; the parser itself is strict.
 * `family` is the family the field must have, if any.
 */
function readRange(
  reader: InputReader,
  raw: string | undefined,
  field: string,
  family?: IpFamily,
  isDefault?: boolean,
): ParsedRange | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const parsed = parseCidr(raw.trim());
  if (!parsed.ok) {
    reader.report({
      field,
      rule: 'cidr-syntax',
      severity: 'error',
      message: `${field} '${raw}' is not a valid CIDR: ${parsed.reason}.`,
      fact: DOMAIN_FACTS.badInput,
    });
    return undefined;
  }
  if (family && parsed.cidr.family !== family) {
    reader.report({
      field,
      rule: 'cidr-family',
      severity: 'error',
      message: `${field} '${raw}' is ${
        parsed.cidr.family === 'ipv4' ? 'IPv4' : 'IPv6'
      }; this field takes an ${family === 'ipv4' ? 'IPv4' : 'IPv6'} range.`,
      fact: DOMAIN_FACTS.dualStack,
    });
    return undefined;
  }
  return { field, text: formatCidr(parsed.cidr), cidr: parsed.cidr, isDefault };
}

function readDnsServiceIp(
  reader: InputReader,
  raw: string | undefined,
  field: string,
): RequestDraft['dnsServiceIp'] {
  const isDefault = raw === undefined;
  const value = raw === undefined ? DEFAULT_DNS_SERVICE_IP : raw.trim();
  const parsed = parseIp(value);
  if (!parsed.ok) {
    reader.report({
      field,
      rule: 'ip-syntax',
      severity: 'error',
      message: `${field} '${raw}' is not a valid IP address: ${parsed.reason}.`,
      fact: DOMAIN_FACTS.badInput,
    });
    return undefined;
  }
  return {
    field,
    text: formatIp(parsed.family, parsed.value),
    family: parsed.family,
    value: parsed.value,
    isDefault,
  };
}

function readPools(
  reader: InputReader,
  root: Section<typeof REQUEST_SHAPE>,
): PoolDraft[] | undefined {
  return root.sections('nodePools')?.map((pool, index) => {
    const count = pool.leaf('count');
    const maxSurgeRaw = pool.leaf('maxSurge');
    let maxSurge: number | undefined;
    if (count !== undefined && count >= 0) {
      maxSurge = resolveMaxSurge(maxSurgeRaw, count);
      if (maxSurge === undefined) {
        reader.report({
          field: pool.fieldOf('maxSurge'),
          rule: 'max-surge-format',
          severity: 'error',
          message: `${pool.fieldOf('maxSurge')} '${String(
            maxSurgeRaw,
          )}' is neither a whole node count nor a percentage from 0% to 100%.`,
          fact: DOMAIN_FACTS.flatNodeSubnet,
        });
      }
    }
    return {
      field: pool.field,
      name: pool.leaf('name'),
      // AKS needs a system pool; the first pool is it unless the request says otherwise.
      mode: pool.leaf('mode') ?? (index === 0 ? 'System' : 'User'),
      osType: pool.leaf('osType') ?? 'Linux',
      count,
      // Absent or null → the default of 30 (docs/domain.md#default-max-pods: "the default pod limit is 30 per node").
      maxPods: pool.isAbsent('maxPods')
        ? DEFAULT_MAX_PODS
        : pool.leaf('maxPods'),
      maxSurge,
      vmSize: pool.leaf('vmSize'),
    };
  });
}

/**
 * Reads untrusted input into a draft, applying AKS defaults (docs/domain.md#network-defaults: "Default pod CIDR
 * 10.244.0.0/16, service CIDR 10.0.0.0/16, DNS IP 10.0.0.10"; maxPods 30). Shape and
 * syntax problems go to the reader's findings; the rules check the rest.
 */
export function readNetworkRequest(
  reader: InputReader,
  input: unknown,
): RequestDraft {
  const root = reader.root(input, REQUEST_SHAPE);
  const cluster = root.section('cluster');
  const network = root.section('network');
  const vnet = network.section('vnet');
  const nodeSubnet = network.section('nodeSubnet');

  const chosenModel = network.leaf('model');
  // A model that failed to read stays undefined so model-specific rules do not guess.
  const modelValue: NetworkModel | undefined =
    chosenModel ??
    (network.isAbsent('model') ? 'azure-cni-overlay' : undefined);

  const podCidrText = network.leaf('podCidr');
  const podCidrDefault =
    podCidrText === undefined &&
    modelValue !== undefined &&
    usesPodCidr(modelValue);
  const serviceCidrText = network.leaf('serviceCidr');
  const ipFamilies = network.list('ipFamilies')?.map(f => f.value);
  // A dual-stack cluster that names no IPv6 range gets AKS's defaults
  // (https://learn.microsoft.com/azure/aks/configure-dual-stack), checked like given ones.
  const dualStack = ipFamilies?.includes('IPv6') ?? false;
  const podCidrIpv6Text = network.leaf('podCidrIpv6');
  const podCidrIpv6Default =
    dualStack &&
    podCidrIpv6Text === undefined &&
    network.isAbsent('podCidrIpv6') &&
    modelValue !== undefined &&
    usesPodCidr(modelValue);
  const serviceCidrIpv6Text = network.leaf('serviceCidrIpv6');
  const serviceCidrIpv6Default =
    dualStack &&
    serviceCidrIpv6Text === undefined &&
    network.isAbsent('serviceCidrIpv6');

  const draft: Omit<RequestDraft, 'rejectedFields'> = {
    cluster: {
      name: cluster.leaf('name'),
      resourceGroup: cluster.leaf('resourceGroup'),
      location: cluster.leaf('location'),
      kubernetesVersion: cluster.leaf('kubernetesVersion'),
    },
    model: modelValue,
    dataplane: network.leaf('dataplane') ?? 'azure',
    ipFamilies,
    podCidr: readRange(
      reader,
      podCidrDefault ? DEFAULT_POD_CIDR : podCidrText,
      network.fieldOf('podCidr'),
      'ipv4',
      podCidrDefault,
    ),
    podCidrIpv6: readRange(
      reader,
      podCidrIpv6Default ? DEFAULT_POD_CIDR_IPV6 : podCidrIpv6Text,
      network.fieldOf('podCidrIpv6'),
      'ipv6',
      podCidrIpv6Default,
    ),
    serviceCidr: readRange(
      reader,
      serviceCidrText ?? DEFAULT_SERVICE_CIDR,
      network.fieldOf('serviceCidr'),
      'ipv4',
      serviceCidrText === undefined,
    ),
    serviceCidrIpv6: readRange(
      reader,
      serviceCidrIpv6Default ? DEFAULT_SERVICE_CIDR_IPV6 : serviceCidrIpv6Text,
      network.fieldOf('serviceCidrIpv6'),
      'ipv6',
      serviceCidrIpv6Default,
    ),
    dnsServiceIp: readDnsServiceIp(
      reader,
      network.leaf('dnsServiceIp'),
      network.fieldOf('dnsServiceIp'),
    ),
    vnetName: vnet.leaf('name'),
    vnetAddressSpace: vnet
      .list('addressSpace')
      ?.map(item => readRange(reader, item.value, item.field))
      .filter((range): range is ParsedRange => range !== undefined),
    nodeSubnetName: nodeSubnet.leaf('name'),
    nodeSubnet: readRange(
      reader,
      nodeSubnet.leaf('cidr'),
      nodeSubnet.fieldOf('cidr'),
      'ipv4',
    ),
    extraIps: nodeSubnet.leaf('extraIps'),
    peeredRanges: (network.list('peeredRanges') ?? [])
      .map(item => readRange(reader, item.value, item.field))
      .filter((range): range is ParsedRange => range !== undefined),
    nodePools: readPools(reader, root),
  };
  const rejectedFields = new Set(
    reader.findings
      .filter(finding => finding.severity === 'error')
      .map(finding => finding.field),
  );
  return { ...draft, rejectedFields };
}
