import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/*
 * A PostgreSQL server of a test's own, for tests that stop or restart the database:
 * its own data directory under the temp dir and a free loopback port, never the shared
 * server the store tests use. Built with the server's own tools (initdb, pg_ctl).
 */

const run = promisify(execFile);

/** Where the server's tools are, or why there are none. */
export type PostgresBinaries =
  | { found: true; bindir: string; runAs?: { uid: number; gid: number } }
  | { found: false; reason: string };

/**
 * initdb and pg_ctl from /usr/local/bin, else `pg_config --bindir`. PostgreSQL refuses
 * to run as root, so as root they run as the `postgres` user.
 */
export function findPostgresBinaries(): PostgresBinaries {
  const candidates = ['/usr/local/bin'];
  try {
    candidates.push(
      execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim(),
    );
  } catch {
    // No pg_config: only /usr/local/bin is looked at.
  }
  const bindir = candidates.find(dir =>
    ['initdb', 'pg_ctl', 'postgres'].every(tool =>
      fs.existsSync(path.join(dir, tool)),
    ),
  );
  if (!bindir) {
    return {
      found: false,
      reason: `no initdb, pg_ctl and postgres in ${candidates.join(' or ')}`,
    };
  }
  if (process.getuid?.() !== 0) {
    return { found: true, bindir };
  }
  try {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
    return { found: true, bindir, runAs: { uid: id('-u'), gid: id('-g') } };
  } catch {
    return {
      found: false,
      reason:
        'running as root and there is no postgres user to run the server as',
    };
  }
}

/** A running server of the test's own. */
export interface EphemeralPostgres {
  /** Connection settings for knex's `pg` client (trust authentication). */
  connection: {
    host: string;
    port: number;
    user: string;
    database: string;
  };
  /** Stops the server at once, cutting its connections (`pg_ctl stop -m fast`). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory; resolves once it answers. */
  start(): Promise<void>;
  /** Stops it and removes its data directory. */
  destroy(): Promise<void>;
}

/** A free loopback port, as the kernel hands one out. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** initdb's a data directory and starts a server on a free port. */
export async function startEphemeralPostgres(
  binaries: Extract<PostgresBinaries, { found: true }>,
): Promise<EphemeralPostgres> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-network-pg-'));
  if (binaries.runAs) {
    fs.chownSync(dataDir, binaries.runAs.uid, binaries.runAs.gid);
  }
  const tool = (name: string, args: string[]) =>
    run(path.join(binaries.bindir, name), args, {
      ...(binaries.runAs ?? {}),
      cwd: dataDir,
      env: { ...process.env, LC_ALL: 'C' },
      timeout: 60_000,
    });
  await tool('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const port = await freePort();
  // Durability is not what these tests are about: fsync off keeps them quick.
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-k ${dataDir}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  const start = async () => {
    await tool('pg_ctl', [
      '-D',
      dataDir,
      '-l',
      path.join(dataDir, 'server.log'),
      '-o',
      options,
      '-w',
      '-t',
      '30',
      'start',
    ]);
  };
  const stop = async () => {
    await tool('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  };
  await start();
  return {
    connection: {
      host: '127.0.0.1',
      port,
      user: 'postgres',
      database: 'postgres',
    },
    stop,
    start,
    async destroy() {
      await stop().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
