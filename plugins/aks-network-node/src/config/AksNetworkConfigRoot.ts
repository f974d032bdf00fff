/**
 * Every setting of the plugin set lives under this key (docs/domain.md#config-root: "Config lives under
 * `aksNetwork:`"); the backend plugin's `config.d.ts` declares it.
 *
 * @public
 */
export const AKS_NETWORK_CONFIG_ROOT = 'aksNetwork';
