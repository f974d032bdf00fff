import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateTls } from './cli';

describe('CLI certificate files', () => {
  it('writes the CA and a private key that git ignores, and reuses them on restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'arm-sim-'));
    const caOut = join(dir, 'sim', 'ca.pem');
    const first = await loadOrCreateTls(caOut);
    expect(first.reused).toBe(false);
    expect(await readFile(caOut, 'utf8')).toBe(first.tls.cert);
    expect((await stat(join(dir, 'sim', 'key.pem'))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, 'sim', '.gitignore'), 'utf8')).toBe('*\n');
    const second = await loadOrCreateTls(caOut);
    expect(second).toEqual({ tls: first.tls, reused: true });
  });
});
