import type { Timings } from '../timing/types';
import type { ContainerTimes, DeclaredTimes } from './facts';

/**
 * The declared times the invariants compare against, as the `declared` annotation records them
 * for `check`: the workload's, and its other containers' by name.
 */
export function declaredTimesOf(timings: Timings): DeclaredTimes {
  const { initContainers, sidecars } = timings.containers;
  const containers: Record<string, ContainerTimes> = {};
  for (const { name, maxSeconds } of initContainers) containers[name] = { maxSeconds };
  for (const { name, startSeconds, stopSeconds } of sidecars) containers[name] = { startSeconds, stopSeconds };
  return {
    startupMaxSeconds: timings.startupMaxSeconds,
    runMaxSeconds: timings.job?.runMaxSeconds,
    propagationSeconds: timings.propagationSeconds,
    drainSeconds: timings.drainSeconds,
    containers: Object.keys(containers).length > 0 ? containers : undefined,
  };
}
