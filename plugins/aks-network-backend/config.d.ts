export interface Config {
  /** Settings of the AKS network plugin set. */
  aksNetwork?: {};
}
