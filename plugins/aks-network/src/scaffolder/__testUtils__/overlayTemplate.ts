// The Backstage CLI's jest transform parses a .yaml import with the yaml package (the
// catalog's parser too) and hands over the document; the asset type says string, for
// webpack's file URL, so the test says what it reads. The template is no package of the
// monorepo, but it is what this plugin's fields are for: the tests read it as it is.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import parsed from '../../../../../templates/aks-overlay-cluster/template.yaml';

/** The parts of a template the tests read. */
export interface OverlayTemplate {
  kind: string;
  metadata: { name: string };
  spec: {
    parameters: Array<{
      title: string;
      required?: string[];
      properties: Record<string, Record<string, unknown>>;
    }>;
    steps: Array<{
      id: string;
      action: string;
      input: Record<string, unknown>;
    }>;
  };
}

/** `templates/aks-overlay-cluster/template.yaml` of this repository, parsed. */
export function overlayTemplate(): OverlayTemplate {
  return parsed as unknown as OverlayTemplate;
}
