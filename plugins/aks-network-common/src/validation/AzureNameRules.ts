import { AZURE_RULES, DOMAIN_FACTS, MAX_NAME_LENGTH } from '../facts';
import { NetworkFinding } from './NetworkFinding';
import { RequestDraft } from './RequestDraft';

/**
 * A kind of Azure name the request carries.
 *
 * @public
 */
export type AzureNameKind = 'cluster' | 'resourceGroup' | 'vnet' | 'subnet';

/**
 * The kinds of Azure names the request carries, with their character rules (Azure's
 * naming rules for Microsoft.ContainerService/managedClusters, Microsoft.Network
 * virtualNetworks and subnets, and resource groups). The length limit is 63 (docs/domain.md#names)
 * for all four, tighter than Azure's own for VNets, subnets and resource groups.
 */
const NAME_KINDS: Record<
  AzureNameKind,
  { label: string; pattern: RegExp; minLength: number; rule: string }
> = {
  cluster: {
    label: 'Cluster name',
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$/,
    minLength: 1,
    rule: 'letters, digits, - and _, starting and ending with a letter or digit',
  },
  resourceGroup: {
    label: 'Resource group name',
    pattern: /^[\p{L}\p{N}_.()-]*[\p{L}\p{N}_()-]$/u,
    minLength: 1,
    rule: 'letters, digits, _, -, . and parentheses, not ending with a period',
  },
  vnet: {
    label: 'VNet name',
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/,
    minLength: 2,
    rule: 'at least 2 of letters, digits, _, - and ., starting with a letter or digit and ending with a letter, digit or _',
  },
  subnet: {
    label: 'Subnet name',
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/,
    minLength: 1,
    rule: 'letters, digits, _, - and ., starting with a letter or digit and ending with a letter, digit or _',
  },
};

/**
 * What is wrong with one Azure name against Azure's character rules for its kind and a
 * length limit (default 63, docs/domain.md#names; ids of resources that exist are read with Azure's
 * own limits, `AZURE_NAME_MAX_LENGTHS`), or undefined when it is valid. The message
 * never repeats the name: callers check it for unsafe characters first, and may quote it.
 *
 * @public
 */
export function azureNameProblem(
  kind: AzureNameKind,
  name: string,
  maxLength: number = MAX_NAME_LENGTH,
): string | undefined {
  const { label, pattern, minLength, rule } = NAME_KINDS[kind];
  const length = [...name].length;
  if (name.trim() === '') {
    return `${label} is empty`;
  }
  if (length > maxLength) {
    return `${label} has ${length} characters; at most ${maxLength} are allowed`;
  }
  if (length < minLength || !pattern.test(name)) {
    return `${label} is not valid: use ${rule}`;
  }
  return undefined;
}

/**
 * Checks one Azure name: the length limit of docs/domain.md#names ("Names (cluster, subnet, VNet, resource
 * group) ≤ 63 characters") and Azure's character rules.
 *
 * @public
 */
export function checkAzureName(
  kind: AzureNameKind,
  name: string,
  field: string,
): NetworkFinding[] {
  const { label, pattern, minLength, rule } = NAME_KINDS[kind];
  if (name.trim() === '') {
    return [
      {
        field,
        rule: 'name-required',
        severity: 'error',
        message: `${label} is empty.`,
        fact: DOMAIN_FACTS.names,
      },
    ];
  }
  const findings: NetworkFinding[] = [];
  const length = [...name].length;
  if (length > MAX_NAME_LENGTH) {
    findings.push({
      field,
      rule: 'name-too-long',
      severity: 'error',
      message: `${label} '${name}' has ${length} characters; at most ${MAX_NAME_LENGTH} are allowed.`,
      fact: DOMAIN_FACTS.names,
    });
  }
  if (length < minLength || !pattern.test(name)) {
    findings.push({
      field,
      rule: 'name-invalid-characters',
      severity: 'error',
      message: `${label} '${name}' is not valid: use ${rule}.`,
      fact: AZURE_RULES.nameCharacters,
    });
  }
  return findings;
}

/** Every name in the request. */
export function nameRules(draft: RequestDraft): NetworkFinding[] {
  const checks: Array<[AzureNameKind, string | undefined, string]> = [
    ['cluster', draft.cluster.name, 'cluster.name'],
    ['resourceGroup', draft.cluster.resourceGroup, 'cluster.resourceGroup'],
    ['vnet', draft.vnetName, 'network.vnet.name'],
    ['subnet', draft.nodeSubnetName, 'network.nodeSubnet.name'],
  ];
  return checks.flatMap(([kind, name, field]) =>
    name === undefined ? [] : checkAzureName(kind, name, field),
  );
}
