import { JsonValue } from '../json/JsonValue';
import { ArmError } from '../server/ArmError';
import { ArmResourceJson, SimulatorState } from '../state/SimulatorState';
import { FLOW_LOG_TYPE, networkEtag } from './networkResources';

/**
 * Turns a flow log on or off in place, as `az network watcher flow-log update
 * --enabled false` does in Azure: the resource stays, its `properties.enabled` changes
 * and it gets a new etag (https://learn.microsoft.com/azure/network-watcher/vnet-flow-logs-manage#disable-a-flow-log).
 * What the admin endpoint and the simulator's API call, so a test or a demo can make a
 * cluster lose its flow log.
 */
export function setFlowLogEnabled(
  state: SimulatorState,
  body: JsonValue | undefined,
): ArmResourceJson {
  const input =
    body && typeof body === 'object' && !Array.isArray(body) ? body : {};
  const { id, enabled } = input as { id?: unknown; enabled?: unknown };
  if (typeof id !== 'string' || id === '') {
    throw new ArmError({
      statusCode: 400,
      code: 'InvalidRequestContent',
      message: 'id: expected the flow log ARM id as a string',
      target: 'id',
    });
  }
  if (typeof enabled !== 'boolean') {
    throw new ArmError({
      statusCode: 400,
      code: 'InvalidRequestContent',
      message: 'enabled: expected true or false',
      target: 'enabled',
    });
  }
  const flowLog = state.get(id);
  if (!flowLog || flowLog.type.toLowerCase() !== FLOW_LOG_TYPE.toLowerCase()) {
    throw new ArmError({
      statusCode: 404,
      code: 'NotFound',
      message: `No flow log ${id}`,
      target: 'id',
    });
  }
  const properties = (flowLog.properties ?? {}) as Record<string, JsonValue>;
  flowLog.properties = { ...properties, enabled };
  flowLog.etag = networkEtag();
  return structuredClone(flowLog);
}
