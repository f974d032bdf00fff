export * from './AzureInventoryReader';
export type {
  InventoryCallKind,
  InventoryCallCounts,
} from './InventoryCallCounts';
export type { InventoryReadError } from './InventoryReadError';
