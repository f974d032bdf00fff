import {
  Cidr,
  containsCidr,
  formatCidr,
  overlaps,
  parseCidr,
} from '../ip/IpRange';
import { JsonObject, objectAt, stringAt, stringsAt } from '../json/JsonValue';
import { ArmError } from '../server/ArmError';
import { AZURE_SMALLEST_IPV4_SUBNET_PREFIX } from './SubnetLimits';

/** A subnet's prefixes as text: `addressPrefix`, or `addressPrefixes` when that is what was sent. */
export function subnetPrefixTexts(subnet: JsonObject): string[] {
  const properties = objectAt(subnet, 'properties');
  const single = stringAt(properties, 'addressPrefix');
  return single ? [single] : stringsAt(properties, 'addressPrefixes');
}

/** The parsed prefixes of a stored subnet (stored ones are always valid). */
export function subnetCidrs(subnet: JsonObject): Cidr[] {
  return subnetPrefixTexts(subnet).flatMap(text => {
    const parsed = parseCidr(text);
    return parsed.ok ? [parsed.cidr] : [];
  });
}

/** The parsed address space of a stored VNet. */
export function vnetCidrs(vnet: JsonObject): Cidr[] {
  return stringsAt(
    objectAt(objectAt(vnet, 'properties'), 'addressSpace'),
    'addressPrefixes',
  ).flatMap(text => {
    const parsed = parseCidr(text);
    return parsed.ok ? [parsed.cidr] : [];
  });
}

/**
 * Checks a subnet prefix as the Network resource provider does, with its error codes:
 * - host bits set → `InvalidCIDRNotation` (Azure refuses `10.0.0.1/24`),
 * - malformed or smaller than a /29 → `NetcfgInvalidSubnet`,
 * - outside the VNet's address space → `NetcfgSubnetRangeOutsideVnet`,
 * - overlapping another subnet of the VNet → `NetcfgSubnetRangesOverlap`.
 */
export function checkSubnetPrefix(options: {
  subnetName: string;
  subnetId: string;
  vnetName: string;
  prefixText: string;
  vnetSpace: Cidr[];
  siblings: { name: string; cidrs: Cidr[] }[];
}): Cidr {
  const { subnetName, subnetId, vnetName, prefixText } = options;
  const parsed = parseCidr(prefixText);
  if (!parsed.ok) {
    if (parsed.reason.startsWith('host bits are set')) {
      throw new ArmError({
        statusCode: 400,
        code: 'InvalidCIDRNotation',
        message: `The address prefix ${prefixText} in resource ${subnetId} has an invalid CIDR notation: ${parsed.reason}.`,
      });
    }
    throw new ArmError({
      statusCode: 400,
      code: 'NetcfgInvalidSubnet',
      message: `Subnet '${subnetName}' is not valid in virtual network '${vnetName}': ${parsed.reason}.`,
    });
  }
  const cidr = parsed.cidr;
  if (
    cidr.family === 'ipv4' &&
    cidr.prefix > AZURE_SMALLEST_IPV4_SUBNET_PREFIX
  ) {
    throw new ArmError({
      statusCode: 400,
      code: 'NetcfgInvalidSubnet',
      message: `Subnet '${subnetName}' is not valid in virtual network '${vnetName}': the smallest subnet Azure supports is a /${AZURE_SMALLEST_IPV4_SUBNET_PREFIX}, got ${formatCidr(
        cidr,
      )}.`,
    });
  }
  if (!options.vnetSpace.some(space => containsCidr(space, cidr))) {
    throw new ArmError({
      statusCode: 400,
      code: 'NetcfgSubnetRangeOutsideVnet',
      message: `Subnet '${subnetName}' is not valid because its IP address range is outside the IP address range of virtual network '${vnetName}'.`,
    });
  }
  const clash = options.siblings.find(sibling =>
    sibling.cidrs.some(other => overlaps(other, cidr)),
  );
  if (clash) {
    throw new ArmError({
      statusCode: 400,
      code: 'NetcfgSubnetRangesOverlap',
      message: `Subnet '${subnetName}' is not valid because its IP address range overlaps with that of an existing subnet in virtual network '${vnetName}'.`,
      details: [
        {
          code: 'NetcfgSubnetRangesOverlap',
          message: `${formatCidr(cidr)} overlaps subnet '${
            clash.name
          }' (${clash.cidrs.map(formatCidr).join(', ')}).`,
          target: clash.name,
        },
      ],
    });
  }
  return cidr;
}
