import { comparable } from '../../src/adopt/review';
import { childPath, keyedPath, MERGE_KEYS } from '../../src/adopt/review/compare';
import { POD_TEMPLATE_PATHS } from '../../src/patches/table';
import type { AdoptedWorkload, KubernetesObject, ObjectReview } from '../../src/adopt/types';

/**
 * The accounting of issue 20: every field of the input a workload's review finds changed is
 * represented in the declaration (a rule or the declaration says it: the review attributes it), in
 * `patches`, or listed in `dropped` with its reason. What is left — a field the review can only
 * call "not in the declaration" and the inference neither read into a value nor dropped — is
 * returned, as `object path`.
 */
export function unaccounted(workload: AdoptedWorkload, reviews: readonly ObjectReview[]): string[] {
  return gaps(workload, reviews);
}

function gaps(workload: AdoptedWorkload, reviews: readonly ObjectReview[]): string[] {
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

/** How the input fields of one workload's objects fare: each leaf of each input object, counted once. */
export interface Tally {
  /** Leaves of the input objects (a list Kubernetes replaces whole, such as args, is one field; a list merged by key, one field per item's leaf). */
  readonly fields: number;
  /** Kept as they are, changed by a rule, or said in the declaration's words (a scratch folder for an emptyDir). */
  readonly represented: number;
  /** Carried over unchanged by the declaration's `patches`. */
  readonly patched: number;
  /** Listed in `dropped` with the reason, or changed by the review for a dropped reason. */
  readonly dropped: number;
  /** None of these (issue 20 asks for none). */
  readonly unaccounted: number;
}

/** The tally of one workload's input fields against the review of what its declaration synthesizes. */
export function tally(workload: AdoptedWorkload, reviews: readonly ObjectReview[]): Tally {
  const open = new Set(gaps(workload, reviews));
  const patched = patchedPaths(workload);
  const counts = { fields: 0, represented: 0, patched: 0, dropped: 0, unaccounted: 0 };
  for (const object of workload.input) {
    const id = objectId(object);
    const review = reviews.find((each) => each.object === id);
    const droppedHere = workload.dropped.filter((entry) => entry.object === id).map((entry) => keyed(entry.path, object));
    const whole = droppedHere.includes('') || droppedHere.includes('object');
    for (const path of leaves(comparable(object, true), '')) {
      counts.fields += 1;
      const change = review?.changes.find(
        (each) => each.before !== undefined && (path === each.path || path.startsWith(`${each.path}.`) || path.startsWith(`${each.path}[`)),
      );
      const underDrop = droppedHere.some(
        (drop) => drop !== '' && (path === drop || path.startsWith(`${drop}.`) || path.startsWith(`${drop}[`)),
      );
      if (review?.status === 'removed') counts[whole ? 'dropped' : open.has(`${id} (the object)`) ? 'unaccounted' : 'represented'] += 1;
      else if (change === undefined)
        counts[patched.get(id)?.some((each) => path === each || path.startsWith(`${each}.`)) ? 'patched' : 'represented'] += 1;
      else if (open.has(`${id} ${change.path}`)) counts.unaccounted += 1;
      else if (change.reason.startsWith('dropped: ') || underDrop) counts.dropped += 1;
      else counts.represented += 1;
    }
  }
  return counts;
}

/** Every leaf of an object, written as the review writes paths (keyed list items as `[key]`). */
function leaves(node: unknown, path: string): string[] {
  if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    const entries = Object.entries(node).filter(([, value]) => value !== undefined);
    return entries.length === 0 ? [path] : entries.flatMap(([key, value]) => leaves(value, childPath(path, key)));
  }
  const keys = MERGE_KEYS[path.replace(/^.*[.\]]/, '')];
  if (Array.isArray(node) && node.length > 0 && keys !== undefined) {
    const ids = node.map((item) =>
      keys.map((key) => lookup(item, key)).find((value) => typeof value === 'string' || typeof value === 'number'),
    );
    if (ids.every((each) => each !== undefined) && new Set(ids).size === ids.length)
      return node.flatMap((item, index) => leaves(item, `${path}[${String(ids[index])}]`));
  }
  return [path];
}

function lookup(item: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined),
      item,
    );
}

/** The input fields the declaration's patches carry, by object: the patch's leaves, at the input's paths. */
function patchedPaths(workload: AdoptedWorkload): Map<string, string[]> {
  const patches = (workload.declaration.patches ?? {}) as Record<string, { object?: unknown; containers?: Record<string, unknown> }>;
  const found = new Map<string, string[]>();
  for (const [role, patch] of Object.entries(patches)) {
    const object = workload.input.find((each) => each.kind === role);
    if (object === undefined) continue;
    const paths = patch.object === undefined ? [] : leaves(patch.object, '');
    const template = POD_TEMPLATE_PATHS[role as keyof typeof POD_TEMPLATE_PATHS];
    const pod: Record<string, unknown> | undefined = template?.reduce<Record<string, unknown> | undefined>(
      (node, key) => node?.[key] as Record<string, unknown> | undefined,
      object as Record<string, unknown>,
    );
    for (const [name, fields] of Object.entries(patch.containers ?? {})) {
      const spec = (pod?.spec ?? {}) as Record<string, Array<{ name?: string }> | undefined>;
      const list = ['containers', 'initContainers'].find((each) => spec[each]?.some((container) => container.name === name));
      // The application's container is named after the workload in the declaration: in the input, the first container.
      const [where, input] = list ? [list, name] : ['containers', spec.containers?.[0]?.name];
      paths.push(
        ...leaves(fields, '').map(
          (leaf) => `${template!.join('.')}.spec.${where}[${String(input)}]${leaf.startsWith('[') ? '' : '.'}${leaf}`,
        ),
      );
    }
    found.set(objectId(object), paths);
  }
  return found;
}
