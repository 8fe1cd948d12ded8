import { cronCadence, CRON_RULE, parseCron } from '../../timing/cron';
import type { ScheduleInput } from '../../timing/kinds/cronjob';
import type { EffectiveSpec } from '../presets';
import type { Resolution } from './resolution';
import { TIME_ZONES as NAMES } from '../time-zones';

const TIME_ZONES: ReadonlySet<string> = new Set(NAMES);
const TIME_ZONES_BY_LOWER_CASE: ReadonlyMap<string, string> = new Map(NAMES.map((name) => [name.toLowerCase(), name]));

/** How to write a schedule, in every message about one. */
export const CRON_FIX = 'write it like "0 2 * * *" (every day at 02:00) or "*/15 * * * *" (every 15 minutes)';

/**
 * A CronJob's schedule with its shortest interval, or undefined (with a problem) when Kubernetes
 * would refuse it or it would never run, or the workload is of another kind. Mirrored by
 * `hw.schedule.resolve` in templates/_cronjob.tpl.
 */
export function resolveSchedule(spec: EffectiveSpec, { problems }: Resolution): ScheduleInput | undefined {
  if (spec.kind !== 'cronjob') return undefined;
  const { schedule } = spec;
  if (schedule === undefined) {
    problems.push({
      path: 'schedule',
      value: undefined,
      rule: 'a cronjob needs its schedule',
      fix: 'add schedule, e.g. schedule: { cron: "0 2 * * *" } (every day at 02:00)',
    });
    return undefined;
  }
  if (schedule.timeZone?.toLowerCase() === 'local') {
    // The API server refuses it: the zone would be whatever the controller's host runs in.
    problems.push({
      path: 'schedule.timeZone',
      value: schedule.timeZone,
      rule: 'timeZone must name a zone: Local would be whatever the controller runs in, and the API refuses it',
      fix: 'write a zone such as Europe/Berlin or UTC, or leave timeZone out',
    });
  } else if (schedule.timeZone !== undefined && !TIME_ZONES.has(schedule.timeZone)) {
    // Kubernetes refuses an unknown zone at creation, or, where the controller's database lacks it, never runs the schedule.
    const sameLetters = TIME_ZONES_BY_LOWER_CASE.get(schedule.timeZone.toLowerCase());
    problems.push({
      path: 'schedule.timeZone',
      value: schedule.timeZone,
      rule: 'timeZone must be a name of the IANA time zone database: the CronJob controller never runs a schedule in a zone it does not know',
      fix: sameLetters
        ? `write ${sameLetters}: zone names are case-sensitive`
        : 'write a name from the IANA time zone database, e.g. Europe/Berlin, America/New_York or UTC',
    });
  }
  const fields = parseCron(schedule.cron);
  if (!fields) {
    problems.push({ path: 'schedule.cron', value: schedule.cron, rule: CRON_RULE, fix: CRON_FIX });
    return undefined;
  }
  const cadence = cronCadence(fields);
  if (cadence.runs !== 'repeatedly') {
    problems.push({
      path: 'schedule.cron',
      value: schedule.cron,
      rule:
        cadence.runs === 'never'
          ? 'the schedule never runs: no day of 28 years of calendar matches it (such as February 30)'
          : 'the schedule runs at most once in 28 years',
      fix: cadence.runs === 'never' ? `pick days that exist; ${CRON_FIX}` : `use kind job for a one-off run, or ${CRON_FIX}`,
    });
    return undefined;
  }
  return { ...schedule, shortestIntervalMinutes: cadence.shortestIntervalMinutes };
}
