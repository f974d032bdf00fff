import { KubernetesVersionFloor } from '../facts';

/** A Kubernetes version as given: `1.26.3`, or `1.26` (AKS then takes the newest patch). */
export interface KubernetesVersion {
  major: number;
  minor: number;
  /** Absent for `major.minor`. */
  patch?: number;
}

const VERSION = /^v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,4}))?$/;

/** Reads `1.26.3`, `1.26` or `v1.26.3`; undefined for anything else. */
export function parseKubernetesVersion(
  text: string,
): KubernetesVersion | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) {
    return undefined;
  }
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    ...(match[3] !== undefined ? { patch: Number(match[3]) } : {}),
  };
}

/**
 * True when the version is at least the floor. A `major.minor` version stands for
 * the newest patch AKS offers of that minor version
 * (https://learn.microsoft.com/azure/aks/supported-kubernetes-versions), so `1.26`
 * meets a floor of `1.26.3`.
 */
export function meetsKubernetesVersion(
  version: KubernetesVersion,
  floor: KubernetesVersionFloor,
): boolean {
  if (version.major !== floor.major) {
    return version.major > floor.major;
  }
  if (version.minor !== floor.minor) {
    return version.minor > floor.minor;
  }
  return version.patch === undefined || version.patch >= floor.patch;
}

/** `1.26.3`. */
export function formatKubernetesVersion(floor: KubernetesVersionFloor): string {
  return `${floor.major}.${floor.minor}.${floor.patch}`;
}
