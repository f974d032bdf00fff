export * from './NetworkFinding';
export * from './NetworkRequest';
export type { AzureNameKind } from './AzureNameRules';
export { azureNameProblem, checkAzureName } from './AzureNameRules';
export * from './validateNetworkRequest';
export {
  azureRegionNameProblem,
  isSubscriptionId,
  subscriptionIdProblem,
} from './AzureIdRules';
