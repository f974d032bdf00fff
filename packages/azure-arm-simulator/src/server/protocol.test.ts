import { startArmSimulator, ArmSimulator } from '../startArmSimulator';
import { rawRequest } from '../__testUtils__/rawRequest';
import { sdkClients, staticToken } from '../__testUtils__/sdkClients';
import { SUB_A, testFleet } from '../__testUtils__/testFleet';

const CLUSTERS = `/subscriptions/${SUB_A}/providers/Microsoft.ContainerService/managedClusters`;
const AUTH = { Authorization: 'Bearer test-token' };

describe('ARM protocol rules', () => {
  let sim: ArmSimulator;

  beforeAll(async () => {
    sim = await startArmSimulator({
      fleet: testFleet(),
      expectedToken: 'test-token',
    });
  });
  afterAll(() => sim.close());

  it('refuses a call without a bearer token: 401 AuthenticationFailed with a challenge', async () => {
    const res = await rawRequest(
      sim,
      'GET',
      `${CLUSTERS}?api-version=2026-06-01`,
    );
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AuthenticationFailed');
    expect(res.headers['www-authenticate']).toMatch(
      /^Bearer authorization_uri=/,
    );
  });

  it('uses the credential: a token other than the expected one is refused', async () => {
    const { containerService } = sdkClients(sim, SUB_A, {
      credential: staticToken('other'),
    });
    await expect(
      containerService.managedClusters.get('rg-aks', 'aks-flat'),
    ).rejects.toMatchObject({
      statusCode: 401,
      code: 'InvalidAuthenticationToken',
    });
  });

  it('requires api-version: missing → MissingApiVersionParameter, unknown → InvalidApiVersionParameter', async () => {
    const missing = await rawRequest(sim, 'GET', CLUSTERS, { headers: AUTH });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('MissingApiVersionParameter');
    const unknown = await rawRequest(
      sim,
      'GET',
      `${CLUSTERS}?api-version=2099-01-01`,
      { headers: AUTH },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('InvalidApiVersionParameter');
    expect(unknown.body.error.message).toContain('2026-06-01');
  });

  it('treats resource ids case-insensitively and returns absolute nextLinks', async () => {
    const res = await rawRequest(
      sim,
      'GET',
      `/SUBSCRIPTIONS/${SUB_A.toUpperCase()}/providers/microsoft.containerservice/MANAGEDCLUSTERS?api-version=2026-06-01`,
      { headers: AUTH },
    );
    expect(res.status).toBe(200);
    expect(res.body.value).toHaveLength(5);
    expect(res.body.nextLink).toMatch(
      new RegExp(`^${sim.url}/.*api-version=2026-06-01.*skipToken=`),
    );
  });

  it('answers ARM error bodies for unknown resource types', async () => {
    const res = await rawRequest(
      sim,
      'GET',
      `/subscriptions/${SUB_A}/providers/Microsoft.ContainerService/fleets?api-version=2026-06-01`,
      { headers: AUTH },
    );
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'InvalidResourceType' });
  });

  it('serves admin endpoints on loopback without ARM auth', async () => {
    const calls = await rawRequest(sim, 'GET', '/_simulator/calls');
    expect(calls.status).toBe(200);
    expect(calls.body.total).toBeGreaterThan(0);
    const faults = await rawRequest(sim, 'POST', '/_simulator/faults', {
      body: { throttleRate: 2 },
    });
    expect(faults.status).toBe(400);
    expect(faults.body.error.code).toBe('InvalidFaultSettings');
    const ok = await rawRequest(sim, 'POST', '/_simulator/faults', {
      body: { latencyMs: 1 },
    });
    expect(ok.body).toEqual({ latencyMs: 1 });
    const reset = await rawRequest(sim, 'POST', '/_simulator/reset');
    expect(reset.status).toBe(204);
    expect(sim.faults()).toEqual({});
    expect(sim.calls().total).toBe(0);
  });
});
