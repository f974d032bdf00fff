import { startArmSimulator, ArmSimulator } from '../startArmSimulator';
import { rawRequest } from '../__testUtils__/rawRequest';
import { sdkClients } from '../__testUtils__/sdkClients';
import { SUB_A, testFleet } from '../__testUtils__/testFleet';
import { FLOW_LOG_TYPE } from './networkResources';

describe('turning a flow log off through the admin endpoint', () => {
  let sim: ArmSimulator;

  beforeAll(async () => {
    sim = await startArmSimulator({
      fleet: testFleet(),
      expectedToken: 'test-token',
    });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());

  function firstFlowLog() {
    const [flowLog] = sim.state
      .resources(FLOW_LOG_TYPE)
      .filter(resource => resource.id.includes(SUB_A));
    if (!flowLog) {
      throw new Error('the test fleet has no flow log in subscription A');
    }
    return flowLog;
  }

  it('changes properties.enabled and the etag in place, as the SDK then reads it', async () => {
    const flowLog = firstFlowLog();
    const [, , , , rg, , , , watcher, , name] = flowLog.id.split('/');
    const { network } = sdkClients(sim, SUB_A);
    const before = await network.flowLogs.get(rg, watcher, name);
    expect(before.enabled).toBe(true);

    const off = await rawRequest(sim, 'POST', '/_simulator/flow-logs/enabled', {
      body: { id: flowLog.id.toUpperCase(), enabled: false },
    });
    expect(off.status).toBe(200);
    expect(off.body.properties.enabled).toBe(false);

    const after = await network.flowLogs.get(rg, watcher, name);
    expect(after.enabled).toBe(false);
    expect(after.etag).not.toBe(before.etag);
    // Everything else is as it was.
    expect(after.targetResourceId).toBe(before.targetResourceId);
    expect(after.retentionPolicy).toEqual(before.retentionPolicy);

    sim.setFlowLogEnabled(flowLog.id, true);
    expect((await network.flowLogs.get(rg, watcher, name)).enabled).toBe(true);
  });

  it.each([
    [{ enabled: false }, 400, 'id'],
    [{ id: 'x', enabled: 'no' }, 400, 'enabled'],
    [
      {
        id: `/subscriptions/${SUB_A}/resourceGroups/rg/providers/Microsoft.Network/networkWatchers/nw/flowLogs/none`,
        enabled: false,
      },
      404,
      'id',
    ],
  ])('refuses %j with %p naming %p', async (body, status, target) => {
    const res = await rawRequest(sim, 'POST', '/_simulator/flow-logs/enabled', {
      body,
    });
    expect(res.status).toBe(status);
    expect(res.body.error.target).toBe(target);
  });

  it('refuses a resource that is not a flow log', async () => {
    const [subnet] = sim.state.subnets();
    expect(() => sim.setFlowLogEnabled(subnet.id, false)).toThrow(/No flow log/);
  });
});
