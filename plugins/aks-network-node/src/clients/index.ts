export { ARM_USER_AGENT_PREFIX, createArmClients } from './createArmClients';
export type { ArmClients, CreateArmClientsOptions } from './createArmClients';
export { AzureAccess } from './AzureAccess';
export type { AzureAccessOptions } from './AzureAccess';
export { azureAccessServiceRef } from './azureAccessServiceRef';
