import { ACKNOWLEDGED_ANNOTATION } from '../../src/constructs/metadata';
import type { KubernetesObject } from '../../src/manifests/facts';
import { type PodSecurityFinding, restrictedPodFindings } from '../../src/manifests/pod-security';

export function objectsOfKind(objects: readonly KubernetesObject[], kind: string): KubernetesObject[] {
  return objects.filter((object) => object.kind === kind);
}

export function theOnly(objects: readonly KubernetesObject[], kind: string): KubernetesObject {
  const found = objectsOfKind(objects, kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0]!;
}

/** The first container of the pod template of the workload's controller (a Deployment, or the kind's own). */
export function mainContainer(objects: readonly KubernetesObject[], controller = 'Deployment') {
  return theOnly(objects, controller).spec.template.spec.containers[0];
}

/**
 * The restricted Pod Security Standard's findings on a controller's pod template, less those of the
 * control "Volume Types" when its annotation acknowledges them (`volumeTypes`: a node agent's
 * declared host paths, the one departure a declaration can make).
 */
export function unacknowledgedPodFindings(controller: KubernetesObject): PodSecurityFinding[] {
  const { template } = controller.spec;
  const acknowledged = (controller.metadata?.annotations?.[ACKNOWLEDGED_ANNOTATION] ?? '').split('\n').map((line) => line.split(':')[0]);
  return restrictedPodFindings(template.spec, template.metadata?.annotations).filter(
    (finding) => !(finding.control === 'Volume Types' && acknowledged.includes('volumeTypes')),
  );
}
