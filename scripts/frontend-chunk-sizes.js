#!/usr/bin/env node
/*
 * The AKS network frontend's share of the app's production build: for every chunk of
 * packages/app/dist/static, the bytes its source map attributes to the plugin's own
 * sources (plugins/aks-network, and the parts of plugins/aks-network-common it
 * imports), raw and gzipped. Run after `./scripts/yarn.sh workspace app build`.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { SourceMapConsumer } = require('source-map-js');

const STATIC = path.resolve(__dirname, '../packages/app/dist/static');
const OURS = [
  ['frontend plugin', /plugins\/aks-network\/src\//],
  ['common (isomorphic)', /plugins\/aks-network-common\/src\//],
];

/** What a chunk holds, told by a test id only that part renders. */
const MARKERS = [
  ['aks-network-posture-card', 'EntityAksNetworkPostureCard'],
  ['aks-cluster-card', 'EntityAksClusterCard'],
  ['aks-fleet-sort', 'AksFleetPage'],
  ['aks-network-plan', 'AksNetworkPlan field'],
  ['chosen-subscription-status', 'AksSubscriptionPicker field'],
  ['pool-region-mismatch', 'AksAddressPoolPicker field'],
];

function attributed(code, map) {
  const consumer = new SourceMapConsumer(map);
  const lines = code.split('\n');
  const bytes = new Map();
  let previous;
  consumer.eachMapping(m => {
    if (previous && previous.generatedLine === m.generatedLine) {
      const length = m.generatedColumn - previous.generatedColumn;
      if (previous.source) {
        bytes.set(previous.source, (bytes.get(previous.source) ?? 0) + length);
      }
    } else if (previous?.source) {
      const rest =
        lines[previous.generatedLine - 1].length - previous.generatedColumn;
      bytes.set(previous.source, (bytes.get(previous.source) ?? 0) + rest);
    }
    previous = m;
  });
  return bytes;
}

const rows = [];
for (const file of fs.readdirSync(STATIC).filter(f => f.endsWith('.js'))) {
  const mapFile = path.join(STATIC, `${file}.map`);
  if (!fs.existsSync(mapFile)) continue;
  const code = fs.readFileSync(path.join(STATIC, file), 'utf8');
  const bytes = attributed(code, JSON.parse(fs.readFileSync(mapFile, 'utf8')));
  const ours = OURS.map(([label, pattern]) => [
    label,
    [...bytes]
      .filter(([source]) => pattern.test(source))
      .reduce((s, [, n]) => s + n, 0),
  ]);
  const total = ours.reduce((s, [, n]) => s + n, 0);
  if (total > 0) {
    rows.push({
      file,
      holds: file.startsWith('main.')
        ? 'app entry: plugin, API, extensions, field schemas and validator'
        : MARKERS.filter(([id]) => code.includes(`"${id}"`))
            .map(([, name]) => name)
            .join(', '),
      chunkRaw: Buffer.byteLength(code),
      chunkGzip: zlib.gzipSync(code).length,
      ours: Object.fromEntries(ours),
      total,
    });
  }
}
rows.sort((a, b) => b.total - a.total);
console.log(
  '| chunk | holds | chunk (bytes) | chunk gzip | of it the plugin | of it common |',
);
console.log('|:---|:---|---:|---:|---:|---:|');
for (const row of rows) {
  console.log(
    `| ${row.file.replace(/\.[0-9a-f]{12}\./, '.')} | ${row.holds} | ${
      row.chunkRaw
    } | ${row.chunkGzip} | ${row.ours['frontend plugin']} | ${
      row.ours['common (isomorphic)']
    } |`,
  );
}
const sum = key => rows.reduce((s, r) => s + r.ours[key], 0);
console.log(
  `\nplugin ${sum('frontend plugin')} bytes + common ${sum(
    'common (isomorphic)',
  )} bytes (minified, before gzip) in ${rows.length} chunks`,
);
