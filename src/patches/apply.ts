import type { Problem } from '../declaration/errors';
import { OBJECT_ROLES, type ObjectRole } from '../kinds/table';
import { isObject, mergePatch } from './merge-patch';
import { CONTAINER_REFUSALS, keptSelectorRefusals, PATCH_REFUSALS, type PatchRefusal, POD_TEMPLATE_PATHS } from './table';

/** One role's patch: a JSON merge patch of the whole object, and of containers picked by name. */
export interface RolePatch {
  readonly object?: Record<string, unknown>;
  readonly containers?: Readonly<Record<string, Record<string, unknown>>>;
}
export type Patches = Readonly<Partial<Record<ObjectRole, RolePatch>>>;

/** The lists of a pod spec a container may be in; sidecars are init containers (restartPolicy Always). */
const CONTAINER_LISTS = ['containers', 'initContainers'] as const;

/**
 * Where a patch touches a refused field: it sets or deletes the field, or replaces or deletes an
 * object that holds it (a value that is not an object replaces the subtree, RFC 7386).
 */
function touched(patch: Record<string, unknown>, path: readonly string[]): { at: string[]; value: unknown } | undefined {
  let node: unknown = patch;
  for (let depth = 0; depth < path.length; depth += 1) {
    if (!isObject(node)) return { at: path.slice(0, depth), value: node };
    if (!Object.prototype.hasOwnProperty.call(node, path[depth]!)) return undefined;
    node = node[path[depth]!];
  }
  return { at: [...path], value: node };
}

function refusals(patch: Record<string, unknown>, table: readonly PatchRefusal[], prefix: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const refusal of table) {
    const hit = touched(patch, refusal.path);
    if (!hit) continue;
    const path = [prefix, ...hit.at].join('.');
    if (seen.has(path)) continue; // one replaced subtree touches several refused fields: one problem
    seen.add(path);
    problems.push({ path, value: hit.value, rule: refusal.rule, fix: refusal.fix });
  }
  return problems;
}

/**
 * The problems of the declared patches that need no object: a patch of a role the kind never
 * makes, containers of a role without pods, and every refused field (src/patches/table.ts).
 */
export function patchProblems(patches: Patches, roles: readonly ObjectRole[], keptSelector: readonly string[] = []): Problem[] {
  const problems: Problem[] = [];
  for (const role of OBJECT_ROLES) {
    const patch = patches[role];
    if (!patch) continue;
    const at = `patches.${role}`;
    if (!roles.includes(role)) {
      problems.push({
        path: at,
        value: patch,
        rule: `this kind of workload makes no ${role} (it makes ${roles.join(', ')})`,
        fix: `patch one of the objects it makes, or remove patches.${role}`,
      });
      continue;
    }
    if (patch.object) {
      problems.push(...refusals(patch.object, [...PATCH_REFUSALS[role], ...keptSelectorRefusals(role, keptSelector)], `${at}.object`));
    }
    if (patch.containers && !POD_TEMPLATE_PATHS[role]) {
      problems.push({
        path: `${at}.containers`,
        value: patch.containers,
        rule: `a ${role} has no containers`,
        fix: 'patch the containers through the object that runs the pods',
      });
      continue;
    }
    // Sorted by name, as the Helm face ranges over a map.
    for (const name of Object.keys(patch.containers ?? {}).sort()) {
      problems.push(...refusals(patch.containers![name]!, CONTAINER_REFUSALS, `${at}.containers.${name}`));
    }
  }
  return problems;
}

/**
 * The object of one role with its patch applied: first the object's merge patch, then each
 * container's, to the container of that name in the pod spec's containers or initContainers.
 * Returns the problems instead when a named container does not exist.
 */
export function applyPatch(
  role: ObjectRole,
  object: Record<string, unknown>,
  patch: RolePatch,
): { object: Record<string, unknown> } | { problems: Problem[] } {
  let result = patch.object ? (mergePatch(object, patch.object) as Record<string, unknown>) : object;
  const names = Object.keys(patch.containers ?? {});
  if (names.length === 0) return { object: result };
  if (result === object) result = mergePatch(object, {}) as Record<string, unknown>;
  const pod = valueAt(result, [...POD_TEMPLATE_PATHS[role]!, 'spec']) as Record<string, unknown>;
  const problems: Problem[] = [];
  const present: string[] = [];
  for (const list of CONTAINER_LISTS) present.push(...((pod[list] as Array<{ name: string }> | undefined) ?? []).map((c) => c.name));
  for (const name of names.sort()) {
    const list = CONTAINER_LISTS.find((each) => ((pod[each] as Array<{ name: string }> | undefined) ?? []).some((c) => c.name === name));
    if (!list) {
      problems.push({
        path: `patches.${role}.containers.${name}`,
        value: patch.containers![name],
        rule: `the ${role}'s pods have no container named ${name} (they have ${present.join(', ')})`,
        fix: `name one of ${present.join(', ')}`,
      });
      continue;
    }
    pod[list] = (pod[list] as Array<{ name: string }>).map((c) => (c.name === name ? mergePatch(c, patch.containers![name]) : c));
  }
  return problems.length > 0 ? { problems } : { object: result };
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), root);
}

/** Every field a patch sets or deletes, as `role path` lines: listed in explain and the annotation. */
export function patchedFields(patches: Patches): string[] {
  const lines: string[] = [];
  const walk = (node: unknown, path: string[], into: string[]) => {
    if (isObject(node) && Object.keys(node).length > 0) {
      for (const key of Object.keys(node).sort()) walk(node[key], [...path, key], into);
    } else into.push(`${path.join('.')}${node === null ? ' (deleted)' : ''}`);
  };
  for (const role of (Object.keys(patches) as ObjectRole[]).sort()) {
    const { object, containers } = patches[role]!;
    const fields: string[] = [];
    if (object) walk(object, [], fields);
    for (const name of Object.keys(containers ?? {}).sort()) walk(containers![name], [`containers[${name}]`], fields);
    lines.push(`${role}: ${fields.join(', ')}`);
  }
  return lines;
}
