export * from './AzureInventoryReader';
export { forEachConcurrently } from './forEachConcurrently';
export { SharedReads } from './SharedReads';
export type { Outcome, ReadFailure } from './SharedReads';
export type {
  InventoryCallKind,
  InventoryCallCounts,
} from './InventoryCallCounts';
export type { InventoryReadError } from './InventoryReadError';
export * from './resourceGraph';
export * from './createInventoryReader';
