import { ceilDiv } from '../arithmetic';
import type { Recorder } from '../record';

/**
 * The Job's own timing rules (docs/derivation.md, "Kind job"): its deadline, retry budget and
 * clean-up, derived from the declared run time and the init phase the pod core derives. Pure, like
 * every module of src/timing/.
 */

/** How one run is timed and tried, as declared under `run`. */
export interface RunInput {
  /** R_max: the slowest acceptable run. */
  readonly maxSeconds: number;
  /** R_typ; default ceil(R_max / 3). */
  readonly typicalSeconds?: number;
  /** n: runs tried before the Job fails. */
  readonly attempts: number;
  /** Exit codes of the main container that fail the Job at once, in increasing order. */
  readonly nonRetryableExitCodes?: readonly number[];
}

export interface JobTimings {
  readonly runMaxSeconds: number;
  readonly runTypicalSeconds: number;
  readonly attempts: number;
  /** n - 1: failed pods the Job tolerates before it fails. */
  readonly backoffLimit: number;
  /** B: the Job controller's back-off delays between the n attempts. */
  readonly backoffSeconds: number;
  /** A: how long the whole Job, every attempt included, may run before it is failed. */
  readonly activeDeadlineSeconds: number;
  /**
   * How long a finished Job and its pods are kept before the TTL controller deletes them; absent
   * for a CronJob's Jobs, which its history limits keep and delete.
   */
  readonly ttlSecondsAfterFinished?: number;
  /** Exit codes that fail the Job at once; empty when every failure is retried. */
  readonly nonRetryableExitCodes: readonly number[];
}

/**
 * Time a new pod may take from creation to its first container: scheduling, image pull, volume
 * mounts. The same allowance the rollout's progress deadline gives a Deployment's new pod.
 */
export const POD_START_SECONDS = 120;

/**
 * The Job controller's back-off after a failed pod: 10 s, doubled after each failure, capped at
 * six minutes (https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-backoff-failure-policy).
 */
export const BACKOFF_BASE_SECONDS = 10;
export const BACKOFF_CAP_SECONDS = 360;

/** A week: a run that fails on Friday night can still be read on Monday morning. */
export const JOB_TTL_SECONDS = 7 * 24 * 3600;

/** Σ_{k=1}^{retries} min(10 × 2^(k-1), 360): the longest the controller waits between the attempts. */
export function backoffSeconds(retries: number): number {
  let total = 0;
  for (let k = 1; k <= retries; k++) total += Math.min(BACKOFF_BASE_SECONDS * 2 ** (k - 1), BACKOFF_CAP_SECONDS);
  return total;
}

/** The rules of a Job: `I` is the init phase the pod core derived (init containers, gating native sidecars). */
export function deriveJob(record: Recorder, run: RunInput, I: number, scheduled: boolean): JobTimings {
  const decide = record.decide.bind(record) as Recorder['decide'];
  const R_max = record.declared('run.maxSeconds', run.maxSeconds, 'The slowest acceptable run, as declared.');
  const R_typ =
    run.typicalSeconds === undefined
      ? decide('run.typicalSeconds', undefined, {
          formula: 'ceil(R_max / 3)',
          inputs: { R_max },
          reason: 'A typical run is assumed to take a third of the slowest one (shown in the timeline only).',
          compute: () => ceilDiv(R_max, 3),
        })
      : record.declared('run.typicalSeconds', run.typicalSeconds, 'A typical run, as declared.');
  const n = record.declared('run.attempts', run.attempts, 'Runs tried before the Job fails, as declared or by default (3).');
  const backoffLimit = decide('job.backoffLimit', undefined, {
    formula: 'n - 1',
    inputs: { n },
    reason:
      'backoffLimit counts failed pods the Job tolerates, so n attempts allow n - 1 failures. Pods lost to disruptions do not count: the pod failure policy ignores them.',
    compute: () => n - 1,
  });
  const B = decide('job.backoffSeconds', undefined, {
    formula: 'B = Σ_{k=1}^{n-1} min(10 × 2^(k-1), 360)',
    inputs: { n },
    reason: 'After each failed pod the Job controller waits 10 s, doubled per failure and capped at 6 min, before it creates the next.',
    compute: () => backoffSeconds(n - 1),
  });
  const activeDeadlineSeconds = decide('job.activeDeadlineSeconds', undefined, {
    formula: 'A = n × (120 + I + R_max) + B',
    inputs: { n, I, R_max, B },
    reason:
      "Kubernetes applies activeDeadlineSeconds to the whole Job, every attempt included: it covers each attempt's scheduling and image pull (120 s), init phase and slowest run, and the back-off between attempts, so a deadline never cuts off a retry that backoffLimit allows, and a run that hangs is still ended.",
    compute: () => n * (POD_START_SECONDS + I + R_max) + B,
  });
  // A CronJob keeps its last Jobs by its history limits; a TTL would delete a monthly run's Job
  // long before the next one replaces it in the history.
  const ttlSecondsAfterFinished = scheduled
    ? undefined
    : decide('job.ttlSecondsAfterFinished', undefined, {
        formula: '604800 (7 days)',
        inputs: {},
        reason:
          'A finished Job and its pods (logs, exit codes, events) stay a week, so a failure on a Friday night can be read on Monday; then the TTL controller deletes them, so finished Jobs do not pile up.',
        compute: () => JOB_TTL_SECONDS,
      });
  return {
    runMaxSeconds: R_max,
    runTypicalSeconds: R_typ,
    attempts: n,
    backoffLimit,
    backoffSeconds: B,
    activeDeadlineSeconds,
    ...(ttlSecondsAfterFinished !== undefined ? { ttlSecondsAfterFinished } : {}),
    nonRetryableExitCodes: run.nonRetryableExitCodes ?? [],
  };
}
