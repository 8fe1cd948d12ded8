import { ceilDiv } from '../arithmetic';
import type { Recorder } from '../record';
import { CONTROLLER_CHECK_SECONDS } from './cronjob';

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
  /** n: runs tried before the Job fails; derived when left out (3, or fewer to fit a schedule). */
  readonly attempts?: number;
  /** T: time one attempt's pod may take from creation to its main container's start; default 20 s. */
  readonly startSeconds?: number;
  /** Exit codes of the main container that fail the Job at once, in increasing order. */
  readonly nonRetryableExitCodes?: readonly number[];
}

export interface JobTimings {
  readonly runMaxSeconds: number;
  readonly runTypicalSeconds: number;
  readonly attempts: number;
  /** T: the start allowance of each attempt (scheduling, image pull, container start). */
  readonly startSeconds: number;
  /** M_a: slack on the slowest run before an attempt is ended, ceil(R_max / 10). */
  readonly attemptMarginSeconds: number;
  /** a: one attempt's deadline, the pod's own activeDeadlineSeconds. */
  readonly attemptDeadlineSeconds: number;
  /** Whether the attempts were left out and fewer than 3 fit between two runs of the schedule. */
  readonly attemptsFitSchedule: boolean;
  /** Whether the attempts were left out and fewer than 3 fit in the overridden Job deadline. */
  readonly attemptsFitDeadline: boolean;
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
  /** The Job's numbers taken from `overrides` rather than derived, in this order: shown as overridden. */
  readonly overridden: readonly JobOverride[];
}

/** The Job's numbers a declaration may override (overrides.<name>). */
export type JobOverride = 'activeDeadlineSeconds' | 'ttlSecondsAfterFinished';
export const JOB_OVERRIDES: readonly JobOverride[] = ['activeDeadlineSeconds', 'ttlSecondsAfterFinished'];

/**
 * T by default: time an attempt's pod may take from creation to its main container's start
 * (scheduling, image pull, container start). Kubernetes' pod startup SLO is 5 s at the 99th
 * percentile without image pull (https://github.com/kubernetes/community/blob/master/sig-scalability/slos/pod_startup_latency.md);
 * 20 s adds the pull of a small image, and is short enough that a run every minute fits. A large
 * image or a node added on demand needs more: declare run.startSeconds.
 */
export const RUN_START_SECONDS = 20;

/** Attempts when `run.attempts` is left out: a failure that repeats three times is not transient. */
export const DEFAULT_ATTEMPTS = 3;

/** M_a = ceil(R_max / 10): a run a little slower than declared (a busy node) is not ended, one that hangs is. */
export function attemptMarginSeconds(runMaxSeconds: number): number {
  return ceilDiv(runMaxSeconds, 10);
}

/** a = T + I + R_max + M_a: one attempt's deadline. */
export function attemptDeadlineSeconds(T: number, I: number, runMaxSeconds: number): number {
  return T + I + runMaxSeconds + attemptMarginSeconds(runMaxSeconds);
}

/** A = n × a + B: the Job's deadline, every attempt at its deadline and the back-off between them. */
export function jobDeadlineSeconds(n: number, a: number): number {
  return n * a + backoffSeconds(n - 1);
}

/** The most attempts, from 1 up to `most`, whose Job deadline stays within `limit`; 1 when even one does not fit. */
export function attemptsThatFit(limit: number, a: number, most: number): number {
  let n = 1;
  while (n < most && jobDeadlineSeconds(n + 1, a) <= limit) n++;
  return n;
}

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

/**
 * The rules of a Job: `I` is the init phase the pod core derived (init containers, gating native
 * sidecars); `fitSeconds`, for a CronJob whose runs must not overlap, the most a Job's deadline may
 * be (C - 10), which bounds the attempts when they are not declared, as an overridden deadline does.
 */
export function deriveJob(
  record: Recorder,
  run: RunInput,
  I: number,
  scheduled: boolean,
  fitSeconds?: number,
  overrides: Partial<Record<JobOverride, number>> = {},
): JobTimings {
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
  const T =
    run.startSeconds === undefined
      ? decide('run.startSeconds', undefined, {
          formula: '20',
          inputs: {},
          reason:
            "Each attempt's pod may take 20 s from creation to its main container's start: scheduling and container start (Kubernetes' startup SLO is 5 s) and the pull of a small image. Declare run.startSeconds for a large image or a node added on demand.",
          compute: () => RUN_START_SECONDS,
        })
      : record.declared(
          'run.startSeconds',
          run.startSeconds,
          "Each attempt's start allowance (scheduling, image pull, container start), as declared.",
        );
  const M_a = decide('job.attemptMarginSeconds', undefined, {
    formula: 'M_a = ceil(R_max / 10)',
    inputs: { R_max },
    reason:
      'A run a little slower than declared (a busy node, a slow disk) is not ended; one that hangs is, within a tenth of its declared time.',
    compute: () => attemptMarginSeconds(R_max),
  });
  const a = decide('job.attemptDeadlineSeconds', undefined, {
    formula: 'a = T + I + R_max + M_a',
    inputs: { T, I, R_max, M_a },
    reason:
      "The pod's own activeDeadlineSeconds ends one attempt that outlasts its start, init phase and slowest run: the kubelet fails the pod (reason DeadlineExceeded), the failure counts against backoffLimit and the next attempt starts. The Job's activeDeadlineSeconds applies to the whole Job, so without it a first attempt that hangs would use up every retry (https://kubernetes.io/docs/concepts/workloads/controllers/job/#job-termination-and-cleanup).",
    compute: () => T + I + R_max + M_a,
  });
  const A_o = overrides.activeDeadlineSeconds;
  // The attempts left out fit the tighter of the schedule (C - 10) and an overridden deadline.
  const limit = A_o !== undefined && (fitSeconds === undefined || A_o <= fitSeconds) ? A_o : fitSeconds;
  const n =
    run.attempts !== undefined
      ? record.declared('run.attempts', run.attempts, 'Runs tried before the Job fails, as declared.')
      : limit === undefined
        ? decide('run.attempts', undefined, {
            formula: '3',
            inputs: {},
            reason: "A failure that repeats three times is not transient; disruptions do not spend attempts. Kubernetes' own default is 7.",
            compute: () => DEFAULT_ATTEMPTS,
          })
        : limit === A_o
          ? decide('run.attempts', undefined, {
              formula: 'n = the most of 1 to 3 with n × a + B ≤ overrides.activeDeadlineSeconds',
              inputs: { a, A: A_o },
              reason:
                'The Job deadline is overridden: as many attempts (up to 3) as fit in it at their own deadlines, with their back-off; at least one (invariant 18 refuses a deadline shorter than one attempt). Declare run.attempts to choose.',
              compute: () => attemptsThatFit(A_o, a, DEFAULT_ATTEMPTS),
            })
          : decide('run.attempts', undefined, {
              formula: 'n = the most of 1 to 3 with n × a + B ≤ C - 10',
              inputs: { a, C: limit + CONTROLLER_CHECK_SECONDS },
              reason:
                "Runs of this schedule must not overlap: as many attempts (up to 3) as fit between two runs, with their back-off and the controller's 10 s check; at least one. Declare run.attempts to choose.",
              compute: () => attemptsThatFit(limit, a, DEFAULT_ATTEMPTS),
            });
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
  const activeDeadlineSeconds = decide(
    'job.activeDeadlineSeconds',
    A_o,
    {
      formula: 'A = n × a + B',
      inputs: { n, a, B },
      reason:
        "Kubernetes applies the Job's activeDeadlineSeconds to the whole Job, every attempt included, and it wins over backoffLimit: it covers every attempt at its own deadline and the back-off between them, so it never cuts off a retry that backoffLimit allows, and a Job whose runs keep failing slowly is still ended.",
      compute: () => n * a + B,
    },
    'activeDeadlineSeconds',
  );
  // A CronJob keeps its last Jobs by its history limits; a TTL would delete a monthly run's Job
  // long before the next one replaces it in the history. An override sets one for either kind.
  const ttlSecondsAfterFinished =
    scheduled && overrides.ttlSecondsAfterFinished === undefined
      ? undefined
      : decide(
          'job.ttlSecondsAfterFinished',
          overrides.ttlSecondsAfterFinished,
          {
            formula: '604800 (7 days)',
            inputs: {},
            reason:
              'A finished Job and its pods (logs, exit codes, events) stay a week, so a failure on a Friday night can be read on Monday; then the TTL controller deletes them, so finished Jobs do not pile up.',
            compute: () => JOB_TTL_SECONDS,
          },
          'ttlSecondsAfterFinished',
        );
  return {
    runMaxSeconds: R_max,
    runTypicalSeconds: R_typ,
    attempts: n,
    startSeconds: T,
    attemptMarginSeconds: M_a,
    attemptDeadlineSeconds: a,
    attemptsFitSchedule: run.attempts === undefined && n < DEFAULT_ATTEMPTS && limit !== A_o,
    attemptsFitDeadline: run.attempts === undefined && n < DEFAULT_ATTEMPTS && limit === A_o,
    backoffLimit,
    backoffSeconds: B,
    activeDeadlineSeconds,
    ...(ttlSecondsAfterFinished !== undefined ? { ttlSecondsAfterFinished } : {}),
    nonRetryableExitCodes: run.nonRetryableExitCodes ?? [],
    overridden: JOB_OVERRIDES.filter((name) => overrides[name] !== undefined),
  };
}

/** What would let n attempts fit a Job deadline of at most `limit` seconds (for a fix). */
export interface AttemptFit {
  /** The longest run.maxSeconds that fits; undefined when none does. */
  readonly runMaxSeconds?: number;
  /** The longest run.startSeconds that fits; undefined when none does. */
  readonly startSeconds?: number;
  /** The most attempts, up to n, that fit; 0 when not even one does. */
  readonly attempts: number;
}

/** Solves n × (T + I + R + ceil(R / 10)) + B ≤ limit for R, for T, and for n. */
export function attemptFit(limit: number, n: number, T: number, I: number, R: number): AttemptFit {
  const perAttempt = Math.floor((limit - backoffSeconds(n - 1)) / n);
  // R + ceil(R / 10) ≤ room holds exactly for R ≤ floor(10 × room / 11).
  const runMaxSeconds = Math.floor((10 * (perAttempt - T - I)) / 11);
  const startSeconds = perAttempt - I - R - attemptMarginSeconds(R);
  const a = attemptDeadlineSeconds(T, I, R);
  return {
    ...(runMaxSeconds >= 1 ? { runMaxSeconds } : {}),
    ...(startSeconds >= 0 ? { startSeconds } : {}),
    attempts: a <= limit ? attemptsThatFit(limit, a, n) : 0,
  };
}
