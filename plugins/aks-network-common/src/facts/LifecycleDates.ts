/**
 * kubenet retires on this date (docs/domain.md#kubenet-retirement: "kubenet (retires 2028-03-31)"). ISO dates,
 * compared as UTC days.
 *
 * @public
 */
export const KUBENET_RETIREMENT_DATE = '2028-03-31';

/** NSG flow logs stop working on this date (docs/domain.md#nsg-flow-logs: "retired 2027-09-30"). @public */
export const NSG_FLOW_LOGS_RETIREMENT_DATE = '2027-09-30';

/**
 * No NSG flow log can be created after this date (docs/domain.md#nsg-flow-logs: "no new ones since
 * 2025-06-30").
 *
 * @public
 */
export const NSG_FLOW_LOGS_LAST_CREATION_DATE = '2025-06-30';

/**
 * The in-place flat → overlay migration needs at least this Kubernetes version
 * (docs/domain.md#in-place-migration: "needs k8s ≥ 1.27 and no network policy").
 *
 * @public
 */
export const IN_PLACE_MIGRATION_MIN_KUBERNETES_VERSION = {
  major: 1,
  minor: 27,
} as const;
