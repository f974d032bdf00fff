import type {
  NetworkDataplane,
  NetworkModel,
} from '@aks-network/plugin-aks-network-common';

/** How people name each network model (docs/domain.md#arm-network-model, in Azure's own words). */
export const NETWORK_MODEL_LABELS: Record<NetworkModel, string> = {
  'azure-cni-overlay': 'Azure CNI Overlay',
  'azure-cni-pod-subnet': 'Azure CNI, pod subnet',
  'azure-cni-node-subnet': 'Azure CNI, flat (node subnet)',
  kubenet: 'kubenet',
  'byo-cni': 'Bring your own CNI',
};

/** The dataplane, as Azure names it ("Azure CNI powered by Cilium"). */
export const DATAPLANE_LABELS: Record<NetworkDataplane, string> = {
  azure: 'Azure dataplane',
  cilium: 'Cilium dataplane',
};

export function networkModelLabel(model: NetworkModel | null | undefined) {
  return model ? NETWORK_MODEL_LABELS[model] : 'Network model unknown';
}

export function dataplaneLabel(dataplane: NetworkDataplane | null | undefined) {
  return dataplane ? DATAPLANE_LABELS[dataplane] : 'No Azure dataplane';
}

/**
 * Dollars with cents, as the cost figures of the posture are (730 h a month); `—`
 * where there is no price (ACNS where it cannot run).
 */
export function formatUsd(value: number | null): string {
  if (value === null) {
    return '—';
  }
  return `$${value.toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })}`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** A moment as people read it, in their own locale and time zone. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
