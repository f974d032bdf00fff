import { Cidr, IpFamily } from '../cidr';
import { NetworkDataplane, NetworkModel } from '../model';
import { IpFamilyName, NodePoolOsType } from './NetworkRequest';

/** A range that parsed, with the field it came from. */
export interface ParsedRange {
  field: string;
  /** Canonical text. */
  text: string;
  cidr: Cidr;
  /** True when the value is the AKS default, not the user's. */
  isDefault?: boolean;
}

/** A pool as far as it could be read. */
export interface PoolDraft {
  field: string;
  name?: string;
  mode: 'System' | 'User';
  /** `Linux` unless the request says otherwise (or the value could not be read). */
  osType: NodePoolOsType;
  count?: number;
  maxPods: number | undefined;
  maxSurge?: number;
  vmSize?: string;
}

/**
 * What could be read of the request: fields that failed to read are undefined (and
 * already have a finding), so each rule checks only what it can.
 */
export interface RequestDraft {
  cluster: {
    name?: string;
    resourceGroup?: string;
    location?: string;
    kubernetesVersion?: string;
  };
  model?: NetworkModel;
  dataplane?: NetworkDataplane;
  ipFamilies?: IpFamilyName[];
  podCidr?: ParsedRange;
  podCidrIpv6?: ParsedRange;
  serviceCidr?: ParsedRange;
  serviceCidrIpv6?: ParsedRange;
  dnsServiceIp?: {
    field: string;
    text: string;
    family: IpFamily;
    value: bigint;
    isDefault?: boolean;
  };
  vnetName?: string;
  vnetAddressSpace?: ParsedRange[];
  nodeSubnetName?: string;
  nodeSubnet?: ParsedRange;
  extraIps?: number;
  peeredRanges: ParsedRange[];
  /** Undefined when `nodePools` itself could not be read. */
  nodePools?: PoolDraft[];
  /** Fields that already have an error from reading; rules do not repeat them. */
  rejectedFields: ReadonlySet<string>;
}
