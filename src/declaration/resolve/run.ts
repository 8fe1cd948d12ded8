import { runsToCompletion } from '../../kinds/table';
import type { EffectiveSpec } from '../presets';
import type { Resolution } from './resolution';

/**
 * The times each kind cannot do without: how long a start takes for pods that run until deleted,
 * how long a run takes for pods that run to completion (the kinds table says which field belongs
 * to which kind; a foreign one is reported by checkKindFields). Mirrored by `hw.run.problems` in
 * templates/_job.tpl.
 */
/** The overrides that mean something for pods that run to completion, by kind (README, "Overrides"). */
export const BATCH_OVERRIDES: Readonly<Record<'job' | 'cronjob', readonly string[]>> = {
  job: ['terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished'],
  cronjob: ['terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'startingDeadlineSeconds', 'ttlSecondsAfterFinished'],
};

/** The overrides of a Job's or a CronJob's own limits, which pods that run until deleted do not have. */
const RUN_OVERRIDES = ['activeDeadlineSeconds', 'startingDeadlineSeconds', 'ttlSecondsAfterFinished'];

/** Why an override does not apply to a kind that runs to completion. */
function batchOverrideReason(key: string): string {
  return key === 'startingDeadlineSeconds'
    ? 'a job has no schedule, so no run of it can start late'
    : `its pods have no probes, no preStop hook, no rollout and no load balancer`;
}

export function checkTimes(spec: EffectiveSpec, { problems }: Resolution): void {
  if (!runsToCompletion(spec.kind)) {
    if (spec.startup === undefined) {
      problems.push({
        path: 'startup',
        value: undefined,
        rule: `a ${spec.kind} workload needs its startup time: the probes and the rollout are derived from it`,
        fix: 'add startup, e.g. startup: { maxSeconds: 90 } (the slowest acceptable start)',
      });
    }
    for (const key of RUN_OVERRIDES) {
      const value = (spec.overrides as Record<string, unknown>)[key];
      if (value === undefined) continue;
      problems.push({
        path: `overrides.${key}`,
        value,
        rule: `overrides.${key} applies to kind ${key === 'startingDeadlineSeconds' ? 'cronjob' : 'job or cronjob'} only (this workload is kind ${spec.kind}): its pods run until deleted`,
        fix: `remove overrides.${key}`,
      });
    }
    return;
  }
  const { run, health } = spec;
  if (run === undefined) {
    problems.push({
      path: 'run',
      value: undefined,
      rule: `a ${spec.kind} needs its run time: its deadline and retries are derived from it`,
      fix: 'add run, e.g. run: { maxSeconds: 1800 } (the slowest acceptable run)',
    });
  } else {
    if (run.typicalSeconds !== undefined && run.typicalSeconds > run.maxSeconds) {
      problems.push({
        path: 'run.typicalSeconds',
        value: run.typicalSeconds,
        rule: `a typical run cannot take longer than the slowest one (run.maxSeconds = ${run.maxSeconds})`,
        fix: `lower run.typicalSeconds to at most ${run.maxSeconds}, or raise run.maxSeconds`,
      });
    }
    const codes = run.nonRetryableExitCodes ?? [];
    const unordered = codes.findIndex((code, index) => index > 0 && code <= codes[index - 1]!);
    if (unordered > 0) {
      // The API requires the list ordered and without repeats (Job podFailurePolicy onExitCodes.values).
      problems.push({
        path: `run.nonRetryableExitCodes[${unordered}]`,
        value: codes[unordered],
        rule: 'exit codes are listed in increasing order without repeats, as the Job API requires',
        fix: `write them sorted without repeats: [${[...new Set(codes)].sort((a, b) => a - b).join(', ')}]`,
      });
    }
  }
  // The grace period and the Job's own limits apply: the other derived numbers are of probes, preStop hooks, rollouts and load balancers.
  const kind = spec.kind as 'job' | 'cronjob';
  const applies = BATCH_OVERRIDES[kind];
  for (const key of Object.keys(spec.overrides).sort()) {
    if (applies.includes(key)) continue;
    problems.push({
      path: `overrides.${key}`,
      value: (spec.overrides as Record<string, unknown>)[key],
      rule: `overrides.${key} does not apply to a ${kind}: ${batchOverrideReason(key)}`,
      fix: `remove overrides.${key}; only ${applies.map((name) => `overrides.${name}`).join(', ')} apply to a ${kind}`,
    });
  }
  // A batch pod that wedges is ended by its deadline; with restartPolicy Never a probe could only fail the attempt.
  for (const probe of ['readiness', 'liveness', 'startup'] as const) {
    if (health[probe] === undefined) continue;
    problems.push({
      path: `health.${probe}`,
      value: health[probe],
      rule: `a ${spec.kind}'s pods have no probes: no Service sends them traffic, and a run that hangs is ended by its deadline (derived from run, or overrides.activeDeadlineSeconds)`,
      fix: `remove health.${probe}`,
    });
  }
}
