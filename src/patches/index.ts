import { DeclarationError, type Problem } from '../declaration/errors';
import type { ResolvedWorkload } from '../declaration/resolve';
import { type ObjectRole } from '../kinds/table';
import { applyPatch, type Patches, patchProblems } from './apply';
import { findingProblem, newFindings } from './check';

export { mergePatch } from './merge-patch';
export { patchedFields, type Patches, type RolePatch } from './apply';

export type RoleObjects = Partial<Record<ObjectRole, Record<string, unknown>>>;

/**
 * A workload's objects with its declared `patches` applied, or a `DeclarationError` with every
 * problem: a refused field, an object or container that does not exist, and — on the patched
 * objects — every invariant or restricted Pod Security Standard control that the patches break and
 * the declaration does not acknowledge. An acknowledgement that neither the declaration nor a patch
 * needs is refused, as without patches.
 *
 * @param roles the roles the workload's kind makes, in order; `objects` holds those made.
 */
export function patchObjects(workload: ResolvedWorkload, roles: readonly ObjectRole[], objects: RoleObjects): RoleObjects {
  const patches = workload.spec.patches as Patches;
  if (Object.keys(patches).length === 0) return objects;
  const subject = `"${workload.spec.name}"`;
  const problems: Problem[] = patchProblems(patches, roles, Object.keys(workload.spec.keep?.selector ?? {}));
  const patched: RoleObjects = {};
  for (const role of roles) {
    const object = objects[role];
    const patch = patches[role];
    if (!object) {
      if (patch && problems.every((problem) => !problem.path.startsWith(`patches.${role}`))) {
        problems.push({
          path: `patches.${role}`,
          value: patch,
          rule: `this declaration makes no ${role} (e.g. a PodDisruptionBudget needs two pods, an Ingress needs ingress)`,
          fix: `declare what makes the ${role}, or remove patches.${role}`,
        });
      }
      continue;
    }
    if (!patch || problems.length > 0) {
      patched[role] = object;
      continue;
    }
    const result = applyPatch(role, object, patch);
    if ('problems' in result) problems.push(...result.problems);
    else patched[role] = result.object;
  }
  if (problems.length > 0) throw new DeclarationError(subject, problems);

  const before = roles.flatMap((role) => (objects[role] ? [objects[role]] : []));
  const after = roles.flatMap((role) => (patched[role] ? [patched[role]] : []));
  const found = newFindings(before, after);
  const roleOf = (kind: string, name: string) =>
    roles.find((role) => {
      const metadata = patched[role]?.metadata as { name?: string } | undefined;
      return patched[role]?.kind === kind && metadata?.name === name && patches[role];
    }) ?? roles.find((role) => patches[role])!;
  // In the order of the roles, then of the rule text: the Helm face sorts its findings the same way.
  const broken = found
    .filter((finding) => !finding.suppressed)
    .map((finding) => {
      const role = roleOf(finding.object.kind, finding.object.name);
      return { order: roles.indexOf(role), problem: findingProblem(finding, `patches.${role}`, patches[role]) };
    })
    .sort((a, b) => a.order - b.order || (a.problem.rule < b.problem.rule ? -1 : a.problem.rule > b.problem.rule ? 1 : 0));
  problems.push(...broken.map(({ problem }) => problem));
  const excused = new Set(found.filter((finding) => finding.suppressed).map((finding) => finding.ruleId as string));
  for (const id of workload.unusedAcknowledgements) {
    if (excused.has(id)) continue;
    problems.push({
      path: `acknowledge.${id}`,
      value: workload.spec.acknowledge[id],
      rule: 'an acknowledgement must excuse something this declaration does; this one excuses nothing',
      fix: `remove acknowledge.${id}, so that the recorded reasons stay true`,
    });
  }
  if (problems.length > 0) throw new DeclarationError(subject, problems);
  return patched;
}
