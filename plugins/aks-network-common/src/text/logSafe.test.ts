import fc from 'fast-check';
import { LOG_SAFE_MAX_LENGTH, logSafe } from './logSafe';
import { findUnsafeCharacter, unsafeTextProblem } from './unsafeCharacters';

describe('logSafe', () => {
  it('keeps a cluster id with a newline and ANSI colour codes on one line, escaped', () => {
    const forged =
      '/subscriptions/x/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c\n' +
      '\u001b[32m2026-12-01T09:00:00.000Z info  aks-network Granted admin to guest\u001b[0m';
    const safe = logSafe(forged);
    expect(safe.split('\n')).toHaveLength(1);
    expect(safe.includes('\u001b')).toBe(false);
    expect(safe).toContain('managedClusters/c\\n\\u001b[32m2026-12-01');
    expect(safe).toContain('\\u001b[0m');
  });

  it('escapes tabs, carriage returns, DEL, C1 controls, bidi overrides and line separators', () => {
    expect(logSafe('a\tb\rc\u007fd\u0085e\u202ef\u2066g\u2028h')).toBe(
      'a\\tb\\rc\\u007fd\\u0085e\\u202ef\\u2066g\\u2028h',
    );
    expect(logSafe('lone \ud800 half')).toBe('lone \\ud800 half');
    // A pair is a character: kept.
    expect(logSafe('pool 🌍')).toBe('pool 🌍');
  });

  it('cuts long text between characters and says how long it was', () => {
    const safe = logSafe('x'.repeat(150) + '\n'.repeat(100));
    expect(safe.startsWith(`${'x'.repeat(150)}\\n`)).toBe(true);
    expect(safe).toMatch(/… \(cut; 250 characters in all\)$/);
    // No escape is split: what comes before the ellipsis ends with a whole "\n".
    expect(safe.split('…')[0]).toMatch(/(\\n)+$/);
    expect(safe.split('…')[0].length).toBeLessThanOrEqual(LOG_SAFE_MAX_LENGTH);
  });

  it('reads errors by their message and survives values that cannot be printed', () => {
    expect(logSafe(new Error('boom\nforged'))).toBe('boom\\nforged');
    expect(
      logSafe({
        toString() {
          throw new Error('no');
        },
      }),
    ).toBe('(unprintable value)');
  });

  it('never lets an unsafe character through and stays short, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), text => {
        const safe = logSafe(text);
        expect(findUnsafeCharacter(safe)).toBeUndefined();
        // Throws on a lone surrogate.
        expect(() => encodeURIComponent(safe)).not.toThrow();
        expect(safe.length).toBeLessThanOrEqual(LOG_SAFE_MAX_LENGTH + 40);
      }),
      { numRuns: 500 },
    );
  });
});

describe('unsafeTextProblem', () => {
  it.each([
    ['a newline', 'a\nb', 'U+000A'],
    ['ESC', '\u001b[31m', 'U+001B'],
    ['an RTL override', 'vnet\u202ehcae', 'U+202E'],
    ['a left-to-right mark', 'rg\u200e', 'U+200E'],
    ['a right-to-left isolate', '\u2067x', 'U+2067'],
  ])('names %s by its code point', (_label, text, codePoint) => {
    expect(unsafeTextProblem(text)).toContain(codePoint);
  });

  it('passes printable text, accents and emoji included', () => {
    expect(
      unsafeTextProblem('Réseau de production — Europe de l’Ouest 🌍'),
    ).toBe(undefined);
  });
});
