import { ACKNOWLEDGED_ANNOTATION } from '../annotations';
import type { FieldPath } from '../files/manifests';
import { ruleIdOf, RULES, type RuleId } from '../rules/catalogue';
import type { Workload } from './workloads';

/** A wrong line of the annotation: where the annotation is, and what is wrong with the line. */
export interface AcknowledgementProblem {
  readonly path: FieldPath;
  readonly message: string;
}

/** The Pod Security controls a declaration may waive, for the message that refuses the others. */
const WAIVABLE_CONTROLS = Object.entries(RULES)
  .filter(([, meta]) => meta.family === 'pod-security' && meta.acknowledgeable)
  .map(([id]) => id);

/** A control character other than the line breaks that separate acknowledgements. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F]/;

/**
 * The acknowledgement annotation: one `ruleId: reason` line per rule a workload departs from on
 * purpose — the annotation our own output carries for acknowledged declarations (a declaration's
 * reasons are one line each, so each line is one acknowledgement). It is read on the workload
 * object and on its pod template, where a patch may have put it. A finding it names is reported
 * as suppressed with the reason, never hidden. Read strictly: a line without a reason, an id that
 * is unknown, given twice or cannot be acknowledged (an API rule, or a Pod Security control that no
 * declaration may waive), or a control character, is a problem at the annotation: a silent typo —
 * or a forged line — would otherwise look like a deliberate decision. Such a line silences
 * nothing; the rule validAcknowledgement reports it as a finding of its workload, so that one
 * wrong annotation never stops the run for every other workload (issue 21 §3).
 */
export function acknowledgements(workload: Workload): { reasons: Map<RuleId, string>; problems: AcknowledgementProblem[] } {
  const reasons = new Map<RuleId, string>();
  const problems: AcknowledgementProblem[] = [];
  const places: Array<{ path: FieldPath; where: string }> = [{ path: ['metadata', 'annotations'], where: '' }];
  // A bare Pod is its own template.
  if (workload.pod.path.length > 0) places.push({ path: [...workload.pod.path, 'metadata', 'annotations'], where: ' (pod template)' });
  for (const { path, where } of places) {
    const annotations = path.reduce<unknown>(
      (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
      workload.source.object,
    );
    const text =
      annotations && Object.prototype.hasOwnProperty.call(annotations, ACKNOWLEDGED_ANNOTATION)
        ? (annotations as Record<string, unknown>)[ACKNOWLEDGED_ANNOTATION]
        : undefined;
    if (text === undefined || text === null) continue;
    const problem = (message: string) =>
      problems.push({ path: [...path, ACKNOWLEDGED_ANNOTATION], message: `${ACKNOWLEDGED_ANNOTATION}${where}: ${message}` });
    if (typeof text !== 'string') {
      problem('must be a string of "<ruleId>: <reason>" lines');
      continue;
    }
    for (const line of text.split('\n').filter((entry) => entry.trim() !== '')) {
      const separator = line.indexOf(':');
      const written = (separator < 0 ? line : line.slice(0, separator)).trim();
      const reason = separator < 0 ? '' : line.slice(separator + 1).trim();
      // A renamed id (RENAMED_RULES) still acknowledges the rule that replaced it.
      const id = ruleIdOf(written);
      if (id === undefined) problem(`${JSON.stringify(written)} is not a rule id (\`hardened-workloads rules\` lists them)`);
      else if (!RULES[id].acknowledgeable && RULES[id].family === 'pod-security')
        problem(
          `${id} cannot be acknowledged: no workload may depart from this control of the restricted Pod Security Standard (the controls that can be waived, each with a reason: ${WAIVABLE_CONTROLS.join(', ')}); fix the pod instead`,
        );
      else if (!RULES[id].acknowledgeable) problem(`${id} cannot be acknowledged (it is an API rule or unsafe in every case)`);
      else if (reason === '') problem(`${written} needs a reason: write "${written}: <why this workload departs from it>"`);
      else if (CONTROL.test(reason)) problem(`${written}: the reason contains a control character; write it as plain text on one line`);
      else if (reasons.has(id)) problem(`${id} is acknowledged twice; keep one line for it`);
      else reasons.set(id, reason);
    }
  }
  return { reasons, problems };
}
