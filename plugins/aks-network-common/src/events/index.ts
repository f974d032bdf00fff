export * from './inventoryEvents';
