import {
  ClusterRecord,
  DEFAULT_CLUSTER_TAG_NAMES,
  DeclaredControl,
  FLOW_EXPORT_TOOL_IDS,
  parseFlowExportTag,
} from '@aks-network/plugin-aks-network-common';
import type { AksNetworkBackendSettings } from '../config/aksNetworkBackendConfig';
import type { SubscriptionFlowExport } from '../config/compensatingControlsConfig';

/**
 * Where the sync reads the flow export a cluster declares
 * (docs/domain.md#declared-controls).
 *
 * @public
 */
export interface DeclaredControlSettings {
  /** The cluster tag, `aksNetwork.tags.flowExport`. */
  tagName: string;
  /** `aksNetwork.compensatingControls.flowExport`, subscription ids lower-cased. */
  bySubscription: readonly SubscriptionFlowExport[];
}

/**
 * The default tag, and nothing declared by config.
 *
 * @public
 */
export const DEFAULT_DECLARED_CONTROL_SETTINGS: DeclaredControlSettings = {
  tagName: DEFAULT_CLUSTER_TAG_NAMES.flowExport,
  bySubscription: [],
};

/**
 * The sync's declared-control settings from the backend's.
 *
 * @public
 */
export function declaredControlSettings(
  settings: Pick<AksNetworkBackendSettings, 'tags' | 'compensatingControls'>,
): DeclaredControlSettings {
  return {
    tagName: settings.tags.flowExport ?? DEFAULT_CLUSTER_TAG_NAMES.flowExport,
    bySubscription: settings.compensatingControls.flowExport,
  };
}

/** The tag's value; Azure compares tag names without case. */
function tagValue(record: ClusterRecord, tagName: string): string | undefined {
  const wanted = tagName.toLowerCase();
  return Object.entries(record.tags ?? {}).find(
    ([name]) => name.toLowerCase() === wanted,
  )?.[1];
}

function byToolThenSource(a: DeclaredControl, b: DeclaredControl): number {
  return (
    FLOW_EXPORT_TOOL_IDS.indexOf(a.tool) -
      FLOW_EXPORT_TOOL_IDS.indexOf(b.tool) || a.source.localeCompare(b.source)
  );
}

/**
 * The record as the sync stores it: with the flow export declared by the cluster's tag
 * and by the config of its subscription, deduplicated and sorted (by tool, as
 * `FLOW_EXPORT_TOOLS` lists them, then source), and the count of tag values that named
 * no known tool. Each field is left out when empty, so a record that declares nothing
 * is stored exactly as read and its content hash does not change; one whose
 * declarations change is written again, with its fleet figures.
 */
export function declareControls(
  record: ClusterRecord,
  settings: DeclaredControlSettings,
): ClusterRecord {
  // What a reader may have set is replaced, never merged.
  const {
    declaredControls: _declared,
    ignoredFlowExportValues: _ignored,
    ...read
  } = record;
  const value = tagValue(read, settings.tagName);
  const fromTag = value
    ? parseFlowExportTag(value)
    : { tools: [], unrecognisedCount: 0 };
  const subscriptionId = read.subscriptionId.toLowerCase();
  const fromConfig =
    settings.bySubscription.find(
      entry => entry.subscriptionId === subscriptionId,
    )?.tools ?? [];
  const controls = new Map<string, DeclaredControl>();
  for (const control of [
    ...fromTag.tools.map(tool => ({ tool, source: 'tag' as const })),
    ...fromConfig.map(tool => ({ tool, source: 'config' as const })),
  ]) {
    controls.set(`${control.tool}/${control.source}`, control);
  }
  const declared = [...controls.values()].sort(byToolThenSource);
  return {
    ...read,
    ...(declared.length > 0 ? { declaredControls: declared } : {}),
    ...(fromTag.unrecognisedCount > 0
      ? { ignoredFlowExportValues: fromTag.unrecognisedCount }
      : {}),
  };
}
