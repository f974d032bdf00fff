import { cliFaults } from './cliFaults';

describe('cliFaults', () => {
  it('makes --latency-ms a start-up latency on every call', () => {
    expect(cliFaults({ 'latency-ms': '50' })).toEqual({ latencyMs: 50 });
    expect(cliFaults({ 'latency-ms': '0' })).toEqual({ latencyMs: 0 });
  });

  it('starts without faults when no flag is given', () => {
    expect(cliFaults({})).toBeUndefined();
  });

  it.each(['-1', '1.5', 'fast', ''])('refuses --latency-ms %p', text => {
    expect(() => cliFaults({ 'latency-ms': text })).toThrow(
      `--latency-ms must be a non-negative integer, got '${text}'`,
    );
  });
});
