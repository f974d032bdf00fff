import { DOMAIN_FACTS, KUBENET_RETIREMENT_DATE } from '../facts';
import { PostureContext } from './PostureContext';
import { PostureFinding } from './PostureFinding';

/**
 * kubenet retiring (docs/domain.md#kubenet-retirement: "kubenet (retires 2028-03-31)"): warn before, fail from the
 * date. Only kubenet clusters get this check.
 */
export function kubenetRetirementCheck(
  context: PostureContext,
): PostureFinding | undefined {
  if (context.model !== 'kubenet') {
    return undefined;
  }
  const retired = context.today >= KUBENET_RETIREMENT_DATE;
  return {
    id: 'kubenet-retiring',
    status: retired ? 'fail' : 'warn',
    title: retired
      ? 'kubenet is retired'
      : `kubenet retires on ${KUBENET_RETIREMENT_DATE}`,
    detail: retired
      ? `kubenet retired on ${KUBENET_RETIREMENT_DATE}; the cluster runs an unsupported network plugin.`
      : `The cluster uses kubenet, which retires on ${KUBENET_RETIREMENT_DATE}.`,
    fact: DOMAIN_FACTS.kubenetRetirement,
    remediation:
      'Move the cluster to Azure CNI Overlay, or request a new overlay cluster.',
  };
}
