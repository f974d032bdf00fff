import { ClusterRecord, DeclaredControl } from '../cluster';
import { clusterFleetFigures } from './ClusterFleetFigures';
import { PostureFinding, PostureStatus } from './PostureFinding';
import { assessClusterPosture } from './assessClusterPosture';
import {
  flatCluster,
  overlayCluster,
  vnetFlowLog,
} from './__fixtures__/clusters';

const NOW = new Date('2026-01-15T12:00:00Z');
const SAME_NODE = 'same-node-pod-to-pod-visible';
const HISTORY = 'communication-history-kept';
const TRAFFIC = 'egress-ingress-monitored';

function changed(
  base: () => ClusterRecord,
  change: (cluster: ClusterRecord) => void,
): () => ClusterRecord {
  return () => {
    const cluster = base();
    change(cluster);
    return cluster;
  };
}

/** Models, with the status Azure's data alone gives the same-node and history checks. */
const MODELS: Array<
  [string, () => ClusterRecord, PostureStatus, PostureStatus]
> = [
  ['overlay without ACNS or flow logs', overlayCluster, 'fail', 'fail'],
  [
    'overlay with ACNS observability',
    changed(overlayCluster, c => {
      c.addons.acns = { enabled: true, observability: true, security: false };
    }),
    'pass',
    'fail',
  ],
  [
    'overlay with a VNet flow log keeping 30 days',
    changed(overlayCluster, c => {
      c.flowLogs = [vnetFlowLog()];
    }),
    'fail',
    'pass',
  ],
  ['flat (node subnet)', flatCluster, 'fail', 'fail'],
  [
    'kubenet',
    changed(overlayCluster, c => {
      c.networkProfile = { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' };
    }),
    'fail',
    'fail',
  ],
  [
    'a BYO CNI',
    changed(overlayCluster, c => {
      c.networkProfile = { networkPlugin: 'none' };
    }),
    'unknown',
    'fail',
  ],
  [
    'overlay whose flow logs were not read',
    changed(overlayCluster, c => {
      c.unread = [
        {
          part: 'flowLogs',
          resourceId: '/subscriptions/00000000-0000-0000-0000-000000000001',
          error: 'AuthorizationFailed (HTTP 403)',
        },
      ];
    }),
    'fail',
    'unknown',
  ],
];

const DECLARATIONS: Array<[string, DeclaredControl[]]> = [
  ['nothing declared', []],
  ['Tetragon by tag', [{ tool: 'tetragon', source: 'tag' }]],
  ['Tetragon by config', [{ tool: 'tetragon', source: 'config' }]],
  [
    'Tetragon by tag and config',
    [
      { tool: 'tetragon', source: 'config' },
      { tool: 'tetragon', source: 'tag' },
    ],
  ],
];

const ROWS = MODELS.flatMap(([model, build, sameNode, history]) =>
  DECLARATIONS.map(
    ([declared, controls]) =>
      [model, declared, build, controls, sameNode, history] as const,
  ),
);

describe('declared flow export in the posture', () => {
  it.each(ROWS)(
    '%s, %s',
    (_model, _declared, build, controls, azureSameNode, azureHistory) => {
      const plain = build();
      const declared: ClusterRecord = {
        ...build(),
        ...(controls.length > 0 ? { declaredControls: controls } : {}),
      };
      const before = assessClusterPosture(plain, { now: NOW });
      const after = assessClusterPosture(declared, { now: NOW });
      const find = (posture: typeof after, id: string) =>
        posture.findings.find(f => f.id === id)!;

      // The table's Azure verdicts hold for the record without declarations.
      expect([
        find(before, SAME_NODE).status,
        find(before, HISTORY).status,
      ]).toEqual([azureSameNode, azureHistory]);

      for (const [id, azure, subject] of [
        [SAME_NODE, azureSameNode, 'Same-node pod-to-pod traffic'],
        [HISTORY, azureHistory, 'History of communications'],
      ] as const) {
        const azureFinding = find(before, id);
        const named = controls.map(control => ({
          ...control,
          name: 'Tetragon',
        }));
        const coveredDetail = expect.stringContaining(
          `Azure reports: ${azureFinding.detail}`,
        );
        const alsoDeclared = expect.stringContaining('Also declared in');
        const withDeclarations: PostureFinding =
          azure === 'pass'
            ? { ...azureFinding, detail: alsoDeclared, declaredControls: named }
            : {
                ...azureFinding,
                status: 'warn',
                azureStatus: azure,
                title: `${subject}: covered by Tetragon (declared)`,
                detail: coveredDetail,
                declaredControls: named,
              };
        const expected = controls.length > 0 ? withDeclarations : azureFinding;
        const finding = find(after, id);
        expect(finding).toEqual(expected);
        // A warning says the coverage is declared, not verified.
        expect(
          finding.status === 'warn' && azure !== 'warn'
            ? finding.detail.includes('declared, not verified')
            : true,
        ).toBe(true);
      }

      // Never counted as verified: the summary is Azure's verdict alone.
      expect(after.summary).toEqual(before.summary);
      // These tools do not replace VNet flow logs.
      expect(find(after, TRAFFIC)).toEqual(find(before, TRAFFIC));
      // The fleet shows the finding's own status, and keeps Azure's where a
      // declaration changed it (absent otherwise: the row is stored as before).
      const figures = clusterFleetFigures(declared, after);
      expect(figures.checks).toEqual({
        egressIngressMonitored: find(after, TRAFFIC).status,
        samePodToPodVisible: find(after, SAME_NODE).status,
        historyKept: find(after, HISTORY).status,
      });
      const turned = Object.fromEntries(
        (
          [
            ['samePodToPodVisible', SAME_NODE, azureSameNode],
            ['historyKept', HISTORY, azureHistory],
          ] as const
        )
          .filter(
            ([, id]) => find(after, id).status !== find(before, id).status,
          )
          .map(([key, , azure]) => [key, azure]),
      );
      expect(figures.azureChecks).toEqual(
        Object.keys(turned).length > 0 ? turned : undefined,
      );
      expect(clusterFleetFigures(plain, before).azureChecks).toBeUndefined();
    },
  );

  it('keeps the ACNS wording apart from the declaration', () => {
    const finding = assessClusterPosture(
      {
        ...overlayCluster(),
        declaredControls: [{ tool: 'tetragon', source: 'tag' }],
      },
      { now: NOW },
    ).findings.find(f => f.id === SAME_NODE)!;
    expect(finding.detail).toMatch(
      /^Azure reports: ACNS observability is off;/,
    );
    expect(finding.detail).toContain(
      "Declared in the cluster's flow-export tag",
    );
  });

  it('names each tool once, in the record’s order, and both sources', () => {
    const finding = assessClusterPosture(
      {
        ...overlayCluster(),
        declaredControls: [
          { tool: 'linkerd', source: 'config' },
          { tool: 'tetragon', source: 'config' },
          { tool: 'tetragon', source: 'tag' },
        ],
      },
      { now: NOW },
    ).findings.find(f => f.id === HISTORY)!;
    expect(finding.title).toBe(
      'History of communications: covered by linkerd and Tetragon (declared)',
    );
    expect(finding.detail).toContain(
      "Declared in the backend's config for its subscription and the cluster's flow-export tag",
    );
    expect(finding.declaredControls?.map(c => c.name)).toEqual([
      'linkerd',
      'Tetragon',
      'Tetragon',
    ]);
  });

  it.each([
    [
      1,
      [],
      'One value of the flow-export tag named no known tool and was ignored.',
      'fail',
    ],
    [
      2,
      [{ tool: 'retina', source: 'tag' } as DeclaredControl],
      '2 values of the flow-export tag named no known tool and were ignored.',
      'warn',
    ],
  ])(
    'says %s ignored value(s) were ignored, by count only',
    (count, controls, note, status) => {
      const finding = assessClusterPosture(
        {
          ...overlayCluster(),
          ...(controls.length > 0 ? { declaredControls: controls } : {}),
          ignoredFlowExportValues: count,
        },
        { now: NOW },
      ).findings.find(f => f.id === SAME_NODE)!;
      expect(finding.detail.endsWith(note)).toBe(true);
      expect(finding.status).toBe(status);
    },
  );
});
