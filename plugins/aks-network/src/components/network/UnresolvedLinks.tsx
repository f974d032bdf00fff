import type { UnresolvedClusterLink } from '@aks-network/plugin-aks-network-common';
import { WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';

/** Links of the entity that lead to no cluster in the inventory, each with why. */
export function UnresolvedLinks(props: { links: UnresolvedClusterLink[] }) {
  if (props.links.length === 0) {
    return null;
  }
  return (
    <WarningPanel
      severity="info"
      title={`${props.links.length} link${
        props.links.length === 1 ? '' : 's'
      } to a cluster could not be followed`}
    >
      {props.links.map(link => (
        <Typography key={link.ref} variant="body2">
          <code>{link.ref}</code>: {link.reason}
        </Typography>
      ))}
    </WarningPanel>
  );
}
