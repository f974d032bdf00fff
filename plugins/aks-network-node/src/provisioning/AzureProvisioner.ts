import type {
  ContainerServiceClient,
  ManagedCluster,
} from '@azure/arm-containerservice';
import type { NetworkManagementClient, Subnet } from '@azure/arm-network';
import { isRestError } from '@azure/core-rest-pipeline';
import { ClusterRecord } from '@aks-network/plugin-aks-network-common';
import { managedClusterId } from '../mapping/armResourceId';
import { mapManagedCluster } from '../mapping/mapManagedCluster';
import { armErrorCaptureFor } from './armErrorCapture';
import {
  AzureOperationTimeoutError,
  AzureProvisioningStep,
} from './AzureOperationError';
import {
  MAX_PROGRESS_INTERVAL_MS,
  OperationProgress,
  pollWithProgress,
} from './pollWithProgress';
import { toAzureOperationError } from './toAzureOperationError';

/**
 * The SDK clients the provisioner writes with; `createArmClients` returns this shape.
 *
 * @public
 */
export interface ProvisioningArmClients {
  containerService(subscriptionId: string): ContainerServiceClient;
  network(subscriptionId: string): NetworkManagementClient;
}

/**
 * Options of {@link AzureProvisioner}.
 *
 * @public
 */
export interface AzureProvisionerOptions {
  /**
   * Poll period of long-running operations when ARM sends no `Retry-After`. Default:
   * the SDK's (2 s). ARM's `Retry-After` on the operation status wins when present.
   */
  pollIntervalMs?: number;
  /** Heartbeat of `onProgress`; at most 30 s, default 15 s. */
  progressIntervalMs?: number;
}

/**
 * What every long-running write takes besides its own fields.
 *
 * @public
 */
export interface LongRunningWriteOptions {
  /** Stop waiting after this long; the operation may still run in Azure then. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Called at the start, on each state change and at least every 30 s. */
  onProgress?: (progress: OperationProgress) => void;
}

/**
 * A subnet to create in an existing VNet.
 *
 * @public
 */
export interface CreateSubnetRequest extends LongRunningWriteOptions {
  subscriptionId: string;
  /** The VNet's resource group. */
  resourceGroup: string;
  vnetName: string;
  subnetName: string;
  /** The subnet's IPv4 prefix, e.g. `10.240.0.0/27`. */
  addressPrefix: string;
  /** ARM id of an NSG to attach. */
  nsgId?: string;
}

/**
 * A subnet as Azure reports it.
 *
 * @public
 */
export interface ProvisionedSubnet {
  id: string;
  name: string;
  addressPrefix?: string;
  nsgId?: string;
  /** ARM `provisioningState`: `Succeeded`, `Updating`, `Failed`, … */
  provisioningState?: string;
}

/**
 * The system node pool of a new cluster.
 *
 * @public
 */
export interface OverlayNodePoolRequest {
  name: string;
  count: number;
  vmSize: string;
  /** Pods per node (docs/domain.md#max-pods: 10–250). */
  maxPods: number;
  /** `upgradeSettings.maxSurge`: a node count or a percentage (`'33%'`). */
  maxSurge?: string | number;
}

/**
 * An AKS cluster to create with Azure CNI Overlay.
 *
 * @public
 */
export interface CreateOverlayClusterRequest extends LongRunningWriteOptions {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  /** Default: AKS's default version. */
  kubernetesVersion?: string;
  /** Default: derived from the name (see {@link defaultDnsPrefix}). */
  dnsPrefix?: string;
  /** ARM id of the node subnet (created beforehand with `createSubnet`). */
  nodeSubnetId: string;
  podCidr: string;
  serviceCidr: string;
  dnsServiceIp: string;
  nodePool: OverlayNodePoolRequest;
  /** Turn on ACNS observability (Hubble flows): same-node pod traffic becomes visible. */
  acnsObservability?: boolean;
  tags: Record<string, string>;
}

/**
 * Lookup of an existing subnet.
 *
 * @public
 */
export interface SubnetRef {
  subscriptionId: string;
  resourceGroup: string;
  vnetName: string;
  subnetName: string;
  signal?: AbortSignal;
}

/**
 * Lookup of an existing cluster.
 *
 * @public
 */
export interface ClusterRef {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  signal?: AbortSignal;
}

/**
 * What a lookup of a cluster found: the cluster, or which part of its id does not exist
 * (ARM's 404 codes `ResourceNotFound`, `ResourceGroupNotFound`, `SubscriptionNotFound`).
 *
 * @public
 */
export type ClusterLookup =
  | { found: true; cluster: ClusterRecord }
  | { found: false; missing: 'cluster' | 'resourceGroup' | 'subscription' };

/**
 * A subnet to delete (the VNet stays).
 *
 * @public
 */
export interface DeleteSubnetRequest
  extends Omit<SubnetRef, 'signal'>,
    LongRunningWriteOptions {}

/**
 * A cluster to delete, or to wait for.
 *
 * @public
 */
export interface ClusterOperationRequest
  extends Omit<ClusterRef, 'signal'>,
    LongRunningWriteOptions {}

/**
 * ARM's terminal provisioning states; anything else (`Creating`, `Updating`,
 * `Deleting`, `Upgrading`, …) means an operation still runs on the resource, and no
 * provisioningState means Succeeded (the resource provider contract,
 * https://github.com/Azure/azure-resource-manager-rpc/blob/master/v1.0/Addendum.md#provisioningstate-property).
 */
const TERMINAL_PROVISIONING_STATES = new Set([
  'succeeded',
  'failed',
  'canceled',
]);

/**
 * Whether no operation runs on a resource in this provisioning state (absent: done).
 *
 * @public
 */
export function isTerminalProvisioningState(
  state: string | undefined,
): boolean {
  return (
    state === undefined || TERMINAL_PROVISIONING_STATES.has(state.toLowerCase())
  );
}

/**
 * AKS DNS prefixes are 1–54 characters of letters, digits and hyphens, starting and
 * ending with a letter or digit (ARM rejects others with `InvalidDNSPrefix`); cluster
 * names may also hold underscores and run to 63 characters, so the name is adapted.
 *
 * @public
 */
export function defaultDnsPrefix(clusterName: string): string {
  return clusterName
    .replace(/[^a-zA-Z0-9-]/g, '-')
    .slice(0, 54)
    .replace(/^-+|-+$/g, '');
}

/** Waits, or throws the abort reason as soon as the caller aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function subnetId(ref: Omit<SubnetRef, 'signal'>): string {
  return `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.Network/virtualNetworks/${ref.vnetName}/subnets/${ref.subnetName}`;
}

function clusterId(ref: Omit<ClusterRef, 'signal'>): string {
  return managedClusterId(ref.subscriptionId, ref.resourceGroup, ref.name);
}

function provisionedSubnet(
  subnet: Subnet,
  fallbackId: string,
): ProvisionedSubnet {
  return {
    id: subnet.id ?? fallbackId,
    name: subnet.name ?? fallbackId.split('/').pop() ?? '',
    ...(subnet.addressPrefix ?? subnet.addressPrefixes?.[0]
      ? { addressPrefix: subnet.addressPrefix ?? subnet.addressPrefixes?.[0] }
      : {}),
    ...(subnet.networkSecurityGroup?.id
      ? { nsgId: subnet.networkSecurityGroup.id }
      : {}),
    ...(subnet.provisioningState
      ? { provisioningState: subnet.provisioningState }
      : {}),
  };
}

/**
 * Writes to Azure for the scaffolder: a node subnet in an existing VNet and an AKS
 * cluster with an Azure CNI Overlay network profile. Each write is a long-running ARM
 * operation (PUT answered with `Azure-AsyncOperation`) polled to its end within the
 * caller's time limit, reporting progress at least every 30 s.
 *
 * Errors: a refused or failed write throws `AzureOperationError` (ARM's code, message
 * and target); a write past its time limit throws `AzureOperationTimeoutError`; the
 * caller's abort rethrows the abort reason. No SDK `RestError` escapes.
 *
 * The provisioner adds one policy to each client's pipeline, which keeps ARM's raw
 * error bodies so the typed error can carry the `target` the SDK drops.
 *
 * @public
 */
export class AzureProvisioner {
  constructor(
    private readonly clients: ProvisioningArmClients,
    private readonly options: AzureProvisionerOptions = {},
  ) {}

  async createSubnet(request: CreateSubnetRequest): Promise<ProvisionedSubnet> {
    const id = subnetId(request);
    const client = this.clients.network(request.subscriptionId);
    const errorCapture = armErrorCaptureFor(client.pipeline);
    const parameters: Subnet = {
      addressPrefix: request.addressPrefix,
      ...(request.nsgId ? { networkSecurityGroup: { id: request.nsgId } } : {}),
    };
    const subnet = await pollWithProgress(
      abortSignal =>
        client.subnets.createOrUpdate(
          request.resourceGroup,
          request.vnetName,
          request.subnetName,
          parameters,
          { abortSignal, updateIntervalInMs: this.options.pollIntervalMs },
        ),
      this.pollOptions('createSubnet', id, request, errorCapture),
    );
    return provisionedSubnet(subnet, id);
  }

  async createOverlayCluster(
    request: CreateOverlayClusterRequest,
  ): Promise<ClusterRecord> {
    const id = clusterId(request);
    const client = this.clients.containerService(request.subscriptionId);
    const errorCapture = armErrorCaptureFor(client.pipeline);
    const { nodePool } = request;
    const parameters: ManagedCluster = {
      location: request.location,
      tags: request.tags,
      // A system-assigned identity: no secret to rotate, and AKS grants it what it needs
      // on its node resource group.
      identity: { type: 'SystemAssigned' },
      ...(request.kubernetesVersion
        ? { kubernetesVersion: request.kubernetesVersion }
        : {}),
      dnsPrefix: request.dnsPrefix ?? defaultDnsPrefix(request.name),
      agentPoolProfiles: [
        {
          name: nodePool.name,
          mode: 'System',
          osType: 'Linux',
          type: 'VirtualMachineScaleSets',
          count: nodePool.count,
          vmSize: nodePool.vmSize,
          maxPods: nodePool.maxPods,
          vnetSubnetID: request.nodeSubnetId,
          ...(nodePool.maxSurge !== undefined
            ? { upgradeSettings: { maxSurge: String(nodePool.maxSurge) } }
            : {}),
        },
      ],
      // docs/domain.md#arm-network-model: plugin `azure` + mode `overlay` is Azure CNI Overlay. Standard
      // load balancer: the only SKU AKS supports for overlay.
      networkProfile: {
        networkPlugin: 'azure',
        networkPluginMode: 'overlay',
        podCidr: request.podCidr,
        serviceCidr: request.serviceCidr,
        dnsServiceIP: request.dnsServiceIp,
        loadBalancerSku: 'standard',
        ...(request.acnsObservability
          ? {
              advancedNetworking: {
                enabled: true,
                observability: { enabled: true },
              },
            }
          : {}),
      },
    };
    const cluster = await pollWithProgress(
      abortSignal =>
        client.managedClusters.createOrUpdate(
          request.resourceGroup,
          request.name,
          parameters,
          { abortSignal, updateIntervalInMs: this.options.pollIntervalMs },
        ),
      this.pollOptions('createCluster', id, request, errorCapture),
    );
    return mapManagedCluster({ ...cluster, id: cluster.id ?? id });
  }

  /**
   * Deletes a subnet and waits for the deletion to end. A subnet already gone is no
   * error (ARM answers 204). Azure refuses a subnet with IP configurations in use
   * (`InUseSubnetCannotBeDeleted`), which arrives as an `AzureOperationError`.
   */
  async deleteSubnet(request: DeleteSubnetRequest): Promise<void> {
    const id = subnetId(request);
    const client = this.clients.network(request.subscriptionId);
    const errorCapture = armErrorCaptureFor(client.pipeline);
    await pollWithProgress(
      abortSignal =>
        client.subnets.delete(
          request.resourceGroup,
          request.vnetName,
          request.subnetName,
          { abortSignal, updateIntervalInMs: this.options.pollIntervalMs },
        ),
      this.pollOptions('deleteSubnet', id, request, errorCapture),
    );
  }

  /**
   * Deletes a managed cluster (and with it AKS's node resource group) and waits for the
   * deletion to end. A cluster already gone is no error.
   */
  async deleteCluster(request: ClusterOperationRequest): Promise<void> {
    const id = clusterId(request);
    const client = this.clients.containerService(request.subscriptionId);
    const errorCapture = armErrorCaptureFor(client.pipeline);
    await pollWithProgress(
      abortSignal =>
        client.managedClusters.delete(request.resourceGroup, request.name, {
          abortSignal,
          updateIntervalInMs: this.options.pollIntervalMs,
        }),
      this.pollOptions('deleteCluster', id, request, errorCapture),
    );
  }

  /**
   * Waits, reading the cluster, until no operation runs on it (its provisioning state
   * is terminal), without writing to it: how a caller that lost an operation's poller
   * (a restart, its own time limit) sees it end. Returns the cluster, or undefined when
   * it is gone. Past `timeoutMs` it throws `AzureOperationTimeoutError`.
   */
  async waitForCluster(
    request: ClusterOperationRequest,
  ): Promise<ClusterRecord | undefined> {
    const id = clusterId(request);
    const startedAt = Date.now();
    const intervalMs = this.options.pollIntervalMs ?? 10_000;
    const heartbeatMs = Math.min(
      this.options.progressIntervalMs ?? 15_000,
      MAX_PROGRESS_INTERVAL_MS,
    );
    let lastState: string | undefined;
    let lastReportAt = 0;
    const report = (state: string) => {
      lastState = state;
      lastReportAt = Date.now();
      try {
        request.onProgress?.({
          step: 'waitForCluster',
          resourceId: id,
          state,
          elapsedMs: Date.now() - startedAt,
        });
      } catch {
        // A failing progress sink must not fail the wait.
      }
    };
    for (;;) {
      const cluster = await this.getCluster(request);
      const state = cluster
        ? cluster.provisioningState ?? 'Succeeded'
        : 'absent';
      if (state !== lastState || Date.now() - lastReportAt >= heartbeatMs) {
        report(state);
      }
      if (!cluster || isTerminalProvisioningState(cluster.provisioningState)) {
        return cluster;
      }
      const left = request.timeoutMs - (Date.now() - startedAt);
      if (left <= 0) {
        throw new AzureOperationTimeoutError({
          resourceId: id,
          step: 'waitForCluster',
          timeoutMs: request.timeoutMs,
          lastState: state,
        });
      }
      await sleep(Math.min(intervalMs, left), request.signal);
    }
  }

  /** The subnet, or undefined when ARM answers 404. */
  async getSubnet(ref: SubnetRef): Promise<ProvisionedSubnet | undefined> {
    const id = subnetId(ref);
    const client = this.clients.network(ref.subscriptionId);
    const subnet = await this.readOrUndefined(
      'getSubnet',
      id,
      client,
      ref,
      () =>
        client.subnets.get(ref.resourceGroup, ref.vnetName, ref.subnetName, {
          abortSignal: ref.signal,
        }),
    );
    return subnet ? provisionedSubnet(subnet, id) : undefined;
  }

  /**
   * The cluster as a record (its own fields only: no VNet, usages or flow logs), or
   * undefined when ARM answers 404.
   */
  async getCluster(ref: ClusterRef): Promise<ClusterRecord | undefined> {
    const id = clusterId(ref);
    const client = this.clients.containerService(ref.subscriptionId);
    const cluster = await this.readOrUndefined(
      'getCluster',
      id,
      client,
      ref,
      () =>
        client.managedClusters.get(ref.resourceGroup, ref.name, {
          abortSignal: ref.signal,
        }),
    );
    return cluster ? mapManagedCluster(cluster) : undefined;
  }

  /**
   * Looks a cluster up before anything is written: the cluster, or whether the
   * cluster, its resource group or its subscription is missing. Any other failure
   * (403 `AuthorizationFailed`, …) is an `AzureOperationError`.
   */
  async lookUpCluster(ref: ClusterRef): Promise<ClusterLookup> {
    const id = clusterId(ref);
    const client = this.clients.containerService(ref.subscriptionId);
    const errorCapture = armErrorCaptureFor(client.pipeline);
    try {
      const cluster = await client.managedClusters.get(
        ref.resourceGroup,
        ref.name,
        { abortSignal: ref.signal },
      );
      return { found: true, cluster: mapManagedCluster(cluster) };
    } catch (error) {
      ref.signal?.throwIfAborted();
      if (isRestError(error) && error.statusCode === 404) {
        const code = (
          errorCapture.take(error.request?.url)?.code ??
          error.code ??
          ''
        ).toLowerCase();
        if (code === 'resourcegroupnotfound') {
          return { found: false, missing: 'resourceGroup' };
        }
        if (code === 'subscriptionnotfound') {
          return { found: false, missing: 'subscription' };
        }
        return { found: false, missing: 'cluster' };
      }
      throw await toAzureOperationError(error, {
        step: 'getCluster',
        resourceId: id,
        capture: errorCapture,
      });
    }
  }

  private pollOptions(
    step: AzureProvisioningStep,
    resourceId: string,
    request: LongRunningWriteOptions,
    errorCapture: ReturnType<typeof armErrorCaptureFor>,
  ) {
    return {
      step,
      resourceId,
      timeoutMs: request.timeoutMs,
      signal: request.signal,
      onProgress: request.onProgress,
      progressIntervalMs: this.options.progressIntervalMs,
      errorCapture,
    };
  }

  /**
   * A GET for an idempotent re-check. 404 (`ResourceNotFound`, `NotFound`, and for a
   * subnet of a missing VNet `ParentResourceNotFound`) means "not there"; any other
   * failure is an `AzureOperationError`.
   */
  private async readOrUndefined<T>(
    step: AzureProvisioningStep,
    resourceId: string,
    client: ContainerServiceClient | NetworkManagementClient,
    ref: { signal?: AbortSignal },
    read: () => Promise<T>,
  ): Promise<T | undefined> {
    const errorCapture = armErrorCaptureFor(client.pipeline);
    try {
      return await read();
    } catch (error) {
      ref.signal?.throwIfAborted();
      if (isRestError(error) && error.statusCode === 404) {
        errorCapture.take(error.request?.url);
        return undefined;
      }
      throw await toAzureOperationError(error, {
        step,
        resourceId,
        capture: errorCapture,
      });
    }
  }
}
