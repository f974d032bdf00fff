export * from './NetworkFinding';
export * from './NetworkRequest';
export type { AzureNameKind } from './AzureNameRules';
export { checkAzureName } from './AzureNameRules';
export * from './validateNetworkRequest';
