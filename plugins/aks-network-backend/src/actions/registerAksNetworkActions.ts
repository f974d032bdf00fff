import type { AksNetworkActionDeps } from './actionDeps';
import { registerGetNetworkPostureAction } from './getNetworkPostureAction';
import { registerListClustersAction } from './listClustersAction';
import { registerPlanOverlayClusterAction } from './planOverlayClusterAction';

/**
 * Registers the plugin's actions in Backstage's actions registry, which the MCP
 * actions backend serves as tools (https://backstage.io/docs/ai/mcp-actions) when
 * `backend.actions.pluginSources` lists `aks-network`. Each reads with the caller's
 * credentials, through the permission, service method and wire shape of its route.
 */
export function registerAksNetworkActions(deps: AksNetworkActionDeps): void {
  registerGetNetworkPostureAction(deps);
  registerListClustersAction(deps);
  registerPlanOverlayClusterAction(deps);
}
