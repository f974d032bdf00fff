import { z } from 'zod';
import {
  NETWORK_DATAPLANES,
  NETWORK_MODELS,
  NetworkDataplane,
  NetworkModel,
} from '../model';
import { NetworkRequestInput, NodePoolRequest } from './NetworkRequest';

/**
 * The one statement of the network request's shape, section by section: each key is
 * a field the reader knows (the unknown-field warnings come from these keys), each
 * value the zod schema its value is checked with. Optional fields are `.optional()`,
 * lists are `z.array` of their item schema and nested sections `z.object` of their
 * own shape, so the reader derives required-ness, item schemas and sections from
 * here too. No section's `z.object` is ever used to parse: the reader reads field
 * by field, so one bad field is one finding.
 */

const text = z.string();
const wholeNumber = z.number().int().finite();
const surge = z.union([z.number(), z.string()], {
  errorMap: () => ({
    message: "expected a node count or a percentage such as '33%'",
  }),
});

export const CLUSTER_SHAPE = {
  name: text,
  resourceGroup: text,
  location: text.optional(),
  kubernetesVersion: text.optional(),
};

export const VNET_SHAPE = {
  name: text.optional(),
  addressSpace: z.array(text).optional(),
};

export const NODE_SUBNET_SHAPE = {
  name: text.optional(),
  cidr: text.optional(),
  extraIps: wholeNumber.optional(),
};

export const NETWORK_SHAPE = {
  model: z.enum(NETWORK_MODELS as [NetworkModel, ...NetworkModel[]]).optional(),
  dataplane: z
    .enum(NETWORK_DATAPLANES as [NetworkDataplane, ...NetworkDataplane[]])
    .optional(),
  ipFamilies: z.array(z.enum(['IPv4', 'IPv6'])).optional(),
  podCidr: text.optional(),
  podCidrIpv6: text.optional(),
  serviceCidr: text.optional(),
  serviceCidrIpv6: text.optional(),
  dnsServiceIp: text.optional(),
  vnet: z.object(VNET_SHAPE).optional(),
  nodeSubnet: z.object(NODE_SUBNET_SHAPE).optional(),
  peeredRanges: z.array(text).optional(),
};

export const POOL_SHAPE = {
  name: text,
  mode: z.enum(['System', 'User']).optional(),
  osType: z.enum(['Linux', 'Windows']).optional(),
  count: wholeNumber,
  maxPods: wholeNumber.optional(),
  maxSurge: surge.optional(),
  vmSize: text.optional(),
};

export const REQUEST_SHAPE = {
  cluster: z.object(CLUSTER_SHAPE),
  network: z.object(NETWORK_SHAPE).optional(),
  nodePools: z.array(z.object(POOL_SHAPE)),
};

/**
 * `true` when A and B have the same keys, else the keys only one has (so the
 * compiler's message names them).
 */
type KeysAgree<A, B> = [
  Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>,
] extends [never]
  ? true
  : { onlyInOne: Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A> };

/** `true` when A and B are assignable both ways (same types, same optionality). */
type TypesAgree<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? true
    : false
  : false;

type Agrees<T extends true> = T;

// Fail compilation when the exported interfaces and the shape above part ways: a key
// in one and not the other, or a field whose type or optionality differs. Exported
// only so the compiler does not call them unused; the package index does not export
// this file.
export type ShapeAgreesWithInput = [
  Agrees<
    TypesAgree<z.input<z.ZodObject<typeof REQUEST_SHAPE>>, NetworkRequestInput>
  >,
  Agrees<KeysAgree<typeof REQUEST_SHAPE, NetworkRequestInput>>,
  Agrees<KeysAgree<typeof CLUSTER_SHAPE, NetworkRequestInput['cluster']>>,
  Agrees<
    KeysAgree<typeof NETWORK_SHAPE, NonNullable<NetworkRequestInput['network']>>
  >,
  Agrees<
    KeysAgree<
      typeof VNET_SHAPE,
      NonNullable<NonNullable<NetworkRequestInput['network']>['vnet']>
    >
  >,
  Agrees<
    KeysAgree<
      typeof NODE_SUBNET_SHAPE,
      NonNullable<NonNullable<NetworkRequestInput['network']>['nodeSubnet']>
    >
  >,
  Agrees<KeysAgree<typeof POOL_SHAPE, NodePoolRequest>>,
];
