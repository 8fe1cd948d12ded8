import { ACKNOWLEDGED_ANNOTATION } from '../annotations';
import type { InputProblem } from '../files/input-error';
import { isRuleId, RULES, type RuleId } from '../rules/catalogue';
import type { Workload } from './workloads';

/**
 * The acknowledgement annotation: one `ruleId: reason` line per rule a workload departs from on
 * purpose — the annotation our own output carries for acknowledged declarations. A finding it
 * names is reported as suppressed with the reason, never hidden. A line without a reason, or with
 * an id that is unknown or cannot be acknowledged, is an input error: a silent typo would
 * otherwise look like a deliberate decision.
 */
export function acknowledgements(workload: Workload): { reasons: Map<RuleId, string>; problems: InputProblem[] } {
  const reasons = new Map<RuleId, string>();
  const problems: InputProblem[] = [];
  const text = workload.source.object.metadata?.annotations?.[ACKNOWLEDGED_ANNOTATION];
  if (text === undefined) return { reasons, problems };
  const { file } = workload.source;
  const position = workload.source.locate(['metadata', 'annotations', ACKNOWLEDGED_ANNOTATION]);
  const problem = (message: string) =>
    problems.push({ file, ...position, message: `${workload.subject}: ${ACKNOWLEDGED_ANNOTATION}: ${message}` });
  for (const line of String(text)
    .split('\n')
    .filter((entry) => entry.trim() !== '')) {
    const separator = line.indexOf(':');
    const id = (separator < 0 ? line : line.slice(0, separator)).trim();
    const reason = separator < 0 ? '' : line.slice(separator + 1).trim();
    if (!isRuleId(id)) problem(`"${id}" is not a rule id (\`hardened-workloads rules\` lists them)`);
    else if (!RULES[id].acknowledgeable) problem(`${id} cannot be acknowledged (it is an API rule or unsafe in every case)`);
    else if (reason === '') problem(`${id} needs a reason: write "${id}: <why this workload departs from it>"`);
    else reasons.set(id, reason);
  }
  return { reasons, problems };
}
