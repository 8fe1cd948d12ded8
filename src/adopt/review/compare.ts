/**
 * The fields that differ between two versions of one Kubernetes object, as dotted paths. Lists
 * whose items Kubernetes merges by a key (strategic merge patch, `patchMergeKey` in the API
 * reference: containers, env, volumes, ports by name, volumeMounts by mountPath) are matched by
 * that key, so that a container that moved in the list is not reported as changed; other lists
 * (command, args, tolerations) are compared as a whole, as Kubernetes replaces them.
 * https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/#notes-on-the-strategic-merge-patch
 */

export interface Difference {
  readonly path: string;
  /** Absent when the field is new. */
  readonly before?: unknown;
  /** Absent when the field is removed. */
  readonly after?: unknown;
  /** The object holding the field is itself new (or removed): a Kubernetes default does not apply on the other side. */
  readonly whole?: true;
}

type Json = Record<string, unknown>;

/** The list fields matched item by item, with the key each item is matched by (first present wins). */
export const MERGE_KEYS: Readonly<Record<string, readonly string[]>> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  env: ['name'],
  volumes: ['name'],
  imagePullSecrets: ['name'],
  volumeMounts: ['mountPath'],
  volumeDevices: ['devicePath'],
  // A container port or a Service port without a name is matched by its number.
  ports: ['name', 'containerPort', 'port'],
  topologySpreadConstraints: ['topologyKey'],
  hostAliases: ['ip'],
  volumeClaimTemplates: ['metadata.name'],
};

const PLAIN_KEY = /^[A-Za-z_][\w-]*$/;

/** `a.b`, or `a[app.kubernetes.io/name]` for a key that is not a plain word (labels, annotations). */
export function childPath(parent: string, key: string): string {
  if (!PLAIN_KEY.test(key)) return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function keyOf(item: unknown, keys: readonly string[]): string | undefined {
  if (!isObject(item)) return undefined;
  for (const key of keys) {
    const value = key.split('.').reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), item);
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return undefined;
}

/** Items by their merge key, or undefined when an item has none or two items share one (then the list is compared whole). */
function keyed(list: readonly unknown[], keys: readonly string[]): Map<string, unknown> | undefined {
  const map = new Map<string, unknown>();
  for (const item of list) {
    const key = keyOf(item, keys);
    if (key === undefined || map.has(key)) return undefined;
    map.set(key, item);
  }
  return map;
}

/** Equal as data: key order does not matter, list order does. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a).filter((key) => a[key] !== undefined);
    const others = Object.keys(b).filter((key) => b[key] !== undefined);
    return keys.length === others.length && keys.every((key) => sameValue(a[key], b[key]));
  }
  return false;
}

/** Every leaf that differs, in a stable order: keys sorted, keyed list items in the order of the input, then the new ones. */
export function differences(before: unknown, after: unknown, path = '', whole = false): Difference[] {
  if (sameValue(before, after)) return [];
  // A new or removed object is reported field by field, so that each field gets its own rule; an empty one as itself.
  if (before === undefined && isObject(after) && Object.keys(after).length > 0) return differences({}, after, path, true);
  if (after === undefined && isObject(before) && Object.keys(before).length > 0) return differences(before, {}, path, true);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => differences(before[key], after[key], childPath(path, key), whole));
  }
  const keys = MERGE_KEYS[path.replace(/^.*[.\]]/, '')];
  if (keys && (Array.isArray(before) || before === undefined) && (Array.isArray(after) || after === undefined)) {
    // A list merged by key: item by item; a new or removed item is one change, the item whole.
    const old = keyed(before ?? [], keys);
    const now = keyed(after ?? [], keys);
    if (old && now) {
      const ids = [...new Set([...old.keys(), ...now.keys()])];
      return ids.flatMap((id) => {
        const [was, is] = [old.get(id), now.get(id)];
        const at = `${path}[${id}]`;
        if (was === undefined) return [{ path: at, after: is }];
        if (is === undefined) return [{ path: at, before: was }];
        return differences(was, is, at);
      });
    }
  }
  const mark = whole ? { whole: true as const } : {};
  if (before === undefined) return [{ path, after, ...mark }];
  if (after === undefined) return [{ path, before, ...mark }];
  return [{ path, before, after }];
}

/**
 * A path written with list indices (`spec.template.spec.containers.0.image`, or `containers[0]`),
 * as the inference names the fields it dropped, in the review's form (`containers[web].image`):
 * read against the object the indices are of.
 */
export function keyedPath(object: unknown, path: string): string {
  let node: unknown = object;
  let written = '';
  for (const [, plain, bracketed] of path.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    const segment = (plain ?? bracketed)!;
    if (Array.isArray(node) && /^\d+$/.test(segment)) {
      const item: unknown = node[Number(segment)];
      const keys = MERGE_KEYS[written.replace(/^.*[.\]]/, '')];
      const id = keys && keyOf(item, keys);
      written = `${written}[${id ?? segment}]`;
      node = item;
      continue;
    }
    written = childPath(written, segment);
    node = isObject(node) ? node[segment] : undefined;
  }
  return written;
}
