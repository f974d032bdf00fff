import { AsyncOperations } from '../operations/AsyncOperations';
import { SimulatorState } from '../state/SimulatorState';

/** What route handlers share. */
export interface SimulatorContext {
  state: SimulatorState;
  operations: AsyncOperations;
  /** Items per list page (small, so clients really follow nextLink). */
  pageSize: number;
  /** The tenant of every simulated subscription. */
  tenantId: string;
}
