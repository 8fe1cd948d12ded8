import type { Problem } from '../errors';
import type { EffectiveSpec } from '../presets';

type Expression = { readonly key: string; readonly operator: string; readonly values?: readonly string[] };

/**
 * The rules of the Kubernetes API for tolerations and node selector requirements that the schema
 * cannot state (ValidateTolerations, ValidateNodeSelectorRequirement): caught here, with the field,
 * instead of by the API server at apply time.
 */
export function checkScheduling(spec: EffectiveSpec, problems: Problem[]): void {
  const scheduling = spec.scheduling ?? {};
  if (scheduling.spread !== undefined && spec.kind === 'daemon') {
    problems.push({
      path: 'scheduling.spread',
      value: scheduling.spread,
      rule: 'a daemon runs one pod on every node, so it has no spread over nodes and zones',
      fix: 'remove scheduling.spread',
    });
  }
  (scheduling.tolerations ?? []).forEach((toleration, index) => {
    const at = `scheduling.tolerations[${index}]`;
    if (toleration.key === undefined && toleration.operator !== 'Exists') {
      problems.push({
        path: `${at}.operator`,
        value: toleration.operator,
        rule: 'a toleration without a key tolerates every taint, which needs operator Exists',
        fix: `add ${at}.key, or set operator: Exists`,
      });
    }
    if (toleration.operator === 'Exists' && toleration.value !== undefined) {
      problems.push({
        path: `${at}.value`,
        value: toleration.value,
        rule: 'operator Exists tolerates any value of the taint, so it takes no value',
        fix: 'remove value, or use operator: Equal',
      });
    }
    if (toleration.tolerationSeconds !== undefined && toleration.effect !== 'NoExecute') {
      problems.push({
        path: `${at}.tolerationSeconds`,
        value: toleration.tolerationSeconds,
        rule: 'tolerationSeconds applies to effect NoExecute only (how long a pod stays after such a taint appears)',
        fix: 'set effect: NoExecute, or remove tolerationSeconds',
      });
    }
  });
  const affinity = scheduling.nodeAffinity ?? {};
  (affinity.required ?? []).forEach((term, index) =>
    checkExpressions(term.matchExpressions, `scheduling.nodeAffinity.required[${index}]`, problems),
  );
  (affinity.preferred ?? []).forEach((term, index) =>
    checkExpressions(term.matchExpressions, `scheduling.nodeAffinity.preferred[${index}]`, problems),
  );
}

function checkExpressions(expressions: readonly Expression[], at: string, problems: Problem[]): void {
  expressions.forEach(({ operator, values }, index) => {
    const path = `${at}.matchExpressions[${index}].values`;
    const count = values?.length ?? 0;
    if ((operator === 'In' || operator === 'NotIn') && count === 0) {
      problems.push({
        path,
        value: values,
        rule: `operator ${operator} compares the label with a list of values, and there is none`,
        fix: 'add values, e.g. values: [m6i.large]',
      });
    } else if ((operator === 'Exists' || operator === 'DoesNotExist') && count > 0) {
      problems.push({
        path,
        value: values,
        rule: `operator ${operator} only asks whether the label is there, and compares no values`,
        fix: 'remove values',
      });
    } else if ((operator === 'Gt' || operator === 'Lt') && (count !== 1 || !/^[0-9]{1,18}$/.test(values![0]!))) {
      problems.push({
        path,
        value: values,
        rule: `operator ${operator} compares the label with exactly one whole number`,
        fix: 'write one value, e.g. values: ["4"]',
      });
    }
  });
}
