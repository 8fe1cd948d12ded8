import { Testing } from 'cdk8s';
import { stringify } from 'yaml';
import { hardenedWorkload, isDeclarationError, resolveWorkload, synthesizeObjects, type WorkloadSpec } from '../../src';
import { ACKNOWLEDGED_ANNOTATION } from '../../src/constructs/metadata';
import type { Rollout } from '../../src/timing/types';
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

/** The controls of the restricted standard a declaration can depart from (a node agent's), by the rule id that acknowledges each. */
const ACKNOWLEDGEABLE_CONTROLS: Record<string, string> = {
  'Volume Types': 'volumeTypes',
  'Running as Non-root': 'runAsNonRoot',
  'Running as Non-root user': 'runAsUser',
  Capabilities: 'capabilities',
};

/**
 * The restricted Pod Security Standard's findings on a controller's pod template, less those of the
 * controls its annotation acknowledges (a node agent's host paths, root and capabilities: the
 * departures a declaration can make).
 */
export function unacknowledgedPodFindings(controller: KubernetesObject): PodSecurityFinding[] {
  const template = controller.kind === 'CronJob' ? controller.spec.jobTemplate.spec.template : controller.spec.template;
  const acknowledged = (controller.metadata?.annotations?.[ACKNOWLEDGED_ANNOTATION] ?? '').split('\n').map((line) => line.split(':')[0]);
  return restrictedPodFindings(template.spec, template.metadata?.annotations).filter(
    (finding) => !acknowledged.includes(ACKNOWLEDGEABLE_CONTROLS[finding.control] ?? ''),
  );
}

/** The objects both faces make of one declaration (the TypeScript face). */
export function synth(declaration: WorkloadSpec): KubernetesObject[] {
  return synthesizeObjects([declaration]) as KubernetesObject[];
}

/** One declaration's objects as a multi-document YAML file, as `check` reads manifests. */
export function yamlOf(declaration: WorkloadSpec): string {
  return synth(declaration)
    .map((object) => stringify(object))
    .join('---\n');
}

/** Each problem's field and rule, or none when the declaration is accepted. */
export function problemsOf(declaration: unknown): Array<{ path: string; rule: string }> {
  try {
    resolveWorkload(declaration);
  } catch (error) {
    if (isDeclarationError(error)) return error.problems.map(({ path, rule }) => ({ path, rule }));
    throw error;
  }
  return [];
}

/** The rollout of a declaration whose kind runs it with this controller. */
export function rolloutOf<C extends Rollout['controller']>(declaration: WorkloadSpec, controller: C): Extract<Rollout, { controller: C }> {
  const { rollout } = resolveWorkload(declaration).timings;
  if (rollout.controller !== controller) throw new Error(`expected a ${controller}'s rollout, got ${rollout.controller}'s`);
  return rollout as Extract<Rollout, { controller: C }>;
}

/** The objects the construct class of the declaration's kind synthesizes, in a chart of their own. */
export function synthesizedByKind(declaration: WorkloadSpec): KubernetesObject[] {
  const chart = Testing.chart();
  hardenedWorkload(chart, 'workload', declaration);
  return Testing.synth(chart) as KubernetesObject[];
}
