import { parseImage } from '../declaration/image';
import type { ResolvedWorkload } from '../declaration/resolve';
import { declaredTimes, timingSummary } from '../explain/summary';
import { ACKNOWLEDGEMENT_ALSO_COVERS } from '../declaration/ids';
import { ACKNOWLEDGED_ANNOTATION, ANNOTATION_PREFIX, DECLARED_ANNOTATION, PATCHED_ANNOTATION, TIMINGS_ANNOTATION } from '../annotations';
import { type Patches, patchedFields } from '../patches/apply';
import { objectName } from '../declaration/instances';
import type { ObjectRole } from '../kinds/table';

/** Where this project writes its annotations (src/annotations.ts, which `check` loads alone). */
export { ACKNOWLEDGED_ANNOTATION, ANNOTATION_PREFIX, DECLARED_ANNOTATION, TIMINGS_ANNOTATION };
export const MANAGED_BY = 'hardened-workloads';

/** Label values allow at most 63 characters of [A-Za-z0-9_.-], starting and ending alphanumeric. */
const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/**
 * The selector: name and instance only, or the labels of the selector the workload keeps
 * (keep.selector) from the objects it replaces. Never anything derived from a construct path, a
 * version or a user label, because a Deployment's selector is immutable once created.
 */
export function selectorLabels(workload: ResolvedWorkload): Record<string, string> {
  const kept = workload.spec.keep?.selector;
  if (kept !== undefined) return { ...kept };
  return {
    'app.kubernetes.io/name': workload.spec.name,
    'app.kubernetes.io/instance': workload.instance,
  };
}

/** Every object of a workload and its pods carry the same labels: worked out once per workload. */
const LABELS = new WeakMap<ResolvedWorkload, Readonly<Record<string, string>>>();

/** The recommended app.kubernetes.io labels plus the user's own, for every object and pod. */
export function commonLabels(workload: ResolvedWorkload): Record<string, string> {
  let labels = LABELS.get(workload);
  if (!labels) {
    const { tag } = parseImage(workload.spec.image);
    labels = {
      ...workload.spec.labels,
      'app.kubernetes.io/name': workload.spec.name,
      'app.kubernetes.io/instance': workload.instance,
      'app.kubernetes.io/component': workload.spec.kind,
      'app.kubernetes.io/managed-by': MANAGED_BY,
      ...(tag !== undefined && LABEL_VALUE.test(tag) ? { 'app.kubernetes.io/version': tag } : {}),
      // Last: the pods must carry the kept selector's labels, even one such as app.kubernetes.io/component.
      ...workload.spec.keep?.selector,
    };
    LABELS.set(workload, labels);
  }
  // A copy for each object, so that a label one object's metadata gains (addLabel) stays on that object.
  return { ...labels };
}

/** The name of a role's object: the instance name, or the name kept for it (src/declaration/instances.ts). */
export function nameOf(workload: ResolvedWorkload, role: ObjectRole): string {
  return objectName({ instance: workload.instance, kind: workload.spec.kind, names: workload.spec.keep?.names }, role);
}

/** metadata of the object of a role: its name (`nameOf`), labels and annotations. */
export function objectMetadata(workload: ResolvedWorkload, annotations?: Record<string, string>, role?: ObjectRole) {
  return {
    name: role === undefined ? workload.instance : nameOf(workload, role),
    labels: commonLabels(workload),
    annotations: annotations && Object.keys(annotations).length > 0 ? annotations : undefined,
  };
}

/**
 * The Deployment's annotations for reviewers and for `check`: the timing summary, the declared
 * times, the acknowledged departures (one `id: reason` line each) and the fields `patches` change.
 */
export function deploymentAnnotations(workload: ResolvedWorkload): Record<string, string> {
  return {
    [TIMINGS_ANNOTATION]: timingSummary(workload),
    [DECLARED_ANNOTATION]: declaredTimes(workload),
    ...(workload.acknowledgements.length > 0
      ? {
          [ACKNOWLEDGED_ANNOTATION]: workload.acknowledgements
            .flatMap(({ id, reason }) => [id, ...(ACKNOWLEDGEMENT_ALSO_COVERS[id] ?? [])].map((each) => `${each}: ${reason}`))
            .join('\n'),
        }
      : {}),
    ...(Object.keys(workload.spec.patches).length > 0
      ? { [PATCHED_ANNOTATION]: patchedFields(workload.spec.patches as Patches).join('\n') }
      : {}),
  };
}
