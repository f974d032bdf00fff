import {
  ClusterPosture,
  PostureFinding,
  SECURITY_CHECK_FINDING_IDS,
} from '@aks-network/plugin-aks-network-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { PostureStatusLabel } from './PostureStatusLabel';

const CHECK_NAMES = {
  egressIngressMonitored: 'Egress and ingress monitored',
  samePodToPodVisible: 'Same-node pod-to-pod visible',
  historyKept: 'History of communications kept',
} as const;

/**
 * Where a check's coverage comes from, apart: what Azure itself reports (ACNS
 * observability on, for same-node traffic) and what the organisation declares
 * (docs/domain.md#declared-controls: declared, not verified). Only recognised tool
 * names reach the page: common's FLOW_EXPORT_TOOLS gives them.
 */
function CoverageChips(props: { finding: PostureFinding }) {
  const { finding } = props;
  const detected =
    finding.id === SECURITY_CHECK_FINDING_IDS.samePodToPodVisible &&
    finding.status === 'pass';
  const declared = [
    ...new Set((finding.declaredControls ?? []).map(control => control.name)),
  ];
  if (!detected && declared.length === 0) {
    return null;
  }
  return (
    <Box display="flex" gridGap={4} flexWrap="wrap" my={0.5}>
      {detected && (
        <Chip
          size="small"
          color="primary"
          label="Detected by Azure: ACNS"
          data-coverage="azure"
        />
      )}
      {declared.length > 0 && (
        <Chip
          size="small"
          variant="outlined"
          label={`Declared: ${declared.join(', ')}`}
          title="Declared by the organisation, not verified: Azure does not show what it records"
          data-coverage="declared"
        />
      )}
    </Box>
  );
}

/** One finding: its status in words, what was found, and what to do about it. */
export function FindingItem(props: { finding: PostureFinding; name?: string }) {
  const { finding, name } = props;
  return (
    <Box mb={1.5} data-finding={finding.id}>
      <Typography variant="body2" component="div">
        <PostureStatusLabel status={finding.status} />{' '}
        <strong>{name ? `${name}: ` : ''}</strong>
        {finding.title}
      </Typography>
      <CoverageChips finding={finding} />
      <Typography variant="body2" color="textSecondary">
        {finding.detail}
      </Typography>
      {finding.remediation && (
        <Typography variant="body2">
          <em>What to do:</em> {finding.remediation}
        </Typography>
      )}
    </Box>
  );
}

/**
 * The three things security wants kept, each with its status, why and the
 * remediation (docs/domain.md#security-goals: egress/ingress monitored, same-node pod-to-pod observable, a
 * history of communications).
 */
export function SecurityChecks(props: { posture: ClusterPosture }) {
  return (
    <div>
      {(Object.keys(CHECK_NAMES) as Array<keyof typeof CHECK_NAMES>).map(
        key => {
          const finding = props.posture.findings.find(
            f => f.id === SECURITY_CHECK_FINDING_IDS[key],
          );
          return finding ? (
            <FindingItem key={key} finding={finding} name={CHECK_NAMES[key]} />
          ) : (
            <Typography key={key} variant="body2" color="textSecondary">
              {CHECK_NAMES[key]}: not assessed
            </Typography>
          );
        },
      )}
    </div>
  );
}
