/**
 * Azure rules this plugin enforces that DESIGN.md does not state (yet). Kept apart from
 * `DESIGN_FACTS` so a finding never claims DESIGN says something it does not.
 *
 * @public
 */
export const AZURE_RULES = {
  serviceCidrNoOverlap:
    'Azure rule (not in DESIGN.md): the service CIDR must not overlap the VNet, the node subnet or peered ranges; AKS refuses it (ServiceCidrOverlapExistingSubnetsCidr).',
  nodeSubnetInVnet:
    "Azure rule (not in DESIGN.md): a subnet lies inside its VNet's address space.",
  nameCharacters:
    'Azure naming rules (not in DESIGN.md): cluster — letters, digits, - and _, starting and ending with a letter or digit; VNet (2+ characters) and subnet — letters, digits, _, - and ., starting with a letter or digit and ending with a letter, digit or _; resource group — letters, digits, _, -, . and parentheses, not ending with a period.',
  systemPool:
    'Azure rule (not in DESIGN.md): a cluster needs at least one System node pool with a node.',
  ciliumDataplane:
    'Azure rule (not in DESIGN.md): the cilium dataplane runs with network plugin azure (overlay or pod subnet), not with kubenet or a BYO CNI.',
} as const;
