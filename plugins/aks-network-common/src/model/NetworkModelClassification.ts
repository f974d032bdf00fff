import { NetworkDataplane, NetworkModel } from './NetworkModel';

/**
 * What {@link classifyNetworkModel} found. An ARM shape it cannot place is a result with
 * `known: false` and a reason, never an exception: the inventory must still list the
 * cluster.
 *
 * @public
 */
export type NetworkModelClassification =
  | {
      known: true;
      model: NetworkModel;
      /** Null for kubenet and a BYO CNI: they have no Azure dataplane. */
      dataplane: NetworkDataplane | null;
      /** Which ARM values decided it, for people reading the inventory. */
      reason: string;
    }
  | {
      known: false;
      /** Why the model could not be told, naming the ARM field and value. */
      reason: string;
    };
