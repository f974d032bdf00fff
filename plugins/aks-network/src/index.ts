/**
 * Frontend of the AKS network plugin set: entity cards for a component's clusters
 * (network model, IP use, security posture, flow logs).
 *
 * @packageDocumentation
 */

export { aksNetworkPlugin, EntityAksNetworkCard } from './plugin';
export { isAksNetworkAvailable } from './components/EntityAksNetworkCard';
