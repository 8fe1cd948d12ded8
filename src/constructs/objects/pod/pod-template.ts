import type { ResolvedWorkload } from '../../../declaration/resolve';
import { commonLabels, selectorLabels } from '../../metadata';
import { initContainer, mainContainer, sidecarContainer } from './containers';
import { meshAnnotations } from './mesh';
import { spread } from './scheduling';
import { POD_SECURITY_CONTEXT } from './security';
import type { PodTemplate } from './types';
import { podVolumes } from './volumes';

/**
 * The one pod template every controller kind shares: identity, grace period, security, scheduling,
 * containers and volumes. A controller adds only its own fields around it.
 */
export function podTemplate(workload: ResolvedWorkload): PodTemplate {
  const { containers } = workload.timings;
  const sidecars = workload.sidecars.map((sidecar, index) =>
    sidecarContainer(sidecar, containers.sidecars[index]!, containers.sidecarMode),
  );
  const native = containers.sidecarMode === 'native';
  // Native sidecars come first, so that a proxy is already up for a migration.
  const initContainers = [...(native ? sidecars : []), ...workload.initContainers.map(initContainer)];
  const annotations = containers.mesh ? meshAnnotations(containers.mesh) : {};
  return {
    metadata: { labels: commonLabels(workload), ...(Object.keys(annotations).length > 0 ? { annotations } : {}) },
    spec: {
      serviceAccountName: workload.instance,
      automountServiceAccountToken: false,
      terminationGracePeriodSeconds: workload.timings.terminationGracePeriodSeconds,
      securityContext: POD_SECURITY_CONTEXT,
      ...spread(selectorLabels(workload)),
      ...(initContainers.length > 0 ? { initContainers } : {}),
      containers: [mainContainer(workload), ...(native ? [] : sidecars)],
      volumes: podVolumes(),
    },
  };
}
