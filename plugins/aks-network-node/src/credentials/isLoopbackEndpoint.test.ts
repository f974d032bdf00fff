import { isLoopbackEndpoint } from './isLoopbackEndpoint';

describe('isLoopbackEndpoint', () => {
  it.each([
    'https://127.0.0.1:7443',
    'https://127.255.0.1',
    'https://127.1:7443',
    'https://localhost:7443',
    'https://LOCALHOST',
    'https://[::1]:7443',
  ])('takes %s as loopback', url => {
    expect(isLoopbackEndpoint(url)).toBe(true);
  });

  it.each([
    'https://management.azure.com',
    'https://10.1.2.3',
    'https://128.0.0.1',
    'https://0.0.0.0:7443',
    'https://localhost.example.com',
    'https://127.0.0.1.nip.io',
    'https://[::ffff:127.0.0.1]',
    'https://[::2]',
    'not a url',
  ])('takes %s as remote', url => {
    expect(isLoopbackEndpoint(url)).toBe(false);
  });
});
