import { Recorder, type Rule } from '../src/timing/record';

/**
 * The recorder through which every rule of src/timing explains itself (src/timing/record.ts): which
 * value it takes, and what it writes down for `explain` and the annotation.
 */

const RULE: Rule<number> = { formula: 'max(5, T + 1)', inputs: { T: 2 }, reason: 'Longer than the timeout.', compute: () => 5 };

describe('decide: the override when there is one, else the rule', () => {
  test('without an override the rule is computed and explained as derived', () => {
    const record = new Recorder();
    expect(record.decide('readiness.periodSeconds', undefined, RULE)).toBe(5);
    expect(record.explanations).toStrictEqual([
      {
        key: 'readiness.periodSeconds',
        value: 5,
        source: 'derived',
        formula: 'max(5, T + 1)',
        inputs: { T: 2 },
        reason: 'Longer than the timeout.',
      },
    ]);
  });
  test('an override is taken, the rule is not computed, and the override field is the formula', () => {
    const record = new Recorder();
    const compute = jest.fn(() => 5);
    expect(record.decide('readiness.periodSeconds', 8, { ...RULE, compute })).toBe(8);
    expect(compute).not.toHaveBeenCalled();
    expect(record.explanations).toStrictEqual([
      {
        key: 'readiness.periodSeconds',
        value: 8,
        source: 'override',
        formula: 'overrides.readiness.periodSeconds',
        inputs: { T: 2 },
        reason: 'Longer than the timeout.',
      },
    ]);
  });
  test('an override of 0 is an override, not a missing value', () => {
    const record = new Recorder();
    expect(record.decide('rollout.maxUnavailable', 0, RULE)).toBe(0);
    expect(record.explanations[0]).toMatchObject({ value: 0, source: 'override' });
  });
  test('an override field that differs from the key is named in the formula', () => {
    const record = new Recorder();
    record.decide('rollout.minReadySeconds', 12, RULE, 'minReadySeconds');
    expect(record.explanations[0]).toMatchObject({ key: 'rollout.minReadySeconds', formula: 'overrides.minReadySeconds' });
  });
  test('a rule may decide a string', () => {
    const record = new Recorder();
    expect(
      record.decide('preStop.mechanism', undefined, { formula: 'exec', inputs: {}, reason: 'A shell is there.', compute: () => 'exec' }),
    ).toBe('exec');
    expect(record.explanations[0]).toMatchObject({ value: 'exec', source: 'derived' });
  });
});

describe('declared: a value taken as declared', () => {
  test('is returned and explained as an input whose formula is its own key', () => {
    const record = new Recorder();
    expect(record.declared('drainSeconds', 30, 'As declared.')).toBe(30);
    expect(record.explanations).toStrictEqual([
      { key: 'drainSeconds', value: 30, source: 'input', formula: 'drainSeconds', inputs: {}, reason: 'As declared.' },
    ]);
  });
});

describe('explanations are kept in the order the numbers were decided', () => {
  test('declared, derived, overridden: three entries in that order', () => {
    const record = new Recorder();
    record.declared('drainSeconds', 30, 'As declared.');
    record.decide('readiness.periodSeconds', undefined, RULE);
    record.decide('readiness.timeoutSeconds', 3, RULE);
    expect(record.explanations.map(({ key, source }) => [key, source])).toEqual([
      ['drainSeconds', 'input'],
      ['readiness.periodSeconds', 'derived'],
      ['readiness.timeoutSeconds', 'override'],
    ]);
  });
});

describe('a recorder that does not explain (synthesis) decides the same numbers and records nothing', () => {
  test('new Recorder(false): the rule, the override and the declared value, with no explanation', () => {
    const record = new Recorder(false);
    expect([record.decide('a', undefined, RULE), record.decide('b', 8, RULE), record.declared('c', 30, 'As declared.')]).toEqual([
      5, 8, 30,
    ]);
    expect(record.explanations).toEqual([]);
  });
  test('new Recorder() explains by default', () => {
    const record = new Recorder();
    record.declared('c', 30, 'As declared.');
    expect(record.explanations).toHaveLength(1);
  });
});
