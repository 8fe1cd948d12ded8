import type { Explanation } from './types';

/** A rule of docs/derivation.md: its formula over named inputs, why it exists, and how to compute it. */
export interface Rule<T extends number | string> {
  readonly formula: string;
  readonly inputs: Record<string, number | string>;
  readonly reason: string;
  compute(): T;
}

/**
 * Records, in derivation order, why every number is what it is: derived by a rule, taken from an
 * override, or declared. The rules of every area (derive.ts, containers.ts) explain themselves
 * through one recorder, so `explain` lists them all in the order they were decided.
 */
export class Recorder {
  readonly explanations: Explanation[] = [];

  /**
   * @param explain false to decide the numbers without recording why: synthesis reads only the
   * numbers, and the explanations of every workload of a large chart cost more to hold than to
   * derive again for the few that are explained (see ResolvedWorkload.explanations).
   */
  constructor(private readonly explain = true) {}

  /**
   * Takes the override when there is one, else computes the rule, and records which it was.
   * `overrideField` names the field under `overrides` when it differs from the key.
   */
  decide<T extends number | string>(key: string, override: T | undefined, rule: Rule<T>, overrideField: string = key): T {
    const value = override ?? rule.compute();
    if (!this.explain) return value;
    this.explanations.push({
      key,
      value,
      source: override === undefined ? 'derived' : 'override',
      formula: override === undefined ? rule.formula : `overrides.${overrideField}`,
      inputs: rule.inputs,
      reason: rule.reason,
    });
    return value;
  }

  /** A value taken as declared. */
  declared(key: string, value: number, reason: string): number {
    if (!this.explain) return value;
    this.explanations.push({ key, value, source: 'input', formula: key, inputs: {}, reason });
    return value;
  }
}
