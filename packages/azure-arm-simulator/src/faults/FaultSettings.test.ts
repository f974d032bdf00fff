import { FaultInjector } from './FaultInjector';
import { validateFaultSettings } from './FaultSettings';
import { SeededRandom } from './SeededRandom';
import { surgeNodes } from '../resources/ClusterNetworking';

describe('fault settings', () => {
  it('accepts valid settings and refuses bad ones by name', () => {
    expect(
      validateFaultSettings({
        throttleRate: 0.3,
        seed: 4,
        failOperations: [{ resourceNamePattern: 'x', code: 'C', message: 'm' }],
      }),
    ).toEqual({
      throttleRate: 0.3,
      seed: 4,
      failOperations: [{ resourceNamePattern: 'x', code: 'C', message: 'm' }],
    });
    expect(() =>
      validateFaultSettings({ throttleRate: 0.6, serverErrorRate: 0.6 }),
    ).toThrow(/must not exceed 1/);
    expect(() => validateFaultSettings({ latencyMs: -1 })).toThrow(/latencyMs/);
    expect(() => validateFaultSettings({ pathPattern: '(' })).toThrow(
      /pathPattern/,
    );
    expect(() => validateFaultSettings([])).toThrow(/JSON object/);
    expect(
      validateFaultSettings({ deniedActions: [' Microsoft.X/y/read '] }),
    ).toEqual({ deniedActions: ['Microsoft.X/y/read'] });
    expect(() => validateFaultSettings({ deniedActions: [''] })).toThrow(
      /deniedActions/,
    );
    expect(() =>
      validateFaultSettings({ deniedActions: 'Microsoft.X/y/read' }),
    ).toThrow(/deniedActions/);
  });

  it('denies actions case-insensitively, with role-definition wildcards', () => {
    const injector = new FaultInjector({
      deniedActions: ['Microsoft.ContainerService/managedClusters/*/action'],
    });
    expect(
      injector.denies(
        'microsoft.containerservice/managedclusters/listClusterUserCredential/action',
      ),
    ).toBe(true);
    expect(
      injector.denies('Microsoft.ContainerService/managedClusters/read'),
    ).toBe(false);
    // A dot in the action is literal, not "any character".
    expect(
      new FaultInjector({ deniedActions: ['Microsoft.X/y/read'] }).denies(
        'MicrosoftxX/y/read',
      ),
    ).toBe(false);
  });

  it('draws the same faults for the same seed', () => {
    const draw = () => {
      const injector = new FaultInjector({ throttleRate: 0.3, seed: 9 });
      return Array.from({ length: 100 }, () => injector.decide('GET', '/x'));
    };
    const first = draw();
    expect(first).toEqual(draw());
    const throttled = first.filter(f => f === 'throttle').length;
    expect(throttled).toBeGreaterThan(15);
    expect(throttled).toBeLessThan(45);
    expect(new SeededRandom(1).next()).toBe(new SeededRandom(1).next());
  });

  it('picks failing, stuck and slow operations by resource name, type and method', () => {
    const injector = new FaultInjector({
      failOperations: [
        {
          resourceNamePattern: '^aks-bad',
          code: 'QuotaExceeded',
          message: 'no cores',
        },
        {
          resourceNamePattern: '^aks-put-only$',
          resourceType: 'Microsoft.ContainerService/managedClusters',
          method: 'PUT',
          code: 'OverconstrainedAllocationRequest',
          message: 'Allocation failed.',
        },
      ],
      stuckOperations: [{ resourceNamePattern: 'slow', method: 'PUT' }],
      slowOperations: [{ resourceNamePattern: '^aks-late$', durationMs: 5000 }],
    });
    const cluster = (
      resourceName: string,
      method: 'PUT' | 'DELETE' = 'PUT',
    ) => ({
      resourceName,
      // As the simulator stores it; faults compare types case-insensitively.
      resourceType: 'Microsoft.ContainerService/ManagedClusters',
      method,
    });
    expect(injector.operationOutcome(cluster('AKS-BAD-1'))).toEqual({
      kind: 'fail',
      code: 'QuotaExceeded',
      message: 'no cores',
    });
    expect(injector.operationOutcome(cluster('aks-put-only'))).toMatchObject({
      kind: 'fail',
      code: 'OverconstrainedAllocationRequest',
    });
    expect(
      injector.operationOutcome(cluster('aks-put-only', 'DELETE')),
    ).toEqual({ kind: 'normal' });
    expect(
      injector.operationOutcome({
        resourceName: 'aks-put-only',
        resourceType: 'Microsoft.Network/virtualNetworks/subnets',
        method: 'PUT',
      }),
    ).toEqual({ kind: 'normal' });
    expect(
      injector.operationOutcome({
        resourceName: 'snet-slow',
        resourceType: 'Microsoft.Network/virtualNetworks/subnets',
        method: 'PUT',
      }),
    ).toEqual({ kind: 'stuck' });
    expect(injector.operationOutcome(cluster('snet-slow', 'DELETE'))).toEqual({
      kind: 'normal',
    });
    expect(injector.operationOutcome(cluster('aks-late'))).toEqual({
      kind: 'normal',
      durationMs: 5000,
    });
    expect(injector.operationOutcome(cluster('aks-good'))).toEqual({
      kind: 'normal',
    });
  });

  it('refuses operation faults with a bad type, method or duration, by field', () => {
    expect(() =>
      validateFaultSettings({
        failOperations: [
          { resourceNamePattern: 'x', code: 'C', message: 'm', method: 'GET' },
        ],
      }),
    ).toThrow('failOperations[0].method must be PUT or DELETE');
    expect(() =>
      validateFaultSettings({
        stuckOperations: [{ resourceNamePattern: 'x', resourceType: '../x' }],
      }),
    ).toThrow(
      /stuckOperations\[0\]\.resourceType must be an ARM resource type/,
    );
    expect(() =>
      validateFaultSettings({
        slowOperations: [{ resourceNamePattern: 'x', durationMs: -1 }],
      }),
    ).toThrow('slowOperations[0].durationMs must be a non-negative number');
    expect(() =>
      validateFaultSettings({ failOperations: [{ resourceNamePattern: 'x' }] }),
    ).toThrow('failOperations[0] needs code and message strings');
    expect(
      validateFaultSettings({
        stuckOperations: [
          {
            resourceNamePattern: 'x',
            resourceType: 'Microsoft.ContainerService/managedClusters',
            method: 'put',
          },
        ],
      }),
    ).toEqual({
      stuckOperations: [
        {
          resourceNamePattern: 'x',
          resourceType: 'Microsoft.ContainerService/managedClusters',
          method: 'PUT',
        },
      ],
    });
  });

  it('reads maxSurge as nodes or a rounded-up percentage', () => {
    expect(surgeNodes(3, undefined)).toBe(1);
    expect(surgeNodes(3, '10%')).toBe(1);
    expect(surgeNodes(50, '33%')).toBe(17);
    expect(surgeNodes(5, '2')).toBe(2);
  });
});
