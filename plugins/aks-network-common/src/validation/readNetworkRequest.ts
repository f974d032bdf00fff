import { z } from 'zod';
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
import {
  NETWORK_DATAPLANES,
  NETWORK_MODELS,
  NetworkDataplane,
  NetworkModel,
  usesPodCidr,
} from '../model';
import { resolveMaxSurge } from '../planner';
import { InputReader, ownValue } from './InputReader';
import { ParsedRange, PoolDraft, RequestDraft } from './RequestDraft';

const text = z.string();
const wholeNumber = z.number().int().finite();
const model = z.enum(NETWORK_MODELS as [NetworkModel, ...NetworkModel[]]);
const dataplane = z.enum(
  NETWORK_DATAPLANES as [NetworkDataplane, ...NetworkDataplane[]],
);
const ipFamily = z.enum(['IPv4', 'IPv6']);
const poolMode = z.enum(['System', 'User']);
const osType = z.enum(['Linux', 'Windows']);
const surge = z.union([z.number(), z.string()], {
  errorMap: () => ({
    message: "expected a node count or a percentage such as '33%'",
  }),
});

const ROOT_KEYS = ['cluster', 'network', 'nodePools'] as const;
const CLUSTER_KEYS = [
  'name',
  'resourceGroup',
  'location',
  'kubernetesVersion',
] as const;
const NETWORK_KEYS = [
  'model',
  'dataplane',
  'ipFamilies',
  'podCidr',
  'podCidrIpv6',
  'serviceCidr',
  'serviceCidrIpv6',
  'dnsServiceIp',
  'vnet',
  'nodeSubnet',
  'peeredRanges',
] as const;
const VNET_KEYS = ['name', 'addressSpace'] as const;
const NODE_SUBNET_KEYS = ['name', 'cidr', 'extraIps'] as const;
const POOL_KEYS = [
  'name',
  'mode',
  'osType',
  'count',
  'maxPods',
  'maxSurge',
  'vmSize',
] as const;

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

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
): RequestDraft['dnsServiceIp'] {
  const field = 'network.dnsServiceIp';
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
  root: Record<string, unknown> | undefined,
): PoolDraft[] | undefined {
  const items = reader.objects(root, 'nodePools', 'nodePools', {
    required: true,
    knownKeys: POOL_KEYS,
  });
  return items?.map(({ value, field }, index) => {
    const count = reader.leaf(value, 'count', `${field}.count`, wholeNumber, {
      required: true,
    });
    const maxSurgeRaw = reader.leaf(
      value,
      'maxSurge',
      `${field}.maxSurge`,
      surge,
    );
    let maxSurge: number | undefined;
    if (count !== undefined && count >= 0) {
      maxSurge = resolveMaxSurge(maxSurgeRaw, count);
      if (maxSurge === undefined) {
        reader.report({
          field: `${field}.maxSurge`,
          rule: 'max-surge-format',
          severity: 'error',
          message: `${field}.maxSurge '${String(
            maxSurgeRaw,
          )}' is neither a whole node count nor a percentage from 0% to 100%.`,
          fact: DOMAIN_FACTS.flatNodeSubnet,
        });
      }
    }
    return {
      field,
      name: reader.leaf(value, 'name', `${field}.name`, text, {
        required: true,
      }),
      // AKS needs a system pool; the first pool is it unless the request says otherwise.
      mode:
        reader.leaf(value, 'mode', `${field}.mode`, poolMode) ??
        (index === 0 ? 'System' : 'User'),
      osType:
        reader.leaf(value, 'osType', `${field}.osType`, osType) ?? 'Linux',
      count,
      // Absent or null → the default of 30 (docs/domain.md#default-max-pods: "the default pod limit is 30 per node").
      maxPods: isAbsent(ownValue(value, 'maxPods'))
        ? DEFAULT_MAX_PODS
        : reader.leaf(value, 'maxPods', `${field}.maxPods`, wholeNumber),
      maxSurge,
      vmSize: reader.leaf(value, 'vmSize', `${field}.vmSize`, text),
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
  const root = reader.root(input, ROOT_KEYS);
  const cluster = reader.object(root, 'cluster', 'cluster', {
    required: true,
    knownKeys: CLUSTER_KEYS,
  });
  const network = reader.object(root, 'network', 'network', {
    knownKeys: NETWORK_KEYS,
  });
  const vnet = reader.object(network, 'vnet', 'network.vnet', {
    knownKeys: VNET_KEYS,
  });
  const nodeSubnet = reader.object(
    network,
    'nodeSubnet',
    'network.nodeSubnet',
    {
      knownKeys: NODE_SUBNET_KEYS,
    },
  );

  const chosenModel = reader.leaf(network, 'model', 'network.model', model);
  // A model that failed to read stays undefined so model-specific rules do not guess.
  const modelValue: NetworkModel | undefined =
    chosenModel ??
    (isAbsent(ownValue(network, 'model')) ? 'azure-cni-overlay' : undefined);

  const podCidrText = reader.leaf(network, 'podCidr', 'network.podCidr', text);
  const podCidrDefault =
    podCidrText === undefined &&
    modelValue !== undefined &&
    usesPodCidr(modelValue);
  const serviceCidrText = reader.leaf(
    network,
    'serviceCidr',
    'network.serviceCidr',
    text,
  );
  const ipFamilies = reader
    .list(network, 'ipFamilies', 'network.ipFamilies', ipFamily)
    ?.map(f => f.value);
  // A dual-stack cluster that names no IPv6 range gets AKS's defaults
  // (https://learn.microsoft.com/azure/aks/configure-dual-stack), checked like given ones.
  const dualStack = ipFamilies?.includes('IPv6') ?? false;
  const podCidrIpv6Text = reader.leaf(
    network,
    'podCidrIpv6',
    'network.podCidrIpv6',
    text,
  );
  const podCidrIpv6Default =
    dualStack &&
    podCidrIpv6Text === undefined &&
    isAbsent(ownValue(network, 'podCidrIpv6')) &&
    modelValue !== undefined &&
    usesPodCidr(modelValue);
  const serviceCidrIpv6Text = reader.leaf(
    network,
    'serviceCidrIpv6',
    'network.serviceCidrIpv6',
    text,
  );
  const serviceCidrIpv6Default =
    dualStack &&
    serviceCidrIpv6Text === undefined &&
    isAbsent(ownValue(network, 'serviceCidrIpv6'));

  const draft: Omit<RequestDraft, 'rejectedFields'> = {
    cluster: {
      name: reader.leaf(cluster, 'name', 'cluster.name', text, {
        required: true,
      }),
      resourceGroup: reader.leaf(
        cluster,
        'resourceGroup',
        'cluster.resourceGroup',
        text,
        {
          required: true,
        },
      ),
      location: reader.leaf(cluster, 'location', 'cluster.location', text),
      kubernetesVersion: reader.leaf(
        cluster,
        'kubernetesVersion',
        'cluster.kubernetesVersion',
        text,
      ),
    },
    model: modelValue,
    dataplane:
      reader.leaf(network, 'dataplane', 'network.dataplane', dataplane) ??
      'azure',
    ipFamilies,
    podCidr: readRange(
      reader,
      podCidrDefault ? DEFAULT_POD_CIDR : podCidrText,
      'network.podCidr',
      'ipv4',
      podCidrDefault,
    ),
    podCidrIpv6: readRange(
      reader,
      podCidrIpv6Default ? DEFAULT_POD_CIDR_IPV6 : podCidrIpv6Text,
      'network.podCidrIpv6',
      'ipv6',
      podCidrIpv6Default,
    ),
    serviceCidr: readRange(
      reader,
      serviceCidrText ?? DEFAULT_SERVICE_CIDR,
      'network.serviceCidr',
      'ipv4',
      serviceCidrText === undefined,
    ),
    serviceCidrIpv6: readRange(
      reader,
      serviceCidrIpv6Default ? DEFAULT_SERVICE_CIDR_IPV6 : serviceCidrIpv6Text,
      'network.serviceCidrIpv6',
      'ipv6',
      serviceCidrIpv6Default,
    ),
    dnsServiceIp: readDnsServiceIp(
      reader,
      reader.leaf(network, 'dnsServiceIp', 'network.dnsServiceIp', text),
    ),
    vnetName: reader.leaf(vnet, 'name', 'network.vnet.name', text),
    vnetAddressSpace: reader
      .list(vnet, 'addressSpace', 'network.vnet.addressSpace', text)
      ?.map(item => readRange(reader, item.value, item.field))
      .filter((range): range is ParsedRange => range !== undefined),
    nodeSubnetName: reader.leaf(
      nodeSubnet,
      'name',
      'network.nodeSubnet.name',
      text,
    ),
    nodeSubnet: readRange(
      reader,
      reader.leaf(nodeSubnet, 'cidr', 'network.nodeSubnet.cidr', text),
      'network.nodeSubnet.cidr',
      'ipv4',
    ),
    extraIps: reader.leaf(
      nodeSubnet,
      'extraIps',
      'network.nodeSubnet.extraIps',
      wholeNumber,
    ),
    peeredRanges: (
      reader.list(network, 'peeredRanges', 'network.peeredRanges', text) ?? []
    )
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
