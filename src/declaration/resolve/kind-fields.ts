import { FOREIGN_ROLLOUT_OVERRIDES, KIND_FIELDS, KINDS } from '../../kinds/table';
import type { EffectiveSpec } from '../presets';
import type { Resolution } from './resolution';

/** "web", "web or worker", "stateful, daemon or web". */
function alternatives(kinds: readonly string[]): string {
  return kinds.length === 1 ? kinds[0]! : `${kinds.slice(0, -1).join(', ')} or ${kinds[kinds.length - 1]}`;
}

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
