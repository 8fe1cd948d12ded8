import type { Ambiguity, Dropped, Inference } from '../types';

/** A declaration field as a path of keys: `['env', 'DATABASE_URL']`, `['podAnnotations', 'prometheus.io/port']`. */
export type FieldKeys = readonly string[];

/** Keys joined with dots; a key that holds a dot, a bracket or a quote is written `["key"]`, so the path reads back (fieldKeys). */
export function fieldPath(keys: FieldKeys): string {
  return keys.map((key, index) => (/^[A-Za-z0-9_-]+$/.test(key) ? `${index === 0 ? '' : '.'}${key}` : `[${JSON.stringify(key)}]`)).join('');
}

/** The keys of a path written by fieldPath. */
export function fieldKeys(path: string): string[] {
  return [...path.matchAll(/\[("(?:[^"\\]|\\.)*")\]|([^.[\]]+)/g)].map(([, quoted, plain]) =>
    quoted ? (JSON.parse(quoted) as string) : plain!,
  );
}

/**
 * What the inference of one workload writes down: the declaration, each value with where it came
 * from, the input fields it read (so that the rest can be listed, never dropped silently), what it
 * drops and what it could not decide.
 */
export class Ledger {
  readonly declaration: Record<string, unknown> = {};
  readonly inferences: Inference[] = [];
  readonly dropped: Dropped[] = [];
  readonly ambiguities: Ambiguity[] = [];
  /** Input fields read, by object (`Kind/namespace/name`), as dotted paths from the object's root. */
  private readonly read = new Map<string, Set<string>>();

  constructor(
    /** `Kind/namespace/name` of the workload object: the object ambiguities and drops name by default. */
    readonly subject: string,
  ) {}

  /** Writes a value the input states plainly, with the input field it came from. */
  set(keys: FieldKeys, value: unknown, source: string): void {
    this.place(keys, value);
    this.inferences.push({ field: fieldPath(keys), value, source, confirm: false });
  }

  /** Writes a placeholder nothing in the input supports: the user must confirm it. */
  confirm(keys: FieldKeys, value: unknown, why: string): void {
    this.place(keys, value);
    this.inferences.push({ field: fieldPath(keys), value, source: why, confirm: true });
  }

  /** Writes a structure whose values are recorded one by one (a list of containers), without an inference of its own. */
  put(keys: FieldKeys, value: unknown): void {
    this.place(keys, value);
  }

  has(keys: FieldKeys): boolean {
    return this.get(keys) !== undefined;
  }

  get(keys: FieldKeys): unknown {
    let node: unknown = this.declaration;
    for (const key of keys) {
      if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
      node = (node as Record<string, unknown>)[key];
    }
    return node;
  }

  /** Removes a field written earlier (and its inferences), e.g. an env var a preset writes itself. */
  remove(keys: FieldKeys): void {
    const parent = this.get(keys.slice(0, -1));
    if (typeof parent === 'object' && parent !== null) delete (parent as Record<string, unknown>)[keys[keys.length - 1]!];
    const prefix = fieldPath(keys);
    for (let index = this.inferences.length - 1; index >= 0; index -= 1) {
      const { field } = this.inferences[index]!;
      if (field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`)) this.inferences.splice(index, 1);
    }
  }

  drop(object: string, path: string, reason: string): void {
    this.dropped.push({ object, path, reason });
  }

  ambiguous(message: string, resolve: string, object = this.subject): void {
    this.ambiguities.push({ object, message, resolve });
  }

  /** Marks input fields (and everything under them) as read, so that leftovers do not list them. */
  consume(object: string, ...paths: string[]): void {
    let set = this.read.get(object);
    if (!set) this.read.set(object, (set = new Set()));
    for (const path of paths) set.add(path);
  }

  /** Whether a field, or one of the objects holding it, was read. */
  consumed(object: string, path: string): boolean {
    const set = this.read.get(object);
    if (!set) return false;
    const parts = path.split('.');
    for (let length = parts.length; length > 0; length -= 1) if (set.has(parts.slice(0, length).join('.'))) return true;
    return false;
  }

  private place(keys: FieldKeys, value: unknown): void {
    let node = this.declaration;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      if (typeof next === 'object' && next !== null) {
        node = next as Record<string, unknown>;
      } else {
        const created: Record<string, unknown> = {};
        define(node, key, created);
        node = created;
      }
    }
    define(node, keys[keys.length - 1]!, value);
  }
}

/** An own, enumerable entry even for a key such as `__proto__` (names come from the input). */
function define(node: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}
