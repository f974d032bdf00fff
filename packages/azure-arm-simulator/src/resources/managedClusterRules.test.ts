import { rawRequest } from '../__testUtils__/rawRequest';
import { SUB_A, testFleet } from '../__testUtils__/testFleet';
import { ArmSimulator, startArmSimulator } from '../startArmSimulator';

const CLUSTERS = `/subscriptions/${SUB_A}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters`;

interface Pool {
  name: string;
  count: number;
  mode?: string;
  osType?: string;
}

interface Cluster {
  kubernetesVersion?: string;
  networkProfile?: Record<string, unknown>;
  agentPoolProfiles?: Pool[];
}

/**
 * An overlay cluster on a managed VNet (no `vnetSubnetID`, so no subnet capacity
 * check: only the rules under test can refuse it).
 */
function body(cluster: Cluster) {
  return {
    location: 'westeurope',
    properties: {
      dnsPrefix: 'rules',
      ...(cluster.kubernetesVersion
        ? { kubernetesVersion: cluster.kubernetesVersion }
        : {}),
      agentPoolProfiles: cluster.agentPoolProfiles ?? [
        { name: 'system', mode: 'System', count: 3 },
      ],
      networkProfile: {
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        ...cluster.networkProfile,
      },
    },
  };
}

const pools = (...counts: number[]): Pool[] =>
  counts.map((count, i) => ({
    name: `pool${i}`,
    mode: i === 0 ? 'System' : 'User',
    count,
  }));

const KUBENET = { networkPlugin: 'kubenet', networkPluginMode: undefined };

/** A 400 with an ARM error naming the property, and nothing stored. */
const refusedWith = (target: string, message: RegExp) => ({
  status: 400,
  error: {
    code: 'InvalidParameter',
    target,
    message: expect.stringMatching(message),
  },
  stored: false,
});

/** A 201 (the create's long-running operation started) and the cluster stored. */
const ACCEPTED = { status: 201, error: undefined, stored: true };

describe('managed cluster PUT: Azure rules the simulator states itself', () => {
  let sim: ArmSimulator;
  let serial = 0;

  beforeAll(async () => {
    sim = await startArmSimulator({
      fleet: testFleet(),
      operationDurationMs: 10,
    });
  });
  afterAll(() => sim.close());

  async function put(cluster: Cluster) {
    serial += 1;
    const name = `aks-rules-${serial}`;
    const reply = await rawRequest(
      sim,
      'PUT',
      `${CLUSTERS}/${name}?api-version=2026-06-01`,
      { headers: { Authorization: 'Bearer t' }, body: body(cluster) },
    );
    return {
      status: reply.status,
      body: reply.body,
      error: reply.status >= 400 ? reply.body.error : undefined,
      stored: sim.state.resource(`${CLUSTERS}/${name}`) !== undefined,
    };
  }

  /** What a PUT answered, and whether it stored the cluster. */
  async function outcome(cluster: Cluster) {
    const { status, error, stored } = await put(cluster);
    return { status, error, stored };
  }

  describe('the DNS service IP', () => {
    it.each([
      [
        'the network address',
        '10.0.0.0',
        /10\.0\.0\.0 is the network address of the service CIDR 10\.0\.0\.0\/16/,
      ],
      [
        'the first address (the kubernetes service)',
        '10.0.0.1',
        /10\.0\.0\.1 is the first address of the service CIDR 10\.0\.0\.0\/16, which Kubernetes gives to the kubernetes service/,
      ],
      [
        'an address outside the service CIDR',
        '10.1.0.10',
        /10\.1\.0\.10 must be an address inside the service CIDR 10\.0\.0\.0\/16/,
      ],
    ])('refuses %s', async (_, dnsServiceIP, why) => {
      expect(await outcome({ networkProfile: { dnsServiceIP } })).toEqual(
        refusedWith(
          'networkProfile.dnsServiceIP',
          new RegExp(
            `^The value of parameter networkProfile\\.dnsServiceIP is invalid: ${why.source}`,
          ),
        ),
      );
    });

    it.each([['10.0.0.2'], ['10.0.0.10'], ['10.0.255.254']])(
      'accepts %s',
      async dnsServiceIP => {
        const reply = await put({ networkProfile: { dnsServiceIP } });
        expect(reply.status).toBe(201);
        expect(reply.body.properties.networkProfile.dnsServiceIP).toBe(
          dnsServiceIP,
        );
      },
    );
  });

  describe('dual-stack', () => {
    it.each([[['IPv6']], [['IPv6', 'IPv4']], [['IPv4', 'IPv4']], [[]]])(
      'refuses ipFamilies %j',
      async ipFamilies => {
        expect(await outcome({ networkProfile: { ipFamilies } })).toEqual(
          refusedWith(
            'networkProfile.ipFamilies',
            /^The value of parameter networkProfile\.ipFamilies is invalid: .*Allowed values are \[IPv4\] and \[IPv4, IPv6\]/,
          ),
        );
      },
    );

    it("gives a dual-stack cluster AKS's IPv6 defaults", async () => {
      const reply = await put({
        networkProfile: { ipFamilies: ['IPv4', 'IPv6'] },
      });
      expect(reply.status).toBe(201);
      expect(reply.body.properties.networkProfile).toMatchObject({
        ipFamilies: ['IPv4', 'IPv6'],
        podCidrs: ['10.244.0.0/16', 'fd12:3456:789a::/64'],
        serviceCidrs: ['10.0.0.0/16', 'fd12:3456:789a:1::/108'],
      });
    });

    it('keeps the IPv6 ranges a PUT sends, in any case of ipFamilies', async () => {
      const reply = await put({
        networkProfile: {
          ipFamilies: ['ipv4', 'ipv6'],
          podCidrs: ['10.244.0.0/16', 'fd00:10::/64'],
          serviceCidrs: ['10.0.0.0/16', 'fd00:20::/112'],
        },
      });
      expect(reply.status).toBe(201);
      expect(reply.body.properties.networkProfile).toMatchObject({
        ipFamilies: ['IPv4', 'IPv6'],
        podCidrs: ['10.244.0.0/16', 'fd00:10::/64'],
        serviceCidrs: ['10.0.0.0/16', 'fd00:20::/112'],
      });
    });

    it('refuses an IPv6 service CIDR larger than a /108', async () => {
      expect(
        await outcome({
          networkProfile: {
            ipFamilies: ['IPv4', 'IPv6'],
            serviceCidrs: ['10.0.0.0/16', 'fd00:20::/107'],
          },
        }),
      ).toEqual(
        refusedWith(
          'networkProfile.serviceCidrs',
          /fd00:20::\/107 is too large: it must be a \/108 or smaller/,
        ),
      );
    });

    it('keeps single-stack clusters IPv4 only', async () => {
      const reply = await put({});
      expect(reply.status).toBe(201);
      expect(reply.body.properties.networkProfile).toMatchObject({
        ipFamilies: ['IPv4'],
        podCidrs: ['10.244.0.0/16'],
        serviceCidrs: ['10.0.0.0/16'],
      });
    });

    it('refuses dual-stack on Kubernetes 1.26.2, naming kubernetesVersion', async () => {
      expect(
        await outcome({
          kubernetesVersion: '1.26.2',
          networkProfile: { ipFamilies: ['IPv4', 'IPv6'] },
        }),
      ).toEqual(
        refusedWith(
          'kubernetesVersion',
          /^The value of parameter kubernetesVersion is invalid: 1\.26\.2\. Dual-stack .* requires Kubernetes 1\.26\.3 or later\.$/,
        ),
      );
    });

    it.each([['1.26.3'], ['1.26'], ['1.33']])(
      'accepts dual-stack on Kubernetes %s',
      async kubernetesVersion => {
        expect(
          await outcome({
            kubernetesVersion,
            networkProfile: { ipFamilies: ['IPv4', 'IPv6'] },
          }),
        ).toEqual(ACCEPTED);
      },
    );

    it('accepts Kubernetes 1.26.2 without dual-stack', async () => {
      expect(await outcome({ kubernetesVersion: '1.26.2' })).toEqual(ACCEPTED);
    });
  });

  describe('agent pool names', () => {
    const named = (name: string, osType?: string): Cluster => ({
      agentPoolProfiles: [
        { name: 'system', mode: 'System', count: 1 },
        { name, mode: 'User', count: 1, ...(osType ? { osType } : {}) },
      ],
    });

    it.each([
      [
        '13 characters on Linux',
        'userpool00001',
        undefined,
        /has 13 characters and a Linux agent pool name can have at most 12/,
      ],
      [
        '7 characters on Windows',
        'win0001',
        'Windows',
        /has 7 characters and a Windows agent pool name can have at most 6/,
      ],
      ['a capital', 'Userpool', undefined, /lowercase letters and digits only/],
      ['a leading digit', '1pool', undefined, /starts with a lowercase letter/],
      ['a hyphen', 'user-pool', undefined, /lowercase letters and digits only/],
    ])('refuses %s', async (_, name, osType, why) => {
      expect(await outcome(named(name, osType))).toEqual(
        refusedWith(
          'agentPoolProfiles[1].name',
          new RegExp(
            `^The value of parameter agentPoolProfile\\.name is invalid: '${name}' .*${why.source}`,
          ),
        ),
      );
    });

    it.each([
      ['12 characters on Linux', 'userpool0001', undefined],
      ['6 characters on Windows', 'win001', 'Windows'],
      ['one letter', 'u', undefined],
    ])('accepts %s', async (_, name, osType) => {
      expect(await outcome(named(name, osType))).toEqual(ACCEPTED);
    });
  });

  describe('node counts', () => {
    it('refuses 1,001 nodes in one pool, naming the pool count', async () => {
      expect(await outcome({ agentPoolProfiles: pools(3, 1001) })).toEqual(
        refusedWith(
          'agentPoolProfiles[1].count',
          /^The value of parameter agentPoolProfile\.count is invalid: 1001 \(pool 'pool1'\)\. It must be between 0 and 1000\.$/,
        ),
      );
    });

    it('accepts 1,000 nodes in one pool', async () => {
      expect(await outcome({ agentPoolProfiles: pools(1000) })).toEqual(
        ACCEPTED,
      );
    });

    it('refuses 5,001 nodes in a cluster, naming agentPoolProfiles', async () => {
      expect(
        await outcome({
          agentPoolProfiles: pools(1000, 1000, 1000, 1000, 1000, 1),
        }),
      ).toEqual(
        refusedWith(
          'agentPoolProfiles',
          /^The value of parameter agentPoolProfiles is invalid: the agent pools hold 5001 nodes in all; a cluster can have at most 5000\.$/,
        ),
      );
    });

    it('accepts 5,000 nodes in a cluster', async () => {
      expect(
        await outcome({
          agentPoolProfiles: pools(1000, 1000, 1000, 1000, 1000),
        }),
      ).toEqual(ACCEPTED);
    });

    it('refuses 401 nodes in a kubenet cluster', async () => {
      expect(
        await outcome({
          agentPoolProfiles: pools(200, 201),
          networkProfile: KUBENET,
        }),
      ).toEqual(
        refusedWith(
          'agentPoolProfiles',
          /the agent pools hold 401 nodes in all; a cluster with networkProfile\.networkPlugin kubenet can have at most 400/,
        ),
      );
    });

    it('accepts 400 nodes in a kubenet cluster, and 401 with overlay', async () => {
      expect(
        await outcome({
          agentPoolProfiles: pools(200, 200),
          networkProfile: KUBENET,
        }),
      ).toEqual(ACCEPTED);
      expect(await outcome({ agentPoolProfiles: pools(200, 201) })).toEqual(
        ACCEPTED,
      );
    });
  });
});
