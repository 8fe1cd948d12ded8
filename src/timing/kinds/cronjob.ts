import type { Recorder } from '../record';

/**
 * The CronJob's own timing rules (docs/derivation.md, "Kind cronjob"): how late a missed run may
 * still start, from the schedule's shortest interval and the Job's deadline. Pure, like every
 * module of src/timing/. The Job inside (deadline, retries) is src/timing/kinds/job.ts's.
 */

export type ConcurrencyPolicy = 'Forbid' | 'Replace' | 'Allow';

/** The schedule as declared, with its shortest interval (src/timing/cron.ts). */
export interface ScheduleInput {
  readonly cron: string;
  readonly timeZone?: string;
  readonly concurrencyPolicy: ConcurrencyPolicy;
  readonly successfulJobsHistoryLimit: number;
  readonly failedJobsHistoryLimit: number;
  /** Wall-clock minutes between the two closest runs (cronCadence). */
  readonly shortestIntervalMinutes: number;
}

export interface CronJobTimings {
  readonly cron: string;
  readonly timeZone?: string;
  readonly concurrencyPolicy: ConcurrencyPolicy;
  /** C: the shortest real time between two scheduled runs. */
  readonly shortestIntervalSeconds: number;
  /** How late after its scheduled time a missed run may still start. */
  readonly startingDeadlineSeconds: number;
  readonly successfulJobsHistoryLimit: number;
  readonly failedJobsHistoryLimit: number;
  /** Whether startingDeadlineSeconds was taken from overrides.startingDeadlineSeconds rather than derived. */
  readonly startingDeadlineOverridden: boolean;
}

/** The CronJob controller looks for due runs every 10 s: a shorter starting deadline may miss a run it was on time for. */
export const CONTROLLER_CHECK_SECONDS = 10;

/** A daylight-saving change moves the wall clock by an hour (no zone in use moves it by more). */
export const DST_SHIFT_SECONDS = 3600;

/** Zones without daylight saving time by definition; any other zone may have it. */
export function hasNoDaylightSaving(timeZone: string | undefined): boolean {
  return timeZone === undefined || timeZone === 'UTC' || timeZone === 'GMT' || timeZone.startsWith('Etc/');
}

/**
 * C: wall-clock minutes to seconds, an hour shorter in a zone with daylight saving time when the
 * interval spans more than an hour (a daily 02:00 run comes 23 hours after the last one in spring).
 * Without a time zone the controller's clock applies, which is UTC on every managed Kubernetes.
 */
export function shortestIntervalSeconds(minutes: number, timeZone: string | undefined): number {
  const seconds = 60 * minutes;
  return hasNoDaylightSaving(timeZone) || seconds <= DST_SHIFT_SECONDS ? seconds : seconds - DST_SHIFT_SECONDS;
}

/** Whether runs must not overlap: Forbid skips a run while the last one runs, Replace stops the last one. */
export function forbidsOverlap(policy: ConcurrencyPolicy): boolean {
  return policy !== 'Allow';
}

/** The rules of a CronJob: `A` is its Job's activeDeadlineSeconds; `S` overrides the starting deadline. */
export function deriveCronJob(record: Recorder, schedule: ScheduleInput, A: number, S?: number): CronJobTimings {
  const decide = record.decide.bind(record) as Recorder['decide'];
  const { timeZone, concurrencyPolicy } = schedule;
  const m = schedule.shortestIntervalMinutes;
  const C = decide(
    'cronJob.shortestIntervalSeconds',
    undefined,
    hasNoDaylightSaving(timeZone) || 60 * m <= DST_SHIFT_SECONDS
      ? {
          formula: 'C = 60 × m',
          inputs: { m },
          reason: 'The shortest wall-clock time between two scheduled runs, found by walking every day of 28 years of calendar.',
          compute: () => 60 * m,
        }
      : {
          formula: 'C = 60 × m - 3600',
          inputs: { m, timeZone: timeZone! },
          reason:
            'The shortest wall-clock time between two scheduled runs, an hour shorter: a daylight-saving change in the time zone moves one run an hour closer to the last.',
          compute: () => 60 * m - DST_SHIFT_SECONDS,
        },
  );
  const startingDeadlineSeconds = decide(
    'cronJob.startingDeadlineSeconds',
    S,
    forbidsOverlap(concurrencyPolicy)
      ? {
          formula: 'max(10, C - A)',
          inputs: { C, A },
          reason: `A run missed while the controller was down still starts if it can end (its deadline A) before the next run, which ${concurrencyPolicy} would otherwise skip or stop; later it is skipped. Never below the controller's 10 s check period.`,
          compute: () => Math.max(CONTROLLER_CHECK_SECONDS, C - A),
        }
      : {
          formula: 'max(10, C - 10)',
          inputs: { C },
          reason:
            "A run missed while the controller was down still starts until the next run is due (less the controller's 10 s check period), so at most one missed run is ever made up. Never below 10 s.",
          compute: () => Math.max(CONTROLLER_CHECK_SECONDS, C - CONTROLLER_CHECK_SECONDS),
        },
    'startingDeadlineSeconds',
  );
  return {
    cron: schedule.cron,
    ...(timeZone !== undefined ? { timeZone } : {}),
    concurrencyPolicy,
    shortestIntervalSeconds: C,
    startingDeadlineSeconds,
    successfulJobsHistoryLimit: schedule.successfulJobsHistoryLimit,
    failedJobsHistoryLimit: schedule.failedJobsHistoryLimit,
    startingDeadlineOverridden: S !== undefined,
  };
}

/** The fewest minutes between two runs that leave room for a Job deadline A (A + 10 ≤ C), in the zone's clock. */
export function minutesApartFor(A: number, timeZone: string | undefined): number {
  const minutes = Math.ceil((A + CONTROLLER_CHECK_SECONDS) / 60);
  return hasNoDaylightSaving(timeZone) || 60 * minutes <= DST_SHIFT_SECONDS ? minutes : minutes + DST_SHIFT_SECONDS / 60;
}
