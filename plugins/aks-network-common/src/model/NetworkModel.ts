/**
 * How an AKS cluster gives pods their IPs. The values are the
 * `aks.azure.com/network-model` annotation values of the entity contract (docs/domain.md#entity-contract).
 *
 * - `azure-cni-overlay`: nodes take VNet IPs, pods take IPs from a private pod CIDR.
 * - `azure-cni-pod-subnet`: pods take VNet IPs from a separate pod subnet (dynamic).
 * - `azure-cni-node-subnet`: flat Azure CNI, pods take VNet IPs from the node subnet.
 * - `kubenet`: pods take IPs from a pod CIDR behind route tables (retiring).
 * - `byo-cni`: network plugin `none`, the owner brings a CNI.
 *
 * @public
 */
export type NetworkModel =
  | 'azure-cni-overlay'
  | 'azure-cni-pod-subnet'
  | 'azure-cni-node-subnet'
  | 'kubenet'
  | 'byo-cni';

/**
 * Every network model, in the order a UI should list them (the target model first).
 *
 * @public
 */
export const NETWORK_MODELS: readonly NetworkModel[] = [
  'azure-cni-overlay',
  'azure-cni-pod-subnet',
  'azure-cni-node-subnet',
  'kubenet',
  'byo-cni',
];

/**
 * The dataplane: `cilium` is Azure CNI powered by Cilium (docs/domain.md#arm-network-model: "networkDataplane
 * cilium"), `azure` is everything else. The `aks.azure.com/network-dataplane` values.
 *
 * @public
 */
export type NetworkDataplane = 'azure' | 'cilium';

/**
 * Every dataplane.
 *
 * @public
 */
export const NETWORK_DATAPLANES: readonly NetworkDataplane[] = [
  'azure',
  'cilium',
];

/**
 * Whether a value is one of {@link NETWORK_MODELS}.
 *
 * @public
 */
export function isNetworkModel(value: unknown): value is NetworkModel {
  return (NETWORK_MODELS as readonly unknown[]).includes(value);
}

/**
 * Whether pods of this model take their IPs from a private pod CIDR, one /24 per node
 * (docs/domain.md#pod-cidr-capacity: "each node gets a fixed /24 of it"). True for overlay and kubenet; flat and
 * pod-subnet pods take VNet IPs; a BYO CNI decides for itself.
 *
 * @public
 */
export function usesPodCidr(model: NetworkModel): boolean {
  return model === 'azure-cni-overlay' || model === 'kubenet';
}
