import { ClusterRecord, DeclaredControl, FLOW_EXPORT_TOOLS } from '../cluster';
import { PostureDeclaredControl, PostureFinding } from './PostureFinding';

const SOURCE_WORDS: Record<DeclaredControl['source'], string> = {
  tag: "the cluster's flow-export tag",
  config: "the backend's config for its subscription",
};

/** `a`, `a and b`, `a, b and c`. */
function listed(words: string[]): string {
  return words.length <= 1
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** The record's declared controls as findings list them, with each tool's name. */
function declaredControlsOf(cluster: ClusterRecord): PostureDeclaredControl[] {
  return (cluster.declaredControls ?? []).map(control => ({
    tool: control.tool,
    name: FLOW_EXPORT_TOOLS[control.tool].name,
    source: control.source,
  }));
}

/** What the record says of ignored tag values: their count only, never their text. */
function ignoredNote(cluster: ClusterRecord): string {
  const count = cluster.ignoredFlowExportValues ?? 0;
  if (count <= 0) {
    return '';
  }
  return count === 1
    ? ' One value of the flow-export tag named no known tool and was ignored.'
    : ` ${count} values of the flow-export tag named no known tool and were ignored.`;
}

/**
 * A check Azure judged, with the flow export the cluster declares
 * (docs/domain.md#declared-controls: "declared, not verified"). Azure's pass stays a
 * pass and lists the controls; anything short of it (fail, warn, unknown) becomes a
 * warning titled "<subject>: covered by Tetragon (declared)", whose detail keeps what
 * Azure reports. The declaration never makes the check pass: the tools run inside the
 * cluster, where Azure cannot see whether they record anything.
 */
export function withDeclaredControls(
  azure: PostureFinding,
  cluster: ClusterRecord,
  subject: string,
): PostureFinding {
  const controls = declaredControlsOf(cluster);
  const ignored = ignoredNote(cluster);
  if (controls.length === 0) {
    return ignored ? { ...azure, detail: `${azure.detail}${ignored}` } : azure;
  }
  const names = listed(unique(controls.map(control => control.name)));
  const from = listed(
    unique(controls.map(control => SOURCE_WORDS[control.source])),
  );
  if (azure.status === 'pass') {
    return {
      ...azure,
      detail: `${azure.detail} Also declared in ${from}: ${names}, not verified.${ignored}`,
      declaredControls: controls,
    };
  }
  const records = unique(controls.map(control => control.tool))
    .map(
      tool =>
        `${FLOW_EXPORT_TOOLS[tool].name} records ${FLOW_EXPORT_TOOLS[tool].records}`,
    )
    .join('; ');
  return {
    ...azure,
    status: 'warn',
    azureStatus: azure.status,
    title: `${subject}: covered by ${names} (declared)`,
    detail: `Azure reports: ${azure.detail} Declared in ${from}: ${records}. The coverage is declared, not verified: Azure does not show what runs inside the cluster.${ignored}`,
    declaredControls: controls,
  };
}
