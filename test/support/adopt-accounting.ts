import { keyedPath } from '../../src/adopt/review/compare';
import type { AdoptedWorkload, KubernetesObject, ObjectReview } from '../../src/adopt/types';

/**
 * The accounting of issue 20: every field of the input a workload's review finds changed is
 * represented in the declaration (a rule or the declaration says it: the review attributes it), in
 * `patches`, or listed in `dropped` with its reason. What is left — a field the review can only
 * call "not in the declaration" and the inference neither read into a value nor dropped — is
 * returned, as `object path`.
 */
export function unaccounted(workload: AdoptedWorkload, reviews: readonly ObjectReview[]): string[] {
  const objects = new Map(workload.input.map((object) => [objectId(object), object]));
  const read = workload.inferences.map((inference) => inference.source);
  const gaps: string[] = [];
  for (const review of reviews) {
    if (review.status === 'added') continue;
    const input = objects.get(review.object);
    const dropped = workload.dropped
      .filter((entry) => entry.object === review.object || (input !== undefined && entry.object === objectId(input, true)))
      .map((entry) => keyed(entry.path, input));
    for (const change of review.changes) {
      if (change.before === undefined || change.reason !== 'not in the declaration') continue;
      const path = change.path;
      const explained =
        dropped.some((drop) => path === drop || path.startsWith(`${drop}.`) || path.startsWith(`${drop}[`) || drop.startsWith(path)) ||
        read.some((source) => mentions(source, path, input));
      if (!explained) gaps.push(`${review.object} ${path}`);
    }
    if (review.status === 'removed' && !dropped.some((drop) => drop === '' || drop === 'object')) {
      const said = workload.ambiguities.some((ambiguity) => ambiguity.message.includes(String(input?.metadata?.name)));
      if (!said && !read.some((source) => source.includes(String(input?.metadata?.name)))) gaps.push(`${review.object} (the object)`);
    }
  }
  return gaps;
}

function objectId(object: KubernetesObject, withNamespace = true): string {
  const namespace = withNamespace && object.metadata?.namespace ? `${object.metadata.namespace}/` : '';
  return `${object.kind}/${namespace}${object.metadata?.name}`;
}

/** `spec.template.spec.containers.0.x` as the review writes it: `spec.template.spec.containers[web].x` (mounts by path, ports by name or number), as compare.ts keys lists. */
function keyed(path: string, object: KubernetesObject | undefined): string {
  return object === undefined ? path : keyedPath(object, path);
}

/** Whether an inference's source names the path (or the object holding it). */
function mentions(source: string, path: string, input: KubernetesObject | undefined): boolean {
  return source
    .split(/[\s(),]+/)
    .filter((word) => /^(spec|metadata)\./.test(word))
    .map((word) => keyed(word, input))
    .some((word) => word === path || path.startsWith(`${word}.`) || path.startsWith(`${word}[`));
}
