import { Cidr } from './cidr';
import { blockSize, IpFamily, ipFamilyBits, maxIpValue } from './ipFamily';

/**
 * The fewest CIDRs that exactly cover the inclusive address range
 * `first`..`last`, in address order (empty when `first > last`). Each step takes
 * the largest block that starts at the current address (its alignment allows)
 * and still ends inside the range.
 *
 * @throws RangeError when an address is out of range for the family.
 * @public
 */
export function rangeToCidrs(
  family: IpFamily,
  first: bigint,
  last: bigint,
): Cidr[] {
  const max = maxIpValue(family);
  if (first < 0n || last < 0n || first > max || last > max) {
    throw new RangeError('address out of range for the family');
  }
  const bits = ipFamilyBits(family);
  const result: Cidr[] = [];
  let start = first;
  while (start <= last) {
    // Lowest set bit of `start` bounds the alignment; address 0 is aligned to all.
    let prefix = start === 0n ? 0 : bits - bitLength(start & -start) + 1;
    while (start + blockSize(family, prefix) - 1n > last) {
      prefix++;
    }
    result.push({ family, network: start, prefix });
    start += blockSize(family, prefix);
  }
  return result;
}

/** Number of bits needed to write `value` (> 0) in binary. */
function bitLength(value: bigint): number {
  return value.toString(2).length;
}
