import type { ArmSimulator } from '@aks-network/azure-arm-simulator';

/**
 * The ARM writes the simulator accepted, as `METHOD kind` (`PUT subnets.createOrUpdate`,
 * `DELETE managedClusters.delete`), in order: what a test counts to prove nothing was
 * created twice or written at all.
 */
export function armWrites(simulator: ArmSimulator): string[] {
  return simulator
    .calls()
    .log.filter(
      call =>
        call.method !== 'GET' &&
        // A Resource Graph query is a read sent as a POST.
        call.kind !== 'resourceGraph.resources' &&
        call.status < 300,
    )
    .map(call => `${call.method} ${call.kind}`);
}

/** How often one kind of write was accepted. */
export function countOf(writes: string[], write: string): number {
  return writes.filter(w => w === write).length;
}

/** Every resource the simulator holds, as JSON: compared before and after a refusal. */
export function azureState(simulator: ArmSimulator): string {
  return JSON.stringify(simulator.state.resources());
}
