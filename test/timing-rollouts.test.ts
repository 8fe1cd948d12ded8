import { deriveDaemonSetRollout, type DaemonSetRolloutInput } from '../src/timing/kinds/daemon-set';
import { deriveStatefulSetRollout, exceedsMaintenanceWindow, type StatefulSetRolloutInput } from '../src/timing/kinds/stateful-set';
import { Recorder } from '../src/timing/record';

/**
 * The rollout rules of kinds stateful and daemon (src/timing/kinds/stateful-set.ts, daemon-set.ts;
 * docs/derivation.md), called directly with worked numbers: G 45, I 30, W_s 135, minReadySeconds 15
 * (MUTATION.md).
 */

const POD = { graceSeconds: 45, initSeconds: 30, startupWindowSeconds: 135, minReadySeconds: 15 };

function statefulSet(changes: Partial<StatefulSetRolloutInput['statefulSet']> = {}, record = new Recorder()) {
  const statefulSet = { replicas: 5, partition: 2, podManagementPolicy: 'OrderedReady' as const, ...changes };
  return deriveStatefulSetRollout(record.decide.bind(record) as Recorder['decide'], { ...POD, statefulSet });
}

function daemonSet(surge: boolean, overrides: DaemonSetRolloutInput['overrides'] = {}, record = new Recorder()) {
  return deriveDaemonSetRollout(record.decide.bind(record) as Recorder['decide'], { ...POD, daemonSet: { surge }, overrides });
}

describe('kind stateful: one pod at a time, worst case (replicas − partition) × (G + I + W_s + minReadySeconds)', () => {
  test('5 replicas above partition 2: 3 pods × (45 + 30 + 135 + 15 = 225 s) = 675 s', () => {
    expect(statefulSet({ podManagementPolicy: 'Parallel' })).toStrictEqual({
      controller: 'StatefulSet',
      minReadySeconds: 15,
      podManagementPolicy: 'Parallel',
      partition: 2,
      updatedPods: 3,
      podSeconds: 225,
      worstCaseSeconds: 675,
    });
  });
  test('a partition above the replicas updates no pod: max(0, 2 − 3) = 0, worst case 0 s', () => {
    expect(statefulSet({ replicas: 2, partition: 3 })).toMatchObject({ updatedPods: 0, worstCaseSeconds: 0 });
  });
  test('a declared maintenance window is kept beside the worst case', () => {
    expect(statefulSet({ maintenanceWindowSeconds: 600 }).maintenanceWindowSeconds).toBe(600);
  });
  test('the worst case is explained with every term by name', () => {
    const record = new Recorder();
    statefulSet({}, record);
    expect(record.explanations).toEqual([
      expect.objectContaining({
        key: 'rollout.worstCaseSeconds',
        value: 675,
        source: 'derived',
        formula: '(replicas − partition) × (G + I + W_s + minReadySeconds)',
        inputs: { replicas: 5, partition: 2, G: 45, I: 30, W_s: 135, minReadySeconds: 15 },
        reason: expect.stringMatching(/^A StatefulSet updates one pod at a time.{40,}\.$/),
      }),
    ]);
  });
});

describe('exceedsMaintenanceWindow: a worst case longer than the declared window (a warning)', () => {
  test('without a window nothing is exceeded', () => {
    expect(exceedsMaintenanceWindow(statefulSet())).toBe(false);
  });
  test('a worst case of 675 s fits a window of 675 s exactly', () => {
    expect(exceedsMaintenanceWindow(statefulSet({ maintenanceWindowSeconds: 675 }))).toBe(false);
  });
  test('a worst case of 675 s exceeds a window of 674 s', () => {
    expect(exceedsMaintenanceWindow(statefulSet({ maintenanceWindowSeconds: 674 }))).toBe(true);
  });
});

describe('kind daemon: node by node, the old pod stopping first unless the agent may run twice', () => {
  test('without surge: maxUnavailable 1, maxSurge 0, and a node without its agent for 45 + 30 + 135 + 15 = 225 s', () => {
    expect(daemonSet(false)).toStrictEqual({
      controller: 'DaemonSet',
      maxSurge: 0,
      maxUnavailable: 1,
      minReadySeconds: 15,
      nodeSeconds: 225,
      nodeGapSeconds: 225,
    });
  });
  test('with surge: maxUnavailable 0, maxSurge 1, each node 30 + 135 + 15 = 180 s and never without its agent', () => {
    expect(daemonSet(true)).toStrictEqual({
      controller: 'DaemonSet',
      maxSurge: 1,
      maxUnavailable: 0,
      minReadySeconds: 15,
      nodeSeconds: 180,
      nodeGapSeconds: 0,
    });
  });
  test.each([0, '0%'])('an overridden maxUnavailable of %p keeps the old pod until the new one counts: 180 s, no gap', (maxUnavailable) => {
    expect(daemonSet(false, { maxUnavailable, maxSurge: 1 })).toMatchObject({ maxUnavailable, nodeSeconds: 180, nodeGapSeconds: 0 });
  });
  test("an overridden maxUnavailable of '10%' stops the old pod first: 225 s, all of it a gap", () => {
    expect(daemonSet(true, { maxUnavailable: '10%', maxSurge: 0 })).toMatchObject({
      maxUnavailable: '10%',
      nodeSeconds: 225,
      nodeGapSeconds: 225,
    });
  });
  test('without surge the budgets and the node time are explained, the surge named as an input', () => {
    const record = new Recorder();
    daemonSet(false, {}, record);
    expect(record.explanations.map(({ key, value, formula, inputs }) => [key, value, formula, inputs])).toEqual([
      ['rollout.maxUnavailable', 1, '1', { surge: 'false' }],
      ['rollout.maxSurge', 0, '0', { surge: 'false' }],
      ['rollout.nodeSeconds', 225, 'G + I + W_s + minReadySeconds', { G: 45, I: 30, W_s: 135, minReadySeconds: 15 }],
    ]);
  });
  test('with surge the budgets and the node time are explained, the surge named as an input', () => {
    const record = new Recorder();
    daemonSet(true, {}, record);
    expect(record.explanations.map(({ key, value, formula, inputs }) => [key, value, formula, inputs])).toEqual([
      ['rollout.maxUnavailable', 0, '0 (surge)', { surge: 'true' }],
      ['rollout.maxSurge', 1, '1 (surge)', { surge: 'true' }],
      ['rollout.nodeSeconds', 180, 'I + W_s + minReadySeconds', { I: 30, W_s: 135, minReadySeconds: 15 }],
    ]);
  });
  test('overridden budgets are explained as overrides of their own fields', () => {
    const record = new Recorder();
    daemonSet(false, { maxUnavailable: '0%', maxSurge: 2 }, record);
    expect(record.explanations.slice(0, 2).map(({ key, source, formula }) => [key, source, formula])).toEqual([
      ['rollout.maxUnavailable', 'override', 'overrides.maxUnavailable'],
      ['rollout.maxSurge', 'override', 'overrides.maxSurge'],
    ]);
  });
  test.each([false, true])('every reason is a sentence (surge %p)', (surge) => {
    const record = new Recorder();
    daemonSet(surge, {}, record);
    for (const { reason } of record.explanations) expect(reason).toMatch(/^[A-Z].{30,}\.$/);
  });
});
