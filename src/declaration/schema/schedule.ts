import { z } from 'zod';
import { CRON_RULE, CRON_SCHEDULE_PATTERN } from '../../timing/cron';
import { wholeNumberBetween } from './primitives';

/**
 * An IANA time zone name as the CronJob API takes it (Europe/Berlin, America/Argentina/Buenos_Aires,
 * Etc/GMT+5, UTC). The schema checks the shape; resolveSchedule (and templates/_cronjob.tpl) checks
 * the name against the database (src/declaration/time-zones.ts).
 */
export const TIME_ZONE = '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9][A-Za-z0-9_+-]*){0,2}$';

/**
 * When a CronJob runs (kind cronjob): its schedule, time zone, overlap policy and history. The
 * starting deadline is derived from the schedule's shortest interval (src/timing/kinds/cronjob.ts).
 */
export const schedule = z
  .strictObject({
    cron: z
      .string()
      .regex(new RegExp(CRON_SCHEDULE_PATTERN))
      .meta({
        description: 'The schedule in cron format, as Kubernetes reads it (five fields, or a macro such as @daily).',
        examples: ['0 2 * * *'],
        'x-rule': CRON_RULE,
        'x-fix': 'write it like "0 2 * * *" (every day at 02:00) or "*/15 * * * *" (every 15 minutes)',
      }),
    timeZone: z
      .string()
      .regex(new RegExp(TIME_ZONE))
      .max(64)
      .optional()
      .meta({
        description:
          'IANA time zone the schedule is read in: a name of the IANA time zone database (zones and links, case-sensitive), which the CronJob controller needs to run the schedule at all.',
        'x-default': "the kube-controller-manager's time zone (usually UTC)",
        examples: ['Europe/Berlin'],
        'x-rule': 'an IANA time zone name such as Europe/Berlin or UTC',
        'x-fix': 'write a name from the IANA time zone database, e.g. Europe/Berlin, America/New_York or UTC',
      }),
    concurrencyPolicy: z
      .enum(['Forbid', 'Replace', 'Allow'])
      .default('Forbid')
      .meta({
        description:
          'What happens when a run is due while the last one still runs. Forbid: skip the new run. Replace: stop the old one. Allow: run both (the run must tolerate a second copy).',
        examples: ['Replace'],
      }),
    suspend: z
      .boolean()
      .optional()
      .meta({
        description:
          'Stops the schedule without deleting the CronJob: no new run starts while true; a run already started goes on. Missed runs are not made up later beyond startingDeadlineSeconds.',
        'x-default': 'false: the schedule runs',
        examples: [true],
      }),
    successfulJobsHistoryLimit: wholeNumberBetween(0, 100, 'Jobs', 'Finished Jobs that succeeded to keep, with their pods and logs.')
      .default(3)
      .meta({ examples: [1] }),
    failedJobsHistoryLimit: wholeNumberBetween(0, 100, 'Jobs', 'Finished Jobs that failed to keep, with their pods and logs.')
      .default(3)
      .meta({ examples: [5] }),
  })
  .meta({
    title: 'Schedule',
    description:
      'When the CronJob runs (kind cronjob; required there). Its starting deadline is derived from the shortest interval between two runs.',
    examples: [{ cron: '0 2 * * *', timeZone: 'Europe/Berlin' }],
  });
