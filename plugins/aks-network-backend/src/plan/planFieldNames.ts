/**
 * Field paths of common's `validateNetworkRequest` input → the plan request's (the
 * scaffolder actions' input names), so a finding names what the template author or the
 * form user wrote.
 */
const COMMON_TO_REQUEST: Record<string, string> = {
  'cluster.name': 'name',
  'cluster.resourceGroup': 'resourceGroup',
  'cluster.location': 'region',
  'cluster.kubernetesVersion': 'kubernetesVersion',
  'network.model': 'networkModel',
  'network.dataplane': 'networkDataplane',
  'network.podCidr': 'podCidr',
  'network.serviceCidr': 'serviceCidr',
  'network.dnsServiceIp': 'dnsServiceIp',
  'nodePools.0.count': 'nodeCount',
  'nodePools.0.maxPods': 'maxPods',
  'nodePools.0.vmSize': 'vmSize',
  'nodePools.0.name': 'nodePoolName',
  nodePools: 'nodeCount',
};

/** The request field of one of common's finding fields. */
export function requestFieldOf(commonField: string): string {
  if (COMMON_TO_REQUEST[commonField]) {
    return COMMON_TO_REQUEST[commonField];
  }
  // The VNet and the node subnet come from the address pool.
  if (
    commonField.startsWith('network.vnet') ||
    commonField.startsWith('network.nodeSubnet')
  ) {
    return 'addressPoolId';
  }
  return commonField;
}

/**
 * Common's messages quote its own field paths (`… (network.serviceCidr)`,
 * `nodePools.0.maxPods is 5`); the request's names are what a person can find.
 */
export function withRequestFieldNames(message: string): string {
  return Object.keys(COMMON_TO_REQUEST)
    .filter(field => field.includes('.'))
    .sort((a, b) => b.length - a.length)
    .reduce(
      (text, field) => text.split(field).join(COMMON_TO_REQUEST[field]),
      message,
    );
}
