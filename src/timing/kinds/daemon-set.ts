import type { Recorder } from '../record';
import type { DaemonSetInput, DaemonSetRollout, PodBudget, TimingOverrides } from '../types';

/** What a DaemonSet's rollout reads from the pod's own timings (docs/derivation.md, "Kind daemon"). */
export interface DaemonSetRolloutInput {
  readonly daemonSet: DaemonSetInput;
  readonly overrides: Pick<TimingOverrides, 'maxSurge' | 'maxUnavailable'>;
  /** G: the longest an old pod takes to stop. */
  readonly graceSeconds: number;
  /** I: the init phase before the application starts (0 without one). */
  readonly initSeconds: number;
  /** W_s: the startup window. */
  readonly startupWindowSeconds: number;
  readonly minReadySeconds: number;
}

/**
 * A DaemonSet's rolling update, pure. The controller updates node by node: with maxUnavailable it
 * deletes a node's old pod and starts the new one once the old is gone, so the node is without its
 * agent for as long as the stop and the start take; with maxSurge (Kubernetes 1.25+, GA) it starts
 * the new pod beside the old one and deletes the old one once the new one is available, so no node is
 * ever without its agent — which only an agent that tolerates a second copy on its node allows
 * (https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/#performing-a-rolling-update).
 * A DaemonSet has no progress deadline.
 */
export function deriveDaemonSetRollout(decide: Recorder['decide'], input: DaemonSetRolloutInput): DaemonSetRollout {
  const { daemonSet, overrides, graceSeconds: G, initSeconds: I, startupWindowSeconds: W_s, minReadySeconds } = input;
  const { surge } = daemonSet;
  const maxUnavailable = decide<PodBudget>(
    'rollout.maxUnavailable',
    overrides.maxUnavailable,
    surge
      ? {
          formula: '0 (surge)',
          inputs: { surge: 'true' },
          reason:
            'The agent may run twice on a node: keep the old pod until the new one is available, so no node is left without its agent.',
          compute: () => 0,
        }
      : {
          formula: '1',
          inputs: { surge: 'false' },
          reason:
            'One node at a time without its agent: a node agent serves only its own node, so each missing pod leaves one node uncovered, and one is the least an update that must stop the old pod first can cost.',
          compute: () => 1,
        },
    'maxUnavailable',
  );
  const maxSurge = decide<PodBudget>(
    'rollout.maxSurge',
    overrides.maxSurge,
    surge
      ? {
          formula: '1 (surge)',
          inputs: { surge: 'true' },
          reason: 'With maxUnavailable 0 the update can only progress by starting a second copy on a node, one node at a time.',
          compute: () => 1,
        }
      : {
          formula: '0',
          inputs: { surge: 'false' },
          reason: 'Two copies of the agent on one node would compete for its host port, files or devices.',
          compute: () => 0,
        },
    'maxSurge',
  );
  const stopsFirst = !(maxUnavailable === 0 || maxUnavailable === '0%');
  const nodeSeconds = decide(
    'rollout.nodeSeconds',
    undefined,
    stopsFirst
      ? {
          formula: 'G + I + W_s + minReadySeconds',
          inputs: { G, I, W_s, minReadySeconds },
          reason:
            'A DaemonSet has no progress deadline: on each node the old pod may take the grace period to stop, and the new one the init phase and the startup window to start and minReadySeconds to count, all while the node has no working agent.',
          compute: () => G + I + W_s + minReadySeconds,
        }
      : {
          formula: 'I + W_s + minReadySeconds',
          inputs: { I, W_s, minReadySeconds },
          reason:
            'A DaemonSet has no progress deadline: on each node the new pod may take the init phase and the startup window to start and minReadySeconds to count, while the old one keeps working.',
          compute: () => I + W_s + minReadySeconds,
        },
  );
  return { controller: 'DaemonSet', maxSurge, maxUnavailable, minReadySeconds, nodeSeconds, nodeGapSeconds: stopsFirst ? nodeSeconds : 0 };
}
