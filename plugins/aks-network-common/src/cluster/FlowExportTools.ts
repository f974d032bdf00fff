/**
 * What one flow-export tool is: its name as shown, what it records of pod traffic, and
 * the public page that says so.
 *
 * @public
 */
export interface FlowExportToolInfo {
  /** The name shown on the cards, e.g. `Tetragon`. */
  name: string;
  /** What it records of pod traffic, in a few words. */
  records: string;
  /** Its own documentation of what it records. */
  source: string;
}

/**
 * The flow-export tools a cluster may declare as a compensating control for pod flows
 * Azure does not show (docs/domain.md#declared-controls: "the organisation may export
 * pod flows with tools of its own … declared, not verified"). The one home of their
 * ids and names: the tag value, the backend's config and the cards read them here.
 *
 * @public
 */
export const FLOW_EXPORT_TOOLS = {
  tetragon: {
    name: 'Tetragon',
    records:
      'eBPF events of each process, its network connections included, on every node',
    source: 'https://tetragon.io/docs/overview/',
  },
  linkerd: {
    name: 'linkerd',
    records:
      'metrics and live requests (tap) of the traffic between meshed pods, at each pod’s proxy',
    source: 'https://linkerd.io/2/features/telemetry/',
  },
  retina: {
    name: 'Retina',
    records: 'eBPF flow logs and network metrics of the pods on every node',
    source: 'https://retina.sh/docs/Introduction/intro',
  },
  istio: {
    name: 'Istio',
    records:
      'metrics, traces and access logs of the traffic between meshed pods, at each pod’s proxy',
    source: 'https://istio.io/latest/docs/concepts/observability/',
  },
} as const satisfies Record<string, FlowExportToolInfo>;

/**
 * The id of a known flow-export tool (`tetragon`, `linkerd`, `retina`, `istio`).
 *
 * @public
 */
export type FlowExportTool = keyof typeof FLOW_EXPORT_TOOLS;

/**
 * Every known flow-export tool id, in the order of {@link FLOW_EXPORT_TOOLS}.
 *
 * @public
 */
export const FLOW_EXPORT_TOOL_IDS = Object.freeze(
  Object.keys(FLOW_EXPORT_TOOLS) as FlowExportTool[],
);

/**
 * Whether a text is the id of a known flow-export tool.
 *
 * @public
 */
export function isFlowExportTool(value: string): value is FlowExportTool {
  return Object.prototype.hasOwnProperty.call(FLOW_EXPORT_TOOLS, value);
}

/**
 * What the flow-export tag's value declares: a comma-separated list of tool ids,
 * compared without case or surrounding space, empty entries skipped. Values that name
 * no known tool are only counted, never kept: they are user text.
 *
 * @public
 */
export function parseFlowExportTag(value: string): {
  tools: FlowExportTool[];
  unrecognisedCount: number;
} {
  const tools = new Set<FlowExportTool>();
  let unrecognisedCount = 0;
  for (const entry of value.split(',')) {
    const id = entry.trim().toLowerCase();
    if (id === '') {
      continue;
    }
    if (isFlowExportTool(id)) {
      tools.add(id);
    } else {
      unrecognisedCount += 1;
    }
  }
  return {
    tools: FLOW_EXPORT_TOOL_IDS.filter(tool => tools.has(tool)),
    unrecognisedCount,
  };
}
