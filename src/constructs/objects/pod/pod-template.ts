import type { ResolvedWorkload } from '../../../declaration/resolve';
import { commonLabels, selectorLabels } from '../../metadata';
import { mainContainer } from './containers';
import { spread } from './scheduling';
import { POD_SECURITY_CONTEXT } from './security';
import type { PodTemplate } from './types';
import { podVolumes } from './volumes';

/**
 * The one pod template every controller kind shares: identity, grace period, security, scheduling,
 * containers and volumes. A controller adds only its own fields around it.
 */
export function podTemplate(workload: ResolvedWorkload): PodTemplate {
  return {
    metadata: { labels: commonLabels(workload) },
    spec: {
      serviceAccountName: workload.instance,
      automountServiceAccountToken: false,
      terminationGracePeriodSeconds: workload.timings.terminationGracePeriodSeconds,
      securityContext: POD_SECURITY_CONTEXT,
      ...spread(selectorLabels(workload)),
      containers: [mainContainer(workload)],
      volumes: podVolumes(),
    },
  };
}
