import type { ApiCluster } from '@aks-network/plugin-aks-network-common';
import { StatusAborted, StatusOK } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';

function OnOff(props: { on: boolean; name: string; note?: string }) {
  return (
    <Typography
      variant="body2"
      component="div"
      data-addon={props.name}
      data-on={props.on}
    >
      {props.on ? <StatusOK>On</StatusOK> : <StatusAborted>Off</StatusAborted>}{' '}
      {props.name}
      {props.note ? (
        <Typography variant="caption" color="textSecondary" component="span">
          {' '}
          — {props.note}
        </Typography>
      ) : null}
    </Typography>
  );
}

/**
 * The addons that matter for network visibility (docs/domain.md#acns: ACNS is
 * `networkProfile.advancedNetworking`; stored flow logs are the monitoring addon's
 * `enableContainerNetworkLogs`).
 */
export function AddonsList(props: { cluster: ApiCluster }) {
  const { acns, omsagent } = props.cluster.addons;
  return (
    <div>
      <OnOff on={acns.enabled} name="Advanced Container Networking Services" />
      <OnOff
        on={acns.enabled && acns.observability}
        name="ACNS observability"
        note="Hubble flows, Prometheus and Grafana: same-node pod traffic visible"
      />
      <OnOff
        on={acns.enabled && acns.security}
        name="ACNS security"
        note="FQDN filtering and L7 policy (Cilium)"
      />
      <OnOff on={omsagent.enabled} name="Monitoring (Container insights)" />
      <OnOff
        on={omsagent.enabled && omsagent.containerNetworkLogs}
        name="Container network logs"
        note="flow history kept in Log Analytics"
      />
    </div>
  );
}
