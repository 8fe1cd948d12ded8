import type { Recorder } from '../record';
import type { StatefulSetInput, StatefulSetRollout } from '../types';

/** What a StatefulSet's rollout reads from the pod's own timings (docs/derivation.md, "Kind stateful"). */
export interface StatefulSetRolloutInput {
  readonly statefulSet: StatefulSetInput;
  /** G: the longest an old pod takes to stop. */
  readonly graceSeconds: number;
  /** I: the init phase before the application starts (0 without one). */
  readonly initSeconds: number;
  /** W_s: the startup window, the longest a start may take before it counts as failed. */
  readonly startupWindowSeconds: number;
  readonly minReadySeconds: number;
}

/**
 * A StatefulSet's rolling update, pure. The controller replaces one pod at a time, from the highest
 * ordinal down to the partition: it deletes the pod, waits until it is gone (at most the grace
 * period G), creates its replacement under the same name, and waits until that one is ready and has
 * stayed ready for minReadySeconds before it moves to the next ordinal. That holds for both pod
 * management policies: Parallel changes scaling, not updates
 * (https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#rolling-updates,
 * #parallel-pod-management). A StatefulSet has no progressDeadlineSeconds, so nothing reports a
 * rollout that takes too long: the worst case is derived and explained instead.
 */
export function deriveStatefulSetRollout(decide: Recorder['decide'], input: StatefulSetRolloutInput): StatefulSetRollout {
  const { statefulSet, graceSeconds: G, initSeconds: I, startupWindowSeconds: W_s, minReadySeconds } = input;
  const { replicas, partition, podManagementPolicy, maintenanceWindowSeconds } = statefulSet;
  const updatedPods = Math.max(0, replicas - partition);
  const podSeconds = G + I + W_s + minReadySeconds;
  const worstCaseSeconds = decide('rollout.worstCaseSeconds', undefined, {
    formula: '(replicas − partition) × (G + I + W_s + minReadySeconds)',
    inputs: { replicas, partition, G, I, W_s, minReadySeconds },
    reason:
      'A StatefulSet updates one pod at a time (in either pod management policy) and has no progress deadline: each pod may take the grace period to stop, the init phase and the startup window to start, and minReadySeconds to count.',
    compute: () => updatedPods * podSeconds,
  });
  return {
    controller: 'StatefulSet',
    minReadySeconds,
    podManagementPolicy,
    partition,
    updatedPods,
    podSeconds,
    worstCaseSeconds,
    ...(maintenanceWindowSeconds !== undefined ? { maintenanceWindowSeconds } : {}),
  };
}

/** Whether the worst-case rollout is longer than the declared maintenance window (a warning, not an invariant). */
export function exceedsMaintenanceWindow(rollout: StatefulSetRollout): boolean {
  return rollout.maintenanceWindowSeconds !== undefined && rollout.worstCaseSeconds > rollout.maintenanceWindowSeconds;
}
