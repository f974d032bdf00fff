import { createServer, Server } from 'node:https';
import { AddressInfo } from 'node:net';
import { CallCounts, CallLog } from './calls/CallLog';
import { FaultInjector } from './faults/FaultInjector';
import { FaultSettings, validateFaultSettings } from './faults/FaultSettings';
import { SimulatorFleet } from './fleet/SimulatorFleet';
import { seedFleet } from './fleet/seedFleet';
import { JsonValue } from './json/JsonValue';
import { AsyncOperation, AsyncOperations } from './operations/AsyncOperations';
import { createArmRequestHandler } from './server/ArmRequestHandler';
import { SimulatorContext } from './server/SimulatorContext';
import {
  ArmResourceJson,
  SimulatedSubscription,
  SimulatorState,
} from './state/SimulatorState';
import {
  createSelfSignedCertificate,
  TlsMaterial,
} from './tls/selfSignedCertificate';
import { MANAGED_CLUSTER_TYPE } from './resources/ClusterNetworking';
import { setFlowLogEnabled } from './resources/FlowLogSwitch';
import { usedIps } from './resources/SubnetUsage';
import { SUBNET_TYPE } from './resources/networkResources';

/** Options of {@link startArmSimulator}. @public */
export interface ArmSimulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Seed fleet (see `loadFleet`); without one the simulator starts empty. */
  fleet?: SimulatorFleet;
  /** Items per list page (default 5, so clients really follow nextLink). */
  pageSize?: number;
  /** How long a long-running operation stays InProgress, in ms (default 100). */
  operationDurationMs?: number;
  /** Faults to inject from the start. */
  faults?: FaultSettings;
  /** When set, a bearer token other than this one is refused with 401. */
  expectedToken?: string;
  /** Tenant id of the simulated subscriptions (default: the fleet's, else a fixed GUID). */
  tenantId?: string;
  /** TLS key and certificate to reuse (default: a new self-signed one). */
  tls?: TlsMaterial;
  /** Receives one line per request and per problem. */
  logger?: (line: string) => void;
}

/** Read access to the simulator's resources, for assertions. @public */
export interface ArmSimulatorStateView {
  subscriptions(): SimulatedSubscription[];
  /** Every resource (clusters, VNets, subnets, NSGs, watchers, flow logs) in REST shape, copied. */
  resources(type?: string): ArmResourceJson[];
  /** One resource by id (case-insensitive), copied. */
  resource(id: string): ArmResourceJson | undefined;
  clusters(): ArmResourceJson[];
  subnets(): ArmResourceJson[];
  /** IPs in use in a subnet, as the usages API reports them. */
  usedIps(subnetId: string): number;
  operations(): AsyncOperation[];
}

/** A running simulator. @public */
export interface ArmSimulator {
  /** `https://127.0.0.1:PORT` — the ARM endpoint to give the SDK clients. */
  url: string;
  port: number;
  /** PEM of the certificate clients must trust (`tlsOptions: { ca }` or NODE_EXTRA_CA_CERTS). */
  caCertificate: string;
  tls: TlsMaterial;
  setFaults(faults: FaultSettings): void;
  faults(): FaultSettings;
  /** Back to the seed fleet: state, operations, calls and the start-up faults. */
  reset(): void;
  calls(): CallCounts;
  /**
   * Turns a flow log on or off in place (what `POST /_simulator/flow-logs/enabled`
   * with `{ id, enabled }` does). @throws when there is no such flow log.
   */
  setFlowLogEnabled(id: string, enabled: boolean): void;
  state: ArmSimulatorStateView;
  close(): Promise<void>;
}

/** The tenant used when neither the options nor the fleet name one. @public */
export const DEFAULT_TENANT_ID = '0b5a3a8e-5d2c-4f6e-9a51-7c2f6d8e1a40';

/**
 * Starts an HTTPS server that speaks the subset of Azure Resource Manager the AKS
 * network plugins use, seeded with a fleet. Point the Azure SDK clients at `url` with
 * any bearer token credential and `tlsOptions: { ca: caCertificate }`.
 *
 * @public
 */
export async function startArmSimulator(
  options: ArmSimulatorOptions = {},
): Promise<ArmSimulator> {
  const tenantId =
    options.tenantId ?? options.fleet?.tenantId ?? DEFAULT_TENANT_ID;
  const startupFaults = options.faults ?? {};
  validateFaultSettings(JSON.parse(JSON.stringify(startupFaults)) as JsonValue);
  const faults = new FaultInjector(startupFaults);
  const durationMs = options.operationDurationMs ?? 100;
  const calls = new CallLog();
  const context: SimulatorContext = {
    state: new SimulatorState(),
    operations: new AsyncOperations(() => durationMs, faults),
    pageSize: Math.max(1, options.pageSize ?? 5),
    tenantId,
  };
  const seed = () => {
    context.operations.clear();
    context.state = new SimulatorState();
    if (options.fleet) {
      seedFleet(context, options.fleet);
    }
  };
  seed();

  const tls = options.tls ?? (await createSelfSignedCertificate());
  const handler = createArmRequestHandler({
    context,
    faults,
    calls,
    expectedToken: options.expectedToken,
    logger: options.logger,
    admin: {
      setFaults: body => {
        const settings = validateFaultSettings(body);
        faults.set(settings);
        return toJson(settings);
      },
      faults: () => toJson(faults.current()),
      reset: () => {
        seed();
        calls.clear();
        faults.set(startupFaults);
      },
      calls: () => toJson(calls.counts()),
      state: () => toJson(context.state.snapshot()),
      setFlowLogEnabled: body => setFlowLogEnabled(context.state, body),
    },
  });
  const server: Server = createServer(
    { key: tls.key, cert: tls.cert },
    (req, res) => {
      handler(req, res).catch(error => {
        options.logger?.(`unhandled: ${String(error)}`);
        if (!res.headersSent) {
          res.writeHead(500);
        }
        res.end();
      });
    },
  );
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const copy = <T extends JsonValue>(value: T): T => structuredClone(value);

  return {
    url: `https://${urlHost}:${port}`,
    port,
    caCertificate: tls.cert,
    tls,
    setFaults: settings => {
      faults.set(validateFaultSettings(toJson(settings)));
    },
    faults: () => faults.current(),
    reset: () => {
      seed();
      calls.clear();
      faults.set(startupFaults);
    },
    calls: () => calls.counts(),
    setFlowLogEnabled: (id, enabled) => {
      setFlowLogEnabled(context.state, { id, enabled });
    },
    state: {
      subscriptions: () => context.state.subscriptions(),
      resources: type =>
        context.state
          .snapshot()
          .resources.filter(
            r =>
              type === undefined || r.type.toLowerCase() === type.toLowerCase(),
          ),
      resource: id => {
        const found = context.state.get(id);
        return found ? copy(found) : undefined;
      },
      clusters: () => context.state.list(MANAGED_CLUSTER_TYPE, '').map(copy),
      subnets: () => context.state.list(SUBNET_TYPE, '').map(copy),
      usedIps: subnetId => usedIps(context.state, subnetId),
      operations: () => context.operations.all(),
    },
    close: async () => {
      context.operations.clear();
      await new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function toJson(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
}
