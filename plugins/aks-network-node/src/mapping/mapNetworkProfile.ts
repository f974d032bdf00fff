import type { ContainerServiceNetworkProfile } from '@azure/arm-containerservice';
import { ClusterNetworkProfile } from '@aks-network/plugin-aks-network-common';

/** ARM enum values are case-insensitive; the record keeps them lower case (ClusterNetworkProfile). */
function lowerEnum(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text.toLowerCase() : undefined;
}

function nonEmpty(values: string[] | undefined): string[] | undefined {
  const kept = values?.map(v => v.trim()).filter(v => v !== '');
  return kept && kept.length > 0 ? kept : undefined;
}

/**
 * The IPv4 entry of a dual-stack list (`podCidrs`, `serviceCidrs`). An IPv6 CIDR always
 * contains `:`, an IPv4 one never does; no stricter parse is needed to tell them apart.
 */
function firstIpv4(cidrs: string[] | undefined): string | undefined {
  return cidrs?.find(cidr => !cidr.includes(':'));
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/**
 * Maps ARM's `properties.networkProfile` (SDK model, api-version of
 * `@azure/arm-containerservice` 25.x) to the record's network profile.
 *
 * - `networkPlugin`, `networkPluginMode`, `networkPolicy` and `networkDataplane` are
 *   ARM enums, case-insensitive, and kept lower case so `classifyNetworkModel` and the
 *   posture rules compare them as written in docs/domain.md#arm-network-model (`azure` + `overlay`).
 * - `podCidr`/`serviceCidr` are ARM's singular IPv4 fields. When ARM only returned the
 *   plural lists (dual-stack clusters created with `podCidrs`), the IPv4 entry of the
 *   list is the same value, so it fills the singular field; nothing is invented.
 * - `outboundType` and `ipFamilies` keep ARM's spelling (`loadBalancer`, `IPv4`).
 */
export function mapNetworkProfile(
  profile: ContainerServiceNetworkProfile | undefined,
): ClusterNetworkProfile {
  if (!profile) {
    return {};
  }
  const podCidrs = nonEmpty(profile.podCidrs);
  const serviceCidrs = nonEmpty(profile.serviceCidrs);
  return withoutUndefined<ClusterNetworkProfile>({
    networkPlugin: lowerEnum(profile.networkPlugin),
    networkPluginMode: lowerEnum(profile.networkPluginMode),
    networkPolicy: lowerEnum(profile.networkPolicy),
    networkDataplane: lowerEnum(profile.networkDataplane),
    podCidr: profile.podCidr?.trim() || firstIpv4(podCidrs),
    podCidrs,
    serviceCidr: profile.serviceCidr?.trim() || firstIpv4(serviceCidrs),
    serviceCidrs,
    dnsServiceIp: profile.dnsServiceIP?.trim() || undefined,
    ipFamilies: nonEmpty(profile.ipFamilies),
    outboundType: profile.outboundType?.trim() || undefined,
  });
}
