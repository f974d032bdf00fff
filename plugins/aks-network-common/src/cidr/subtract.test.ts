import fc from 'fast-check';
import { lastAddress } from './cidr';
import { containsCidr, containsIp, overlaps } from './cidrRelations';
import { formatCidr, parseCidrOrThrow as cidr } from './parseCidr';
import { subtract } from './subtract';
import {
  addressIn,
  familyArb,
  randomOffsetArb,
  relatedCidrPairArb,
} from './__testUtils__/cidrArbitraries';

describe('subtract', () => {
  it.each<[string, string, string[]]>([
    ['10.0.0.0/16', '10.0.128.0/17', ['10.0.0.0/17']],
    ['10.0.0.0/24', '10.0.0.0/26', ['10.0.0.64/26', '10.0.0.128/25']],
    [
      '10.0.0.0/24',
      '10.0.0.64/27',
      ['10.0.0.0/26', '10.0.0.96/27', '10.0.0.128/25'],
    ],
    ['10.0.0.0/24', '10.0.1.0/24', ['10.0.0.0/24']],
    ['10.0.0.0/24', '10.0.0.0/16', []],
    ['10.0.0.0/24', '10.0.0.0/24', []],
    ['10.0.0.0/8', 'fd00::/8', ['10.0.0.0/8']],
    [
      'fd00::/8',
      'fd12::/16',
      [
        'fd00::/12',
        'fd10::/15',
        'fd13::/16',
        'fd14::/14',
        'fd18::/13',
        'fd20::/11',
        'fd40::/10',
        'fd80::/9',
      ],
    ],
  ])('%s minus %s', (from, remove, expected) => {
    expect(subtract(cidr(from), cidr(remove)).map(formatCidr)).toEqual(
      expected,
    );
  });

  it('partitions `from` with `remove`, in the fewest sorted pieces', () => {
    const caseArb = familyArb.chain(family =>
      fc.tuple(
        relatedCidrPairArb(family),
        fc.array(randomOffsetArb, { minLength: 8, maxLength: 8 }),
      ),
    );
    fc.assert(
      fc.property(caseArb, ([[from, remove], offsets]) => {
        const pieces = subtract(from, remove);

        for (const piece of pieces) {
          expect(containsCidr(from, piece)).toBe(true);
          expect(overlaps(piece, remove)).toBe(false);
        }
        // Sorted and disjoint: each piece ends before the next begins.
        for (let i = 0; i + 1 < pieces.length; i++) {
          expect(lastAddress(pieces[i]) < pieces[i + 1].network).toBe(true);
        }
        // Sample addresses of `from` (and its edges): each lies in exactly one of
        // the pieces or `remove`.
        const samples = [
          from.network,
          lastAddress(from),
          ...offsets.map(o => addressIn(from, o)),
        ];
        for (const address of samples) {
          const holders =
            pieces.filter(p => containsIp(p, from.family, address)).length +
            (containsIp(remove, from.family, address) ? 1 : 0);
          expect(holders).toBe(1);
        }
        // Fewest pieces: one per prefix bit between `from` and a nested `remove`.
        let expectedCount = 0;
        if (!overlaps(from, remove)) expectedCount = 1;
        else if (containsCidr(from, remove))
          expectedCount = remove.prefix - from.prefix;
        expect(pieces).toHaveLength(expectedCount);
      }),
      { numRuns: 200 },
    );
  });
});
