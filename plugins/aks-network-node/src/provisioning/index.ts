export * from './AzureProvisioner';
export * from './AzureOperationError';
export { MAX_PROGRESS_INTERVAL_MS } from './pollWithProgress';
export type { OperationProgress } from './pollWithProgress';
