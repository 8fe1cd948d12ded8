import type { ResolvedWorkload } from '../../../declaration/resolve';
import { KINDS, POD_SPREAD, runsToCompletion } from '../../../kinds/table';
import { commonLabels, nameOf, selectorLabels } from '../../metadata';
import { initContainer, mainContainer, sidecarContainer } from './containers';
import { meshAnnotations } from './mesh';
import { podScheduling } from './scheduling';
import { podSecurityContext } from './security';
import type { PodTemplate } from './types';
import { podVolumes } from './volumes';

/**
 * The one pod template every controller kind shares: identity, grace period, security, scheduling,
 * containers and volumes. A controller adds only its own fields around it.
 */
export function podTemplate(workload: ResolvedWorkload): PodTemplate {
  const { spec } = workload;
  const { containers } = workload.timings;
  const sidecars = workload.sidecars.map((sidecar, index) =>
    sidecarContainer(sidecar, containers.sidecars[index]!, containers.sidecarMode, workload),
  );
  const native = containers.sidecarMode === 'native';
  // Native sidecars come first, so that a proxy is already up for a migration.
  const initContainers = [...(native ? sidecars : []), ...workload.initContainers.map((init) => initContainer(init, workload))];
  // The declared annotations and the mesh's derived ones: checkPod refuses a key in both.
  const annotations = { ...spec.podAnnotations, ...(containers.mesh ? meshAnnotations(containers.mesh) : {}) };
  const scheduling = podScheduling(selectorLabels(workload), POD_SPREAD[KINDS[spec.kind].controller], spec.scheduling);
  return {
    metadata: { labels: commonLabels(workload), annotations: Object.keys(annotations).length > 0 ? annotations : undefined },
    spec: {
      serviceAccountName: nameOf(workload, 'ServiceAccount'),
      // Only a workload that declares it calls the Kubernetes API, with a reason, gets a token.
      automountServiceAccountToken: spec.serviceAccount?.mountApiToken === true,
      imagePullSecrets: spec.imagePullSecrets?.map((name) => ({ name })),
      // A Job's failed pod is replaced by a new one (counted by backoffLimit and the pod failure policy,
      // which requires Never) rather than restarted in place.
      restartPolicy: runsToCompletion(spec.kind) ? 'Never' : undefined,
      // Each attempt's own deadline (src/timing/kinds/job.ts): the Job's applies to all attempts together.
      activeDeadlineSeconds: workload.timings.job?.attemptDeadlineSeconds,
      terminationGracePeriodSeconds: workload.timings.terminationGracePeriodSeconds,
      securityContext: podSecurityContext(spec.securityContext),
      topologySpreadConstraints: scheduling.topologySpreadConstraints,
      affinity: scheduling.affinity,
      nodeSelector: scheduling.nodeSelector,
      tolerations: scheduling.tolerations,
      priorityClassName: scheduling.priorityClassName,
      initContainers: initContainers.length > 0 ? initContainers : undefined,
      containers: [mainContainer(workload), ...(native ? [] : sidecars)],
      volumes: podVolumes(workload),
    },
  };
}
