import {
  containsCidr,
  overlaps,
  parseCidr,
  parseIp,
  containsIp,
} from '../cidr';
import {
  ACNS_USD_PER_NODE_HOUR,
  AKS_RESERVED_RANGES,
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_POD_CIDR,
  DEFAULT_POD_CIDR_IPV6,
  DEFAULT_SERVICE_CIDR,
  DEFAULT_SERVICE_CIDR_IPV6,
  DOMAIN_FACTS,
  MAX_LINUX_NODE_POOL_NAME_LENGTH,
  MAX_NODES_PER_CLUSTER,
  MAX_NODES_PER_KUBENET_CLUSTER,
  MAX_NODES_PER_NODE_POOL,
  MAX_WINDOWS_NODE_POOL_NAME_LENGTH,
  MIN_IPV6_SERVICE_CIDR_PREFIX,
  HOURS_PER_MONTH,
  POD_CIDR_PRIVATE_RANGES,
} from '.';

function cidr(text: string) {
  const result = parseCidr(text);
  if (!result.ok) {
    throw new Error(`${text}: ${result.reason}`);
  }
  return result.cidr;
}

describe('domain facts', () => {
  it.each([
    ...AKS_RESERVED_RANGES,
    ...POD_CIDR_PRIVATE_RANGES.map(r => r.cidr),
    DEFAULT_POD_CIDR,
    DEFAULT_SERVICE_CIDR,
  ])('%s is a valid CIDR', text => {
    expect(parseCidr(text).ok).toBe(true);
  });

  it('has the AKS defaults consistent with each other', () => {
    const dns = parseIp(DEFAULT_DNS_SERVICE_IP);
    expect(
      dns.ok && containsIp(cidr(DEFAULT_SERVICE_CIDR), dns.family, dns.value),
    ).toBe(true);
    expect(overlaps(cidr(DEFAULT_POD_CIDR), cidr(DEFAULT_SERVICE_CIDR))).toBe(
      false,
    );
    expect(
      POD_CIDR_PRIVATE_RANGES.some(range =>
        containsCidr(cidr(range.cidr), cidr(DEFAULT_POD_CIDR)),
      ),
    ).toBe(true);
  });

  it('knows 172.16.0.0/12 is private but touches the reserved 172.30.0.0/16', () => {
    expect(AKS_RESERVED_RANGES).toContain('172.30.0.0/16');
    expect(overlaps(cidr('172.16.0.0/12'), cidr('172.30.0.0/16'))).toBe(true);
  });

  it('prices ACNS as docs/domain.md#acns does', () => {
    expect(ACNS_USD_PER_NODE_HOUR).toBe(0.025);
    expect(HOURS_PER_MONTH).toBe(730);
    expect(DOMAIN_FACTS.acns).toContain('$0.025 per node per hour');
  });

  it('has dual-stack defaults that are IPv6, apart, and a service CIDR of /108 or smaller', () => {
    const pod = cidr(DEFAULT_POD_CIDR_IPV6);
    const service = cidr(DEFAULT_SERVICE_CIDR_IPV6);
    expect([pod.family, service.family]).toEqual(['ipv6', 'ipv6']);
    expect(overlaps(pod, service)).toBe(false);
    expect(service.prefix).toBeGreaterThanOrEqual(MIN_IPV6_SERVICE_CIDR_PREFIX);
  });

  it('orders the node and name limits as AKS documents them', () => {
    expect(MAX_NODES_PER_KUBENET_CLUSTER).toBe(400);
    expect(MAX_NODES_PER_NODE_POOL).toBe(1000);
    expect(MAX_NODES_PER_CLUSTER).toBe(5000);
    expect(MAX_LINUX_NODE_POOL_NAME_LENGTH).toBe(12);
    expect(MAX_WINDOWS_NODE_POOL_NAME_LENGTH).toBe(6);
  });
});
