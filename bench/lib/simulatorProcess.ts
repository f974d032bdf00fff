/**
 * The ARM simulator as a separate process (its own bin, as `scripts/start.sh` runs it),
 * so its CPU and memory are not the bench's: the bench process holds only what the
 * plugin holds.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SimulatorFleet } from '@aks-network/azure-arm-simulator';
import type { JsonObject } from '@backstage/types';

const BIN = resolve(
  __dirname,
  '../../packages/azure-arm-simulator/bin/azure-arm-simulator',
);

export interface SimulatorProcess {
  url: string;
  caCertificate: string;
  pid: number;
  /**
   * The `aksNetwork.azure` config that reaches this simulator: its endpoint and CA,
   * the development credential with the token it expects, and the subscriptions to
   * read (every one the credential sees when left out).
   */
  azureConfig(subscriptions?: string[]): JsonObject;
  /** Calls counted by the simulator since it started (a reset re-seeds: slow). */
  calls(): Promise<{ total: number; byKind: Record<string, number> }>;
  close(): Promise<void>;
}

export async function startSimulatorProcess(options: {
  fleet: SimulatorFleet;
  pageSize: number;
  latencyMs: number;
  token: string;
  /** How long seeding may take before giving up. */
  startTimeoutMs?: number;
}): Promise<SimulatorProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'aks-bench-sim-'));
  const fleetFile = join(dir, 'fleet.yaml');
  // JSON is YAML: the simulator's loader reads it as it is.
  await writeFile(fleetFile, JSON.stringify(options.fleet));
  const caOut = join(dir, 'ca.pem');
  // BENCH_SIMULATOR_CPU_PROF=dir: the simulator's own CPU profile, written there
  // when it stops.
  const profile = process.env.BENCH_SIMULATOR_CPU_PROF;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
      BIN,
      '--port',
      '0',
      '--fleet',
      fleetFile,
      '--ca-out',
      caOut,
      '--page-size',
      String(options.pageSize),
      '--latency-ms',
      String(options.latencyMs),
      '--expected-token',
      options.token,
      '--quiet',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`simulator did not start: ${output}`)),
      options.startTimeoutMs ?? 180_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (https:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', code => {
      clearTimeout(timer);
      reject(new Error(`simulator exited (${code}): ${output}`));
    });
  });
  child.removeAllListeners('exit');
  const caCertificate = await readFile(caOut, 'utf8');
  // The admin endpoints answer loopback clients, over the simulator's own CA.
  const admin = (method: string, path: string) =>
    new Promise<any>((done, reject) => {
      const request = httpsRequest(
        `${url}${path}`,
        { method, ca: caCertificate },
        response => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', chunk => {
            body += chunk;
          });
          response.on('end', () =>
            response.statusCode === 200
              ? done(JSON.parse(body))
              : reject(new Error(`${method} ${path}: ${response.statusCode}`)),
          );
        },
      );
      request.on('error', reject);
      request.end();
    });
  return {
    url,
    caCertificate,
    pid: child.pid!,
    azureConfig: subscriptions => ({
      resourceManagerEndpoint: url,
      caCertificate,
      credential: { type: 'development', token: options.token },
      ...(subscriptions ? { subscriptions } : {}),
    }),
    calls: () => admin('GET', '/_simulator/calls'),
    close: async () => {
      const exited = new Promise(done => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
