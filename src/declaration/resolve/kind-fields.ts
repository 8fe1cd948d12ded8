import { FOREIGN_ROLLOUT_OVERRIDES, KIND_FIELDS, KINDS } from '../../kinds/table';
import type { EffectiveSpec } from '../presets';
import type { Resolution } from './resolution';

/** "web", "web or worker", "stateful, daemon or web". */
function alternatives(kinds: readonly string[]): string {
  return kinds.length === 1 ? kinds[0]! : `${kinds.slice(0, -1).join(', ')} or ${kinds[kinds.length - 1]}`;
}

/**
 * The longest instance name whose derived names Kubernetes takes, by controller (generated into
 * the Helm face as hw.table.nameLimits). A StatefulSet labels each pod
 * controller-revision-hash: <name>-<10 characters>, a label value of at most 63, so pods of a longer
 * name are never created (kubernetes/kubernetes#64023), and its headless Service <name>-headless
 * is a DNS label too; a CronJob names each Job <name>-<11-digit schedule time>, and the API refuses
 * a CronJob name over 52 characters (https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#writing-a-cronjob-spec).
 */
export const NAME_LIMITS: Readonly<Record<string, { readonly max: number; readonly why: string }>> = {
  StatefulSet: {
    max: 52,
    why: 'its pods carry the label controller-revision-hash: <name>-<10 characters> and its headless Service is <name>-headless, both limited to 63',
  },
  CronJob: { max: 52, why: 'each Job it creates is named <name>-<11 digits>, limited to 63' },
};

/** In field-name order, as Helm ranges over the table. */
const KIND_FIELD_NAMES = Object.keys(KIND_FIELDS).sort();

/**
 * Fields that only some kinds accept (the kinds table): a foreign one is an error naming the kinds
 * that take it. Mirrored by `hw.kinds.fieldProblems` in templates/_kinds.tpl.
 */
export function checkKindFields(spec: EffectiveSpec, { problems }: Resolution): void {
  for (const field of KIND_FIELD_NAMES) {
    const kinds = KIND_FIELDS[field]!;
    const value = (spec as Record<string, unknown>)[field];
    if (value === undefined || kinds.includes(spec.kind)) continue;
    problems.push({
      path: field,
      value,
      rule: `${field} applies to kind ${alternatives(kinds)} only (this workload is kind ${spec.kind})`,
      fix: `remove ${field}, or make the workload kind ${alternatives(kinds)}`,
    });
  }
  const limit = NAME_LIMITS[KINDS[spec.kind].controller];
  const instance = spec.instance ?? spec.name;
  if (limit && instance.length > limit.max) {
    problems.push({
      path: instance === spec.name ? 'name' : 'instance',
      value: instance,
      rule: `a ${KINDS[spec.kind].controller}'s name has at most ${limit.max} characters (this one has ${instance.length}): ${limit.why}`,
      fix: `shorten it to ${limit.max} characters or fewer, e.g. ${JSON.stringify(instance.slice(0, limit.max).replace(/-+$/, ''))}`,
    });
  }
}

/**
 * Rollout overrides the kind's controller does not have (they are a Deployment's): each is an
 * error. Mirrored by `hw.kinds.overrideProblems` in templates/_kinds.tpl.
 */
export function checkControllerOverrides(spec: EffectiveSpec, { problems }: Resolution): void {
  const { fields, why, instead } = FOREIGN_ROLLOUT_OVERRIDES[KINDS[spec.kind].controller];
  for (const field of fields) {
    if (spec.overrides[field] === undefined) continue;
    problems.push({
      path: `overrides.${field}`,
      value: spec.overrides[field],
      rule: `${field} is a Deployment's setting: ${why}`,
      fix: `remove overrides.${field}; ${instead}`,
    });
  }
}
