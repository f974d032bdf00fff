import type {
  ClusterRecord,
  DeclaredControl,
} from '@aks-network/plugin-aks-network-common';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  SUB_A,
  SUB_B,
  clusterRecord,
} from '../database/__testUtils__/clusterRecords';
import { databaseServiceFor } from '../database/__testUtils__/testStore';
import { clusterRowFor } from '../database/clusterRows';
import { DatabaseAksNetworkStore } from '../database/DatabaseAksNetworkStore';
import { ClusterInventorySync } from './ClusterInventorySync';
import {
  declareControls,
  DEFAULT_DECLARED_CONTROL_SETTINGS,
  DeclaredControlSettings,
} from './declaredControls';
import type { InventoryReader } from './InventorySource';

jest.setTimeout(60_000);

const TAG = DEFAULT_DECLARED_CONTROL_SETTINGS.tagName;
const AT = new Date('2026-12-01T09:00:00Z');

const CONFIG_A: DeclaredControlSettings = {
  tagName: TAG,
  bySubscription: [{ subscriptionId: SUB_A.toLowerCase(), tools: ['linkerd'] }],
};

describe('declareControls', () => {
  it.each<
    [
      string,
      Record<string, string>,
      DeclaredControlSettings,
      DeclaredControl[] | undefined,
      number | undefined,
    ]
  >([
    [
      'the tag only',
      { [TAG]: 'tetragon' },
      DEFAULT_DECLARED_CONTROL_SETTINGS,
      [{ tool: 'tetragon', source: 'tag' }],
      undefined,
    ],
    [
      'the config only',
      {},
      CONFIG_A,
      [{ tool: 'linkerd', source: 'config' }],
      undefined,
    ],
    [
      'both, deduplicated and sorted by tool then source',
      { [TAG]: 'linkerd, Tetragon,tetragon' },
      CONFIG_A,
      [
        { tool: 'tetragon', source: 'tag' },
        { tool: 'linkerd', source: 'config' },
        { tool: 'linkerd', source: 'tag' },
      ],
      undefined,
    ],
    [
      'a tag named in another case, as Azure compares names',
      { 'AKS-Network-Flow-Export': 'retina' },
      DEFAULT_DECLARED_CONTROL_SETTINGS,
      [{ tool: 'retina', source: 'tag' }],
      undefined,
    ],
    [
      'an unknown value beside a known one',
      { [TAG]: 'tetragon,<script>' },
      DEFAULT_DECLARED_CONTROL_SETTINGS,
      [{ tool: 'tetragon', source: 'tag' }],
      1,
    ],
    [
      'unknown values only',
      { [TAG]: 'falco,zeek' },
      DEFAULT_DECLARED_CONTROL_SETTINGS,
      undefined,
      2,
    ],
    [
      'an empty tag',
      { [TAG]: ' , ' },
      DEFAULT_DECLARED_CONTROL_SETTINGS,
      undefined,
      undefined,
    ],
    [
      'a tag of another name',
      { 'flow-export': 'tetragon' },
      { tagName: 'flows', bySubscription: [] },
      undefined,
      undefined,
    ],
  ])('reads %s', (_label, tags, settings, declared, ignored) => {
    const record = declareControls(
      clusterRecord(SUB_A, 'aks-1', { tags }),
      settings,
    );
    expect(record.declaredControls).toEqual(declared);
    expect(record.ignoredFlowExportValues).toEqual(ignored);
    // Absent, not empty or zero, when nothing is declared or ignored.
    expect('declaredControls' in record).toBe(declared !== undefined);
    expect('ignoredFlowExportValues' in record).toBe(ignored !== undefined);
    // Only the count of an ignored value is kept, never its text.
    expect(JSON.stringify(record.declaredControls ?? [])).not.toMatch(
      /script|falco|zeek/,
    );
  });

  it('replaces what the record carried rather than merging it', () => {
    const stale: ClusterRecord = {
      ...clusterRecord(SUB_A, 'aks-1'),
      declaredControls: [{ tool: 'istio', source: 'config' }],
      ignoredFlowExportValues: 3,
    };
    const record = declareControls(stale, DEFAULT_DECLARED_CONTROL_SETTINGS);
    expect(record).toEqual(clusterRecord(SUB_A, 'aks-1'));
  });

  it("leaves a record that declares nothing as read: same JSON, same row's content hash", () => {
    const read = clusterRecord(SUB_B, 'aks-1', { tags: { owner: 'team-a' } });
    const stored = declareControls(read, CONFIG_A);
    expect(JSON.stringify(stored)).toBe(JSON.stringify(read));
    expect(clusterRowFor(stored, 'owner', AT).content_hash).toBe(
      clusterRowFor(read, 'owner', AT).content_hash,
    );
    const declared = declareControls(
      clusterRecord(SUB_A, 'aks-1', { tags: { owner: 'team-a' } }),
      CONFIG_A,
    );
    expect(clusterRowFor(declared, 'owner', AT).content_hash).not.toBe(
      clusterRowFor(
        clusterRecord(SUB_A, 'aks-1', { tags: { owner: 'team-a' } }),
        'owner',
        AT,
      ).content_hash,
    );
  });
});

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'the sync with declared flow export, on %p',
  databaseId => {
    it('stores the declarations, the fleet figures follow, and a config change rewrites the record', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseAksNetworkStore.create({
        database: databaseServiceFor(knex),
      });
      const tagged = clusterRecord(SUB_A, 'tagged', {
        tags: { [TAG]: 'tetragon,not-a-tool\n' },
      });
      const plain = clusterRecord(SUB_A, 'plain');
      const reader: InventoryReader = {
        readSubscription: async () => ({
          clusters: [tagged, plain],
          complete: true,
          errors: [],
          partialClusterIds: [],
        }),
      };
      const logger = mockServices.logger.mock();
      const syncWith = (declaredControls?: DeclaredControlSettings) =>
        new ClusterInventorySync({
          store,
          reader,
          subscriptions: { listSubscriptionIds: async () => [SUB_A] },
          logger,
          now: () => AT,
          declaredControls,
        });
      const checksOf = async () =>
        Object.fromEntries(
          (await store.listFleetClusters()).items.map(item => [
            item.name,
            item.figures.checks.samePodToPodVisible,
          ]),
        );

      await syncWith().run();
      expect((await store.getCluster(tagged.id))?.record).toMatchObject({
        declaredControls: [{ tool: 'tetragon', source: 'tag' }],
        ignoredFlowExportValues: 1,
      });
      expect((await store.getCluster(plain.id))?.record).toEqual(plain);
      // No ACNS: Azure fails both; the declared one is a warning in the fleet.
      expect(await checksOf()).toEqual({ tagged: 'warn', plain: 'fail' });
      // The ignored value is counted in the log, never quoted.
      const lines = logger.info.mock.calls.map(([line]) => String(line));
      expect(lines.filter(line => /flow-export/.test(line))).toEqual([
        `Cluster ${tagged.id}: 1 value(s) of its flow-export tag name no known tool; ignored`,
      ]);
      expect(lines.join('\n')).not.toContain('not-a-tool');

      // The subscription's config now declares linkerd: both records change.
      await syncWith({
        tagName: TAG,
        bySubscription: [
          { subscriptionId: SUB_A.toLowerCase(), tools: ['linkerd'] },
        ],
      }).run();
      expect(
        (await store.getCluster(plain.id))?.record.declaredControls,
      ).toEqual([{ tool: 'linkerd', source: 'config' }]);
      expect(
        (await store.getCluster(tagged.id))?.record.declaredControls,
      ).toEqual([
        { tool: 'tetragon', source: 'tag' },
        { tool: 'linkerd', source: 'config' },
      ]);
      expect(await checksOf()).toEqual({ tagged: 'warn', plain: 'warn' });
    });
  },
);
