import { Testing } from 'cdk8s';
import { hardenedWorkload, type WorkloadSpec } from '../../src';
import type { KubernetesObject } from '../../src/manifests/facts';

export function objectsOfKind(objects: readonly KubernetesObject[], kind: string): KubernetesObject[] {
  return objects.filter((object) => object.kind === kind);
}

export function theOnly(objects: readonly KubernetesObject[], kind: string): KubernetesObject {
  const found = objectsOfKind(objects, kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0]!;
}

/** The first container of the Deployment's pod template. */
export function mainContainer(objects: readonly KubernetesObject[]) {
  return theOnly(objects, 'Deployment').spec.template.spec.containers[0];
}

/** The objects the construct class of the declaration's kind synthesizes, in a chart of their own. */
export function synthesizedByKind(declaration: WorkloadSpec): KubernetesObject[] {
  const chart = Testing.chart();
  hardenedWorkload(chart, 'workload', declaration);
  return Testing.synth(chart) as KubernetesObject[];
}
