export { ResourceGraphInventoryReader } from './ResourceGraphInventoryReader';
export type {
  ResourceGraphInventoryClients,
  ResourceGraphInventoryReaderOptions,
} from './ResourceGraphInventoryReader';
