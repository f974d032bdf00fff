/**
 * What the platform team costs ACNS at (docs/domain.md#acns: "$0.025 per node per hour").
 *
 * @public
 */
export const ACNS_USD_PER_NODE_HOUR = 0.025;

/**
 * Hours in a billing month. Azure's price calculator uses 730 (365 × 24 / 12); this
 * plugin does the same so its monthly figures match the calculator.
 *
 * @public
 */
export const HOURS_PER_MONTH = 730;
