import fc from 'fast-check';
import {
  AZURE_RULES,
  DOMAIN_FACTS,
  MAX_NODES_PER_CLUSTER,
  MAX_NODES_PER_KUBENET_CLUSTER,
  MAX_NODES_PER_NODE_POOL,
} from '../facts';
import { validateNetworkRequest } from './validateNetworkRequest';
import {
  errorsOf,
  roomyRequest,
  variant,
} from './__testUtils__/networkRequests';

/**
 * Pools of these counts (the first one System) in a request with room for 5,000 nodes.
 * No surge: surge nodes count against the pod CIDR, which the planner checks, not
 * against these limits.
 */
const pools = (counts: number[], model?: string) =>
  variant(r => {
    if (model) {
      r.network.model = model;
    }
    r.nodePools = counts.map((count, i) => ({
      name: `pool${i}`,
      count,
      maxSurge: 0,
    }));
  }, roomyRequest);

const errorRules = (input: unknown) =>
  errorsOf(input).map(f => `${f.field} ${f.rule}`);

describe('node count rules', () => {
  it('states the limits AKS documents', () => {
    expect(MAX_NODES_PER_NODE_POOL).toBe(1000);
    expect(MAX_NODES_PER_CLUSTER).toBe(5000);
    expect(MAX_NODES_PER_KUBENET_CLUSTER).toBe(400);
  });

  it.each<[string, number[], string | undefined, string[]]>([
    ['1,000 nodes in one pool', [1000], undefined, []],
    [
      '1,001 nodes in one pool',
      [1001],
      undefined,
      ['nodePools.0.count node-pool-count-limit'],
    ],
    [
      '1,001 nodes in the second pool',
      [3, 1001],
      undefined,
      ['nodePools.1.count node-pool-count-limit'],
    ],
    [
      '5,000 nodes in five pools',
      [1000, 1000, 1000, 1000, 1000],
      undefined,
      [],
    ],
    [
      '5,001 nodes in six pools',
      [1000, 1000, 1000, 1000, 1000, 1],
      undefined,
      ['nodePools node-count-range'],
    ],
    ['0 nodes in a user pool', [3, 0], undefined, []],
    ['401 nodes with overlay', [401], undefined, []],
    ['400 nodes with kubenet', [400], 'kubenet', []],
    [
      '401 nodes with kubenet',
      [401],
      'kubenet',
      ['nodePools kubenet-node-count-limit'],
    ],
    [
      '401 nodes with kubenet in two pools',
      [200, 201],
      'kubenet',
      ['nodePools kubenet-node-count-limit'],
    ],
    [
      '1,001 nodes in one kubenet pool: both limits',
      [1001],
      'kubenet',
      [
        'nodePools.0.count node-pool-count-limit',
        'nodePools kubenet-node-count-limit',
      ],
    ],
    [
      'a negative count',
      [3, -1],
      undefined,
      ['nodePools.1.count node-count-range'],
    ],
  ])('%s', (_, counts, model, expected) => {
    const input = pools(counts, model);
    expect(errorRules(input)).toEqual(expected);
    expect(validateNetworkRequest(input).request === undefined).toBe(
      expected.length > 0,
    );
  });

  it('names the field, the count and the limit', () => {
    expect(errorsOf(pools([3, 1001]))).toEqual([
      {
        field: 'nodePools.1.count',
        rule: 'node-pool-count-limit',
        severity: 'error',
        message:
          'nodePools.1.count is 1001; a node pool has at most 1000 nodes (add pools for more).',
        fact: AZURE_RULES.nodesPerPool,
      },
    ]);
    expect(errorsOf(pools([401], 'kubenet'))).toEqual([
      expect.objectContaining({
        field: 'nodePools',
        message:
          'The pools hold 401 nodes in all; a kubenet cluster has at most 400 (network.model kubenet: one route per node, 400 routes per route table).',
        fact: AZURE_RULES.kubenetNodes,
      }),
    ]);
    expect(errorsOf(pools([1000, 1000, 1000, 1000, 1000, 1]))).toEqual([
      expect.objectContaining({
        message: 'The pools hold 5001 nodes in all; a cluster has 1 to 5000.',
        fact: DOMAIN_FACTS.maxNodes,
      }),
    ]);
  });

  it('accepts any count n in one pool iff n ≤ 1,000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), n => {
        expect(errorRules(pools([n]))).toEqual(
          n <= MAX_NODES_PER_NODE_POOL
            ? []
            : ['nodePools.0.count node-pool-count-limit'],
        );
      }),
      { numRuns: 200 },
    );
  });

  it('accepts any kubenet cluster of n nodes iff n ≤ 400, however they are split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (total, cut) => {
          const first = Math.max(1, Math.min(total, cut));
          const counts = first === total ? [total] : [first, total - first];
          expect(errorRules(pools(counts, 'kubenet'))).toEqual(
            total <= MAX_NODES_PER_KUBENET_CLUSTER
              ? []
              : ['nodePools kubenet-node-count-limit'],
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('accepts any split of at most 5,000 nodes into pools of at most 1,000, and refuses one more node', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), {
          minLength: 1,
          maxLength: 8,
        }),
        counts => {
          const total = counts.reduce((a, b) => a + b, 0);
          expect(errorRules(pools(counts))).toEqual(
            total <= MAX_NODES_PER_CLUSTER
              ? []
              : ['nodePools node-count-range'],
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
