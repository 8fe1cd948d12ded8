import type { ResolvedWorkload } from '../../../declaration/resolve';
import { commonLabels, selectorLabels } from '../../metadata';
import { mainContainer } from './containers';
import { podScheduling } from './scheduling';
import { POD_SECURITY_CONTEXT } from './security';
import type { PodTemplate } from './types';
import { podVolumes } from './volumes';

/**
 * The one pod template every controller kind shares: identity, grace period, security, scheduling,
 * containers and volumes. A controller adds only its own fields around it.
 */
export function podTemplate(workload: ResolvedWorkload): PodTemplate {
  const { spec } = workload;
  const annotations = spec.podAnnotations ?? {};
  return {
    metadata: { labels: commonLabels(workload), ...(Object.keys(annotations).length > 0 ? { annotations } : {}) },
    spec: {
      serviceAccountName: workload.instance,
      // Only a workload that declares it calls the Kubernetes API, with a reason, gets a token.
      automountServiceAccountToken: spec.serviceAccount?.mountApiToken === true,
      ...(spec.imagePullSecrets ? { imagePullSecrets: spec.imagePullSecrets.map((name) => ({ name })) } : {}),
      terminationGracePeriodSeconds: workload.timings.terminationGracePeriodSeconds,
      securityContext: POD_SECURITY_CONTEXT,
      ...podScheduling(selectorLabels(workload), spec.scheduling),
      containers: [mainContainer(workload)],
      volumes: podVolumes(workload),
    },
  };
}
