import type { PoolPlan } from '@aks-network/plugin-aks-network-common';
import Box from '@material-ui/core/Box';
import { StatusText } from './StatusText';

/**
 * Whether the plan can go on, and every finding with the request field it names. An
 * error is what the validator turns into the step's error on Next; a warning is worth
 * reading but blocks nothing.
 */
export function PlanFindings(props: { plan: PoolPlan }) {
  const { plan } = props;
  const errors = plan.findings.filter(f => f.severity === 'error').length;
  return (
    <Box>
      <Box mb={1} data-testid="plan-verdict">
        {plan.valid ? (
          <StatusText severity="ok">
            Valid: the cluster fits pool {plan.poolId} and the organisation's
            policy.
          </StatusText>
        ) : (
          <StatusText severity="error">
            Not valid: {errors === 1 ? '1 error' : `${errors} errors`} to fix
            before going on.
          </StatusText>
        )}
      </Box>
      {plan.findings.length > 0 ? (
        <ul
          aria-label="Findings of the plan"
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {plan.findings.map(finding => (
            <li
              key={`${finding.field}\u0000${finding.rule}\u0000${finding.message}`}
            >
              <StatusText
                severity={finding.severity === 'error' ? 'error' : 'warning'}
              >
                {finding.severity === 'error' ? 'Error' : 'Warning'} in{' '}
                <code>{finding.field}</code>: {finding.message}
              </StatusText>
            </li>
          ))}
        </ul>
      ) : null}
    </Box>
  );
}
