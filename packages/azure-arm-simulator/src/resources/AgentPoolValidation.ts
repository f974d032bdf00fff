import { badRequest } from '../server/ArmError';
import {
  AKS_AGENT_POOL_NAME,
  AKS_MAX_AGENT_POOL_NAME_LENGTH,
  AKS_MAX_MAX_PODS,
  AKS_MAX_NODES_PER_CLUSTER,
  AKS_MAX_NODES_PER_KUBENET_CLUSTER,
  AKS_MAX_NODES_PER_POOL,
  AKS_MIN_MAX_PODS,
} from './AksLimits';
import { ClusterNetworking, PoolNetworking } from './ClusterNetworking';

function checkPoolName(pool: PoolNetworking, index: number): void {
  const windows = pool.osType.toLowerCase() === 'windows';
  const os = windows ? 'Windows' : 'Linux';
  const max = AKS_MAX_AGENT_POOL_NAME_LENGTH[os];
  let why: string | undefined;
  if (!AKS_AGENT_POOL_NAME.test(pool.name)) {
    why =
      'an agent pool name has lowercase letters and digits only and starts with a lowercase letter';
  } else if (pool.name.length > max) {
    why = `it has ${pool.name.length} characters and a ${os} agent pool name can have at most ${max}`;
  }
  if (why) {
    throw badRequest(
      'InvalidParameter',
      `The value of parameter agentPoolProfile.name is invalid: '${pool.name}' (osType ${os}): ${why}. Please see https://aka.ms/aks-naming-rules for more details.`,
      `agentPoolProfiles[${index}].name`,
    );
  }
}

/**
 * Every agent pool as AKS checks it: a name of lowercase letters and digits starting
 * with a letter, at most 12 characters for Linux and 6 for Windows; 0 to 1,000 nodes;
 * maxPods 10–250; and at least one System pool. The cluster holds at most 5,000 nodes
 * in all, a kubenet cluster at most 400 (see `AksLimits.ts` for the sources).
 */
export function checkPools(
  networking: ClusterNetworking,
  modes: string[],
): void {
  if (networking.pools.length === 0) {
    throw badRequest(
      'InvalidParameter',
      'The value of parameter agentPoolProfiles is invalid: a cluster needs at least one agent pool.',
      'agentPoolProfiles',
    );
  }
  networking.pools.forEach((pool, index) => {
    checkPoolName(pool, index);
    if (
      !Number.isInteger(pool.count) ||
      pool.count < 0 ||
      pool.count > AKS_MAX_NODES_PER_POOL
    ) {
      throw badRequest(
        'InvalidParameter',
        `The value of parameter agentPoolProfile.count is invalid: ${pool.count} (pool '${pool.name}'). It must be between 0 and ${AKS_MAX_NODES_PER_POOL}.`,
        `agentPoolProfiles[${index}].count`,
      );
    }
    if (
      !Number.isInteger(pool.maxPods) ||
      pool.maxPods < AKS_MIN_MAX_PODS ||
      pool.maxPods > AKS_MAX_MAX_PODS
    ) {
      throw badRequest(
        'InvalidParameter',
        `The value of parameter agentPoolProfile.maxPods is invalid: ${pool.maxPods} (pool '${pool.name}'). maxPods must be between ${AKS_MIN_MAX_PODS} and ${AKS_MAX_MAX_PODS}.`,
        `agentPoolProfiles[${index}].maxPods`,
      );
    }
  });
  const total = networking.pools.reduce((sum, pool) => sum + pool.count, 0);
  if (total > AKS_MAX_NODES_PER_CLUSTER) {
    throw badRequest(
      'InvalidParameter',
      `The value of parameter agentPoolProfiles is invalid: the agent pools hold ${total} nodes in all; a cluster can have at most ${AKS_MAX_NODES_PER_CLUSTER}.`,
      'agentPoolProfiles',
    );
  }
  if (
    networking.plugin.toLowerCase() === 'kubenet' &&
    total > AKS_MAX_NODES_PER_KUBENET_CLUSTER
  ) {
    throw badRequest(
      'InvalidParameter',
      `The value of parameter agentPoolProfiles is invalid: the agent pools hold ${total} nodes in all; a cluster with networkProfile.networkPlugin kubenet can have at most ${AKS_MAX_NODES_PER_KUBENET_CLUSTER} (one route per node, 400 routes per route table).`,
      'agentPoolProfiles',
    );
  }
  if (!modes.some(mode => mode.toLowerCase() === 'system')) {
    throw badRequest(
      'InvalidParameter',
      'The value of parameter agentPoolProfiles is invalid: a cluster needs at least one agent pool with mode System.',
      'agentPoolProfiles',
    );
  }
}
