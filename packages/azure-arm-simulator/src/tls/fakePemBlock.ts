import { createHash } from 'node:crypto';

/**
 * A PEM-shaped block (`-----BEGIN <label>-----`, base64 in 64-character lines) whose
 * bytes are derived from `seed`: the same on every start for the same seed, different
 * for another. It is not a parseable certificate or key. The simulated clusters have
 * no API server a client could verify it against, and a fixed value per cluster lets
 * tests compare what a reader stored with what the simulator served.
 */
export function fakePemBlock(
  label: string,
  seed: string,
  length = 512,
): string {
  // SHA-256 in counter mode stretches the seed to the size of a small certificate.
  const blocks: Buffer[] = [];
  for (let counter = 0; blocks.length * 32 < length; counter++) {
    blocks.push(
      createHash('sha256').update(`${label}#${seed}#${counter}`).digest(),
    );
  }
  const body = Buffer.concat(blocks).subarray(0, length).toString('base64');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join(
    '\n',
  )}\n-----END ${label}-----\n`;
}
