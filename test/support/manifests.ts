import type { KubernetesObject } from '../../src/manifests/facts';

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
