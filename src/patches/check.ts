import type { Problem } from '../declaration/errors';
import { ACKNOWLEDGEMENT_IDS } from '../declaration/ids';
import { checkManifests, type Finding } from '../manifests/run';
import { RULES } from '../rules/catalogue';

/**
 * The invariants and the restricted Pod Security Standard, checked on a workload's final objects
 * by `check`'s own machinery (src/manifests/run.ts), which reads the declared times and the
 * acknowledgements from the annotations the objects carry. Only what a change introduced counts:
 * the findings of the objects as the declaration made them are the baseline, so an acknowledged
 * departure of the declaration stays acknowledged and nothing is reported twice.
 */
const CHECKED_FAMILIES: ReadonlySet<string> = new Set(['invariant', 'pod-security']);

function findings(objects: readonly object[]): Finding[] {
  const text = objects.map((object) => JSON.stringify(object)).join('\n---\n');
  return checkManifests([{ name: 'objects', text }]).findings.filter((finding) => CHECKED_FAMILIES.has(RULES[finding.ruleId].family));
}

const keyOf = (finding: Finding) =>
  `${finding.ruleId} ${finding.object.kind}/${finding.object.name} ${finding.fieldPath} ${finding.message}`;

/** Findings of `after` that `before` does not have; those the objects' annotation acknowledges are marked `suppressed`. */
export function newFindings(before: readonly object[], after: readonly object[]): Finding[] {
  const known = new Set(findings(before).map(keyOf));
  return findings(after).filter((finding) => !known.has(keyOf(finding)));
}

/**
 * A finding as a declaration problem, worded like a broken override's (rule, numbers, fix, and how
 * to acknowledge it): `path` is where the change was made (a declared patch, or the object edited
 * in TypeScript).
 */
export function findingProblem(finding: Finding, path: string, value: unknown): Problem {
  const meta = RULES[finding.ruleId];
  const label = meta.family === 'invariant' ? `invariant ${meta.invariant}` : 'restricted Pod Security Standard';
  const escape =
    meta.acknowledgeable && (ACKNOWLEDGEMENT_IDS as readonly string[]).includes(finding.ruleId)
      ? `; if this is deliberate, add acknowledge.${finding.ruleId}: "<reason>"`
      : ' (this rule cannot be acknowledged here)';
  return {
    path,
    value,
    rule: `${label} (${finding.ruleId}): ${meta.title} Here: ${finding.object.kind} ${finding.object.name} ${finding.fieldPath}: ${finding.message}`,
    fix: `${finding.fix.replace(/\.$/, '')}${escape}`,
  };
}
