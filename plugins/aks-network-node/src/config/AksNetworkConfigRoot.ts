/**
 * Every setting of the plugin set lives under this key (DESIGN: "Config lives under
 * `aksNetwork:`"); the backend plugin's `config.d.ts` declares it.
 *
 * @public
 */
export const AKS_NETWORK_CONFIG_ROOT = 'aksNetwork';
