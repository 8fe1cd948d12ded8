import type { Node } from './objects';
import { annotatedTimes } from './declared-times';
import type { ContainerView, PodTemplateView } from './pod-templates';
import type { Related } from './relations';
import type { SourcedObject } from '../files/manifests';

interface Subject {
  readonly source: SourcedObject;
  readonly pod: PodTemplateView;
  readonly related: Related;
}

/**
 * The main containers a Service sends traffic to: those declaring a port its `targetPort` names
 * or numbers. Declaring ports is optional in Kubernetes, so when none matches, the first main
 * container is taken to be the one serving. A Service without ports (a StatefulSet's headless
 * Service that only gives each pod a DNS name) sends no traffic.
 */
export function servingContainers(workload: Subject): Set<string> {
  const mains = workload.pod.containers.filter((view) => view.role === 'main');
  const targets = workload.related.services.flatMap((service) =>
    ((service.object.spec.ports as Node[] | undefined) ?? []).map((port) => port.targetPort ?? port.port),
  );
  if (targets.length === 0) return new Set();
  const serving = mains.filter(({ container }) =>
    ((container.ports as Node[] | undefined) ?? []).some((port) => targets.includes(port.name) || targets.includes(port.containerPort)),
  );
  return new Set((serving.length > 0 ? serving : mains.slice(0, 1)).map((view) => view.name));
}

/**
 * The pod with its ordinary sidecars marked as such. Native sidecars say what they are
 * (restartPolicy Always); an ordinary container is a sidecar when our `declared` annotation gives
 * it a stop time, or when a Service sends the pod traffic and none of it to that container. The
 * application's containers stay `main`, so that the rules about serving and draining see only them.
 */
export function withSidecarRoles(workload: Subject): PodTemplateView {
  const mains = workload.pod.containers.filter((view) => view.role === 'main');
  if (mains.length < 2) return workload.pod;
  const declared = annotatedTimes(workload).containers ?? {};
  const serving = servingContainers(workload);
  const isSidecar = (view: ContainerView) =>
    declared[view.name]?.stopSeconds !== undefined || (serving.size > 0 && !serving.has(view.name));
  // One main container always stays: a pod is never all sidecars.
  if (mains.every(isSidecar)) return workload.pod;
  return {
    ...workload.pod,
    containers: workload.pod.containers.map((view) => (view.role === 'main' && isSidecar(view) ? { ...view, role: 'sidecar' } : view)),
  };
}
