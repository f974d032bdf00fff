import { X509Certificate, createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CLI_FAULT_OPTIONS, CLI_FAULT_USAGE, cliFaults } from './cliFaults';
import { loadFleet } from './fleet/loadFleet';
import { startArmSimulator } from './startArmSimulator';
import {
  createSelfSignedCertificate,
  TlsMaterial,
} from './tls/selfSignedCertificate';

/** The monorepo root: the nearest directory upwards whose package.json has workspaces. */
function repoRoot(from: string): string {
  let dir = from;
  for (;;) {
    const manifest = resolve(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
      if (
        typeof parsed === 'object' &&
        parsed !== null &&
        'workspaces' in parsed
      ) {
        return dir;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) {
      return process.cwd();
    }
    dir = parent;
  }
}

/**
 * Keeps the certificate across restarts: the backend trusts the CA file it read at
 * start, so a simulator that made a new certificate each time would break a running
 * backend. A stored pair is reused while valid for at least a day.
 */
export async function loadOrCreateTls(
  caOut: string,
): Promise<{ tls: TlsMaterial; reused: boolean }> {
  const keyOut = resolve(dirname(caOut), 'key.pem');
  if (existsSync(caOut) && existsSync(keyOut)) {
    try {
      const cert = readFileSync(caOut, 'utf8');
      const key = readFileSync(keyOut, 'utf8');
      const x509 = new X509Certificate(cert);
      const validFor = Date.parse(x509.validTo) - Date.now();
      if (
        validFor > 24 * 3600_000 &&
        x509.checkPrivateKey(createPrivateKey(key))
      ) {
        return { tls: { cert, key }, reused: true };
      }
    } catch {
      // Unreadable or mismatched files: make a new pair below.
    }
  }
  const tls = await createSelfSignedCertificate();
  await mkdir(dirname(caOut), { recursive: true });
  // The private key must never be committed: the directory ignores itself.
  await writeFile(resolve(dirname(caOut), '.gitignore'), '*\n');
  await writeFile(caOut, tls.cert);
  await writeFile(keyOut, tls.key, { mode: 0o600 });
  await chmod(keyOut, 0o600);
  return { tls, reused: false };
}

const USAGE = `azure-arm-simulator — an HTTPS Azure Resource Manager for local use

Options:
  --port <n>                   port (default 7443; 0 = any free port)
  --host <address>             interface (default 127.0.0.1)
  --fleet <file>               seed fleet YAML (default <repo>/examples/azure-fleet/fleet.yaml)
  --ca-out <file>              where to write the CA certificate (default <repo>/.local/azure-arm-simulator/ca.pem)
  --page-size <n>              items per list page (default 5)
  --operation-duration-ms <n>  how long a create stays InProgress (default 3000)
  --expected-token <token>     accept only this bearer token (default: any)
  --quiet                      do not log each request
${CLI_FAULT_USAGE}  --help                       this text
`;

/**
 * Runs the CLI. `startDir` is where to look upwards for the monorepo root (the bin
 * script passes its own directory; the working directory otherwise).
 */
export async function main(
  argv: string[],
  startDir: string = process.cwd(),
): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '7443' },
      host: { type: 'string', default: '127.0.0.1' },
      fleet: { type: 'string' },
      'ca-out': { type: 'string' },
      'page-size': { type: 'string', default: '5' },
      'operation-duration-ms': { type: 'string', default: '3000' },
      'expected-token': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
      ...CLI_FAULT_OPTIONS,
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const root = repoRoot(startDir);
  const fleetPath = resolve(
    root,
    values.fleet ?? 'examples/azure-fleet/fleet.yaml',
  );
  const caOut = resolve(
    root,
    values['ca-out'] ?? '.local/azure-arm-simulator/ca.pem',
  );
  const number = (name: string, text: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) {
      throw new Error(
        `--${name} must be a non-negative integer, got '${text}'`,
      );
    }
    return value;
  };
  const fleet = await loadFleet(fleetPath);
  const { tls, reused } = await loadOrCreateTls(caOut);
  const log = (line: string) =>
    process.stdout.write(`[azure-arm-simulator] ${line}\n`);
  const simulator = await startArmSimulator({
    port: number('port', values.port),
    host: values.host,
    fleet,
    tls,
    pageSize: number('page-size', values['page-size']),
    operationDurationMs: number(
      'operation-duration-ms',
      values['operation-duration-ms'],
    ),
    expectedToken: values['expected-token'],
    faults: cliFaults(values),
    logger: values.quiet ? undefined : log,
  });
  log(`listening on ${simulator.url}`);
  log(
    `seed fleet ${fleetPath}: ${fleet.subscriptions.length} subscriptions, ${
      simulator.state.clusters().length
    } clusters`,
  );
  log(
    `CA certificate ${caOut}${
      reused ? ' (reused)' : ' (new)'
    }; clients: tlsOptions { ca } or NODE_EXTRA_CA_CERTS=${caOut}`,
  );
  log(
    `admin: POST ${simulator.url}/_simulator/faults | POST /_simulator/reset | GET /_simulator/calls`,
  );
  const stop = () => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch(error => {
    process.stderr.write(
      `[azure-arm-simulator] ${
        error instanceof Error ? error.message : String(error)
      }\n`,
    );
    process.exit(1);
  });
}
