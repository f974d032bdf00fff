import {
  azureNameProblem,
  azureRegionNameProblem,
  FLOW_EXPORT_TOOL_IDS,
  FlowExportTool,
  isFlowExportTool,
  subscriptionIdProblem,
  unsafeTextProblem,
} from '@aks-network/plugin-aks-network-common';
import type { CreateClusterInput } from './clusterCreationSteps';
import type { ClusterInput } from './clusterInput';
import { invalidClusterRequest } from './invalidClusterRequest';

/**
 * Azure's limit on a tag value, 256 characters
 * (https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations).
 * The owner, system and components become tags of the cluster, so a longer one would be
 * refused by ARM only at the cluster's PUT, after the subnet exists. Free text fields
 * (VM size, CIDRs, …) are far shorter; the same bound keeps a request from carrying a
 * document into the plan.
 */
const MAX_TEXT_LENGTH = 256;

/** Values quoted back in a message: short, printable ones only. */
const MAX_QUOTED_LENGTH = 100;

/** How many bad entries of a list a message names. */
const MAX_NAMED_ENTRIES = 3;

type Problems = string[];

/** Reads one input object field by field, collecting a problem per bad field. */
class InputFields {
  readonly problems: Problems = [];

  constructor(private readonly input: Record<string, unknown>) {}

  private problem(field: string, message: string): undefined {
    this.problems.push(`${field}: ${message}`);
    return undefined;
  }

  /** Text that is present and printable, within the length bound. */
  text(field: string, options: { required: boolean }): string | undefined {
    const value = this.input[field];
    if (value === undefined || value === null) {
      return options.required ? this.problem(field, 'required') : undefined;
    }
    if (typeof value !== 'string') {
      return this.problem(field, `expected text, got ${kindOf(value)}`);
    }
    if (options.required && value.trim() === '') {
      return this.problem(field, 'required');
    }
    const unsafe = unsafeTextProblem(value);
    if (unsafe) {
      return this.problem(field, unsafe);
    }
    const length = [...value].length;
    if (length > MAX_TEXT_LENGTH) {
      return this.problem(
        field,
        `${length} characters; at most ${MAX_TEXT_LENGTH} are allowed`,
      );
    }
    return value;
  }

  /** A required text that must pass one of common's rules (which never repeat it). */
  checked(
    field: string,
    rule: (value: string) => string | undefined,
  ): string | undefined {
    const value = this.text(field, { required: true });
    if (value === undefined) {
      return undefined;
    }
    const problem = rule(value);
    return problem ? this.problem(field, `${quote(value)}${problem}`) : value;
  }

  /** A whole number (the plan checks its range against the policy and Azure's rules). */
  integer(field: string, options: { required: boolean }): number | undefined {
    const value = this.input[field];
    if (value === undefined || value === null) {
      return options.required ? this.problem(field, 'required') : undefined;
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      return this.problem(
        field,
        `expected a whole number, got ${kindOf(value)}`,
      );
    }
    return value;
  }

  boolean(field: string): boolean | undefined {
    const value = this.input[field];
    if (value === undefined || value === null) {
      return undefined;
    }
    return typeof value === 'boolean'
      ? value
      : this.problem(field, `expected true or false, got ${kindOf(value)}`);
  }

  /** A list of printable texts whose comma-joined form fits one tag value. */
  textList(field: string): string[] | undefined {
    const value = this.input[field];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (!Array.isArray(value)) {
      return this.problem(
        field,
        `expected a list of names, got ${kindOf(value)}`,
      );
    }
    const items: string[] = [];
    for (const [index, item] of value.entries()) {
      if (typeof item !== 'string' || item.trim() === '') {
        return this.problem(
          `${field}[${index}]`,
          `expected a name, got ${kindOf(item)}`,
        );
      }
      const unsafe = unsafeTextProblem(item);
      if (unsafe) {
        return this.problem(`${field}[${index}]`, unsafe);
      }
      items.push(item);
    }
    const joined = [...items.join(',')].length;
    if (joined > MAX_TEXT_LENGTH) {
      return this.problem(
        field,
        `${joined} characters joined with commas; the component tag holds at most ${MAX_TEXT_LENGTH}`,
      );
    }
    return items;
  }

  /**
   * Flow-export tools the cluster declares (docs/domain.md#declared-controls): each
   * entry one of common's `FLOW_EXPORT_TOOL_IDS`, exactly as the template's checkboxes
   * send them. An unknown id would be written to the tag and then only counted by the
   * sync, never shown, so it is refused here with the ids that are known.
   */
  flowExportTools(field: string): FlowExportTool[] | undefined {
    const value = this.input[field];
    if (value === undefined || value === null) {
      return undefined;
    }
    const allowed = `allowed: ${FLOW_EXPORT_TOOL_IDS.join(', ')}`;
    if (!Array.isArray(value)) {
      return this.problem(
        field,
        `expected a list of tool ids, got ${kindOf(value)}; ${allowed}`,
      );
    }
    const unknown = value.flatMap((item: unknown, index) =>
      typeof item === 'string' && isFlowExportTool(item)
        ? []
        : [`${entryText(item)} (entry ${index + 1})`],
    );
    if (unknown.length > 0) {
      // A few are named; a list of garbage does not become a page of message.
      const named = unknown.slice(0, MAX_NAMED_ENTRIES).join(', ');
      const more =
        unknown.length > MAX_NAMED_ENTRIES
          ? ` and ${unknown.length - MAX_NAMED_ENTRIES} more`
          : '';
      return this.problem(
        field,
        `${named}${more} ${
          unknown.length === 1 ? 'is not a known tool' : 'are not known tools'
        }; ${allowed}`,
      );
    }
    return value as FlowExportTool[];
  }
}

/** A list entry as a message shows it: quoted if short and printable, else its kind. */
function entryText(item: unknown): string {
  return typeof item === 'string' &&
    !unsafeTextProblem(item) &&
    [...item].length <= MAX_QUOTED_LENGTH
    ? `'${item}'`
    : kindOf(item);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? `the number ${value}`
      : 'a non-finite number';
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function quote(value: string): string {
  return [...value].length <= MAX_QUOTED_LENGTH ? `'${value}': ` : '';
}

/** The fields both actions share, read and checked; `undefined` where a field is bad. */
function readSharedFields(fields: InputFields): Partial<ClusterInput> {
  return {
    // What goes into ARM URLs (`/subscriptions/{s}/resourceGroups/{rg}/…/{name}`) is
    // checked by common's rules before any call: a GUID, Azure's name rules.
    subscriptionId: fields.checked('subscriptionId', subscriptionIdProblem),
    resourceGroup: fields.checked('resourceGroup', value =>
      azureNameProblem('resourceGroup', value),
    ),
    name: fields.checked('name', value => azureNameProblem('cluster', value)),
    region: fields.checked('region', azureRegionNameProblem),
    addressPoolId: fields.text('addressPoolId', { required: true }),
    nodeCount: fields.integer('nodeCount', { required: true }),
    vmSize: fields.text('vmSize', { required: true }),
    maxPods: fields.integer('maxPods', { required: false }),
    kubernetesVersion: fields.text('kubernetesVersion', { required: false }),
    networkModel: fields.text('networkModel', { required: false }),
    networkDataplane: fields.text('networkDataplane', { required: false }),
    acnsObservability: fields.boolean('acnsObservability'),
    podCidr: fields.text('podCidr', { required: false }),
    serviceCidr: fields.text('serviceCidr', { required: false }),
    dnsServiceIp: fields.text('dnsServiceIp', { required: false }),
    nodePoolName: fields.text('nodePoolName', { required: false }),
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

function fieldsOf(input: unknown): InputFields {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalidClusterRequest([
      `input: expected an object of the action's fields, got ${kindOf(input)}`,
    ]);
  }
  return new InputFields(input as Record<string, unknown>);
}

/**
 * The plan action's input, checked before any call: types, printable text within
 * bounds, and what reaches an ARM URL (subscription, resource group, cluster name) and
 * the cluster's location by common's rules. Ranges (node count, maxPods, CIDRs) are the
 * plan's, against the policy and the pool's VNet.
 *
 * @throws InputError naming every bad field.
 */
export function readClusterInput(input: unknown): ClusterInput {
  const fields = fieldsOf(input);
  const shared = readSharedFields(fields);
  if (fields.problems.length > 0) {
    throw invalidClusterRequest(fields.problems);
  }
  return withoutUndefined(shared) as ClusterInput;
}

/**
 * The create action's input: the plan's fields, and the owner, system, components and
 * declared flow export that become the cluster's tags.
 *
 * @throws InputError naming every bad field.
 */
export function readCreateClusterInput(input: unknown): CreateClusterInput {
  const fields = fieldsOf(input);
  const shared = readSharedFields(fields);
  const tags = {
    owner: fields.text('owner', { required: true }),
    system: fields.text('system', { required: false }),
    components: fields.textList('components'),
    flowExport: fields.flowExportTools('flowExport'),
  };
  if (fields.problems.length > 0) {
    throw invalidClusterRequest(fields.problems);
  }
  return withoutUndefined({ ...shared, ...tags }) as CreateClusterInput;
}
