/**
 * Whether a URL points at this machine's loopback interface: `localhost`, an address of
 * 127.0.0.0/8, or `::1`.
 *
 * Why so narrow: the development credential sends a fixed token that anyone who reads
 * the config knows. It is only safe where no other machine can answer, so anything that
 * needs DNS or routing (a LAN address, a host name other than `localhost`, an
 * IPv4-mapped IPv6 address) is treated as remote.
 *
 * @public
 */
export function isLoopbackEndpoint(endpoint: string): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  // WHATWG URL parsing already normalises `127.1`, `0x7f.0.0.1` and friends to dotted
  // decimal, and lower-cases host names, so only canonical forms need matching here.
  const host = url.hostname;
  if (host === 'localhost') {
    return true;
  }
  if (host === '[::1]') {
    return true;
  }
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return ipv4 !== null && ipv4[1] === '127';
}
