import { DUAL_STACK_MIN_KUBERNETES_VERSION } from '../facts';
import {
  formatKubernetesVersion,
  meetsKubernetesVersion,
  parseKubernetesVersion,
} from './KubernetesVersion';

describe('Kubernetes versions', () => {
  it.each<[string, ReturnType<typeof parseKubernetesVersion>]>([
    ['1.26.3', { major: 1, minor: 26, patch: 3 }],
    ['1.26', { major: 1, minor: 26 }],
    ['v1.30.1', { major: 1, minor: 30, patch: 1 }],
    [' 1.33 ', { major: 1, minor: 33 }],
    ['latest', undefined],
    ['1', undefined],
    ['1.26.3.4', undefined],
    ['1.26.x', undefined],
    ['', undefined],
  ])('reads %p', (text, expected) => {
    expect(parseKubernetesVersion(text)).toEqual(expected);
  });

  it.each<[string, boolean]>([
    ['1.26.2', false],
    ['1.26.3', true],
    ['1.26.10', true],
    // major.minor: AKS takes the newest patch of 1.26, which is past 1.26.3.
    ['1.26', true],
    ['1.25.99', false],
    ['1.25', false],
    ['1.27.0', true],
    ['0.99.99', false],
    ['2.0.0', true],
  ])('knows whether %s meets the dual-stack floor: %p', (text, expected) => {
    const version = parseKubernetesVersion(text);
    expect(version).toBeDefined();
    expect(
      meetsKubernetesVersion(version!, DUAL_STACK_MIN_KUBERNETES_VERSION),
    ).toBe(expected);
  });

  it('prints the floor', () => {
    expect(formatKubernetesVersion(DUAL_STACK_MIN_KUBERNETES_VERSION)).toBe(
      '1.26.3',
    );
  });
});
