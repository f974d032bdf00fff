export * from './AzureInventoryReader';
export { forEachConcurrently } from './forEachConcurrently';
export type {
  InventoryCallKind,
  InventoryCallCounts,
} from './InventoryCallCounts';
export type { InventoryReadError } from './InventoryReadError';
export * from './resourceGraph';
export * from './createInventoryReader';
