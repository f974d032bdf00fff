import fc from 'fast-check';
import { AZURE_RULES } from '../facts';
import { validateNetworkRequest } from './validateNetworkRequest';
import { rulesOf, variant } from './__testUtils__/networkRequests';

const pool = (name: unknown, osType?: string) =>
  variant(r => {
    r.nodePools = [
      { name: 'system', count: 3 },
      { name, count: 1, ...(osType ? { osType } : {}) },
    ];
  });

const LOWER = 'abcdefghijklmnopqrstuvwxyz'.split('');
const DIGITS = '0123456789'.split('');
const nameArb = (min: number, max: number) =>
  fc
    .tuple(
      fc.constantFrom(...LOWER),
      fc.array(fc.constantFrom(...LOWER, ...DIGITS), {
        minLength: min - 1,
        maxLength: max - 1,
      }),
    )
    .map(([first, rest]) => first + rest.join(''));

describe('node pool name rules', () => {
  it.each<[string, string, string | undefined, string[]]>([
    ['one letter', 'a', undefined, []],
    ['12 characters, the longest Linux name', 'userpool0001', undefined, []],
    [
      '13 characters, one too many for Linux',
      'userpool00001',
      undefined,
      ['nodePools.1.name node-pool-name-too-long error'],
    ],
    ['12 characters, Linux said', 'userpool0001', 'Linux', []],
    ['6 characters, the longest Windows name', 'win001', 'Windows', []],
    [
      '7 characters, one too many for Windows',
      'win0001',
      'Windows',
      ['nodePools.1.name node-pool-name-too-long error'],
    ],
    [
      '12 characters on Windows',
      'userpool0001',
      'Windows',
      ['nodePools.1.name node-pool-name-too-long error'],
    ],
    [
      'a capital',
      'Userpool',
      undefined,
      ['nodePools.1.name node-pool-name-invalid error'],
    ],
    [
      'a leading digit',
      '1pool',
      undefined,
      ['nodePools.1.name node-pool-name-invalid error'],
    ],
    [
      'a hyphen',
      'user-pool',
      undefined,
      ['nodePools.1.name node-pool-name-invalid error'],
    ],
    [
      'an underscore',
      'user_pool',
      undefined,
      ['nodePools.1.name node-pool-name-invalid error'],
    ],
    [
      'a trailing space',
      'user ',
      undefined,
      ['nodePools.1.name node-pool-name-invalid error'],
    ],
    [
      'both wrong: 13 characters with capitals',
      'UserPool00001',
      undefined,
      [
        'nodePools.1.name node-pool-name-invalid error',
        'nodePools.1.name node-pool-name-too-long error',
      ],
    ],
    [
      'an OS type AKS does not spell so',
      'user',
      'windows',
      ['nodePools.1.osType input-type error'],
    ],
  ])('%s: %p (%p)', (_, name, osType, expected) => {
    expect(rulesOf(pool(name, osType))).toEqual(expected);
  });

  it('names the field, the value and the limit', () => {
    const findings = (name: string, osType?: string) =>
      validateNetworkRequest(pool(name, osType)).findings;
    expect(findings('userpool00001')).toEqual([
      {
        field: 'nodePools.1.name',
        rule: 'node-pool-name-too-long',
        severity: 'error',
        message:
          "nodePools.1.name 'userpool00001' has 13 characters; a Linux node pool name has at most 12.",
        fact: AZURE_RULES.nodePoolName,
      },
    ]);
    expect(findings('win0001', 'Windows')[0].message).toBe(
      "nodePools.1.name 'win0001' has 7 characters; a Windows node pool name has at most 6.",
    );
    expect(findings('Userpool')[0].message).toBe(
      "nodePools.1.name 'Userpool' is not a valid node pool name: use lowercase letters and digits only, starting with a letter.",
    );
  });

  it('carries the OS type into the normalised request, Linux by default', () => {
    const { request } = validateNetworkRequest(pool('win001', 'Windows'));
    expect(request?.nodePools.map(p => p.osType)).toEqual(['Linux', 'Windows']);
  });

  it('accepts any name of /^[a-z][a-z0-9]{0,11}$/ for Linux, /^[a-z][a-z0-9]{0,5}$/ for Windows', () => {
    fc.assert(
      fc.property(nameArb(1, 12), name => {
        fc.pre(name !== 'system');
        expect(rulesOf(pool(name))).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(nameArb(1, 6), name => {
        fc.pre(name !== 'system');
        expect(rulesOf(pool(name, 'Windows'))).toEqual([]);
      }),
    );
  });

  it('refuses any longer name', () => {
    fc.assert(
      fc.property(nameArb(13, 40), name => {
        expect(rulesOf(pool(name))).toEqual([
          'nodePools.1.name node-pool-name-too-long error',
        ]);
      }),
    );
    fc.assert(
      fc.property(nameArb(7, 40), name => {
        expect(rulesOf(pool(name, 'Windows'))).toEqual([
          'nodePools.1.name node-pool-name-too-long error',
        ]);
      }),
    );
  });

  it('refuses any name with a capital, whatever its length', () => {
    fc.assert(
      fc.property(
        nameArb(1, 12),
        fc.nat(),
        fc.constantFrom(...LOWER.map(c => c.toUpperCase())),
        (name, at, capital) => {
          // 'System' would also be the first pool's name twice.
          fc.pre(name !== 'system');
          const i = at % name.length;
          const withCapital = name.slice(0, i) + capital + name.slice(i + 1);
          expect(rulesOf(pool(withCapital))).toEqual([
            'nodePools.1.name node-pool-name-invalid error',
          ]);
        },
      ),
    );
  });
});
