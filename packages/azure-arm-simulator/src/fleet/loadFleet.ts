import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { isJsonObject, JsonValue } from '../json/JsonValue';
import { SimulatorFleet } from './SimulatorFleet';

/**
 * Reads a fleet YAML file (see examples/azure-fleet/fleet.yaml). Only the outline is
 * checked here; each resource is validated when it is seeded, by the same checks a PUT
 * meets, and a refused one names the resource and ARM's error.
 *
 * @public
 */
export async function loadFleet(path: string): Promise<SimulatorFleet> {
  const text = await readFile(path, 'utf8');
  return parseFleet(parse(text) as JsonValue, path);
}

/** Checks the outline of a parsed fleet document. @public */
export function parseFleet(
  document: JsonValue,
  source = 'fleet',
): SimulatorFleet {
  if (!isJsonObject(document)) {
    throw new Error(`${source}: expected a mapping at the top level`);
  }
  const subscriptions = document.subscriptions;
  if (!Array.isArray(subscriptions) || subscriptions.length === 0) {
    throw new Error(
      `${source}: 'subscriptions' must list at least one subscription`,
    );
  }
  subscriptions.forEach((entry, index) => {
    if (
      !isJsonObject(entry) ||
      typeof entry.id !== 'string' ||
      typeof entry.displayName !== 'string'
    ) {
      throw new Error(
        `${source}: subscriptions[${index}] needs 'id' and 'displayName' strings`,
      );
    }
  });
  for (const key of [
    'virtualNetworks',
    'networkSecurityGroups',
    'clusters',
    'addressPools',
  ]) {
    const value = document[key];
    if (value !== undefined && value !== null && !Array.isArray(value)) {
      throw new Error(`${source}: '${key}' must be a list`);
    }
  }
  (Array.isArray(document.clusters) ? document.clusters : []).forEach(
    (entry, index) => {
      if (
        !isJsonObject(entry) ||
        typeof entry.name !== 'string' ||
        !isJsonObject(entry.network) ||
        !Array.isArray(entry.pools)
      ) {
        throw new Error(
          `${source}: clusters[${index}] needs 'name', 'network' and 'pools'`,
        );
      }
    },
  );
  // The outline matches SimulatorFleet; the seed checks each resource in depth.
  return document as unknown as SimulatorFleet;
}
