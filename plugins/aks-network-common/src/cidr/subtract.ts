import { Cidr, cidrSize, compareCidrs } from './cidr';
import { containsCidr, overlaps } from './cidrRelations';

/**
 * The addresses of `from` that are not in `remove`, as the fewest CIDRs, sorted by
 * address.
 *
 * Because blocks nest or are disjoint there are three cases: no overlap gives
 * `[from]`; `remove` covering `from` gives `[]`; otherwise `remove` sits inside
 * `from`, and walking from `from` down to `remove` one prefix bit at a time, the
 * half that does not hold `remove` is free each time. That yields
 * `remove.prefix - from.prefix` blocks, which is the minimum: no two of them can
 * merge into one aligned block.
 *
 * @public
 */
export function subtract(from: Cidr, remove: Cidr): Cidr[] {
  if (!overlaps(from, remove)) {
    return [from];
  }
  if (containsCidr(remove, from)) {
    return [];
  }
  const pieces: Cidr[] = [];
  let current: Cidr = from;
  while (current.prefix < remove.prefix) {
    const prefix = current.prefix + 1;
    const lower: Cidr = {
      family: from.family,
      network: current.network,
      prefix,
    };
    const upper: Cidr = {
      family: from.family,
      network: current.network + cidrSize(lower),
      prefix,
    };
    if (containsCidr(lower, remove)) {
      pieces.push(upper);
      current = lower;
    } else {
      pieces.push(lower);
      current = upper;
    }
  }
  return pieces.sort(compareCidrs);
}
