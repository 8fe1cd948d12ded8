/**
 * CronJob schedules as Kubernetes reads them, and the shortest time between two of their runs.
 *
 * The CronJob controller parses schedules with robfig/cron v3 (`cron.ParseStandard`): five fields
 * (minute 0-59, hour 0-23, day of month 1-31, month 1-12 or JAN-DEC, day of week 0-6 or SUN-SAT,
 * names in any case), each a comma-separated list of `*`, `?`, a value or a range `a-b`, optionally
 * with `/step`; `a/step` means `a-max/step`; and the macros @yearly, @annually, @monthly, @weekly,
 * @daily, @midnight and @hourly. npm's cron libraries read a different dialect: cron-parser, the
 * best kept, accepts 7 for Sunday, L, W, # and seconds, which the API server refuses, and refuses
 * what robfig accepts (a repeated value, `*` inside a list, a day of month no month has). So the
 * grammar and its expansion are written here, as robfig has them, and mirrored in
 * templates/_cron.tpl (a chart has no library to call); test/cron.test.ts checks the expansion
 * against cron-parser on every schedule both dialects share, and test/cron-parity.test.ts the
 * two faces against each other.
 *
 * Day matching follows robfig: when the day-of-month or the day-of-week field starts with `*` or
 * `?` (without a step above 1), a day must match both; otherwise either one suffices.
 */

export interface CronFields {
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly daysOfMonth: readonly number[];
  readonly months: readonly number[];
  /** 0 = Sunday … 6 = Saturday. */
  readonly daysOfWeek: readonly number[];
  /** Whether a day must match both day fields (one of them is `*`/`?`) or either. */
  readonly dayMatching: 'both' | 'either';
}

/** robfig's macros, as the five fields they stand for. */
export const CRON_MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

interface FieldRange {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export const CRON_FIELDS: readonly FieldRange[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES },
  { name: 'day of week', min: 0, max: 6, names: DAY_NAMES },
];

/** The rule every schedule must follow, as messages state it (both faces). */
export const CRON_RULE =
  'a cron schedule as Kubernetes reads it: five fields (minute 0-59, hour 0-23, day of month 1-31, month 1-12 or JAN-DEC, day of week 0-6 or SUN-SAT), ' +
  'each *, ?, a value, a range a-b or a list of them, optionally with /step; or @hourly, @daily, @weekly, @monthly or @yearly';

/**
 * The characters a schedule may hold. Spaces are then the only whitespace, so both faces split
 * fields alike (Go and JavaScript disagree about which Unicode characters are spaces).
 */
export const CRON_SCHEDULE_PATTERN = '^[ 0-9A-Za-z*?,/@-]+$';

/** The five fields of a schedule, macros expanded; undefined when it is not five fields. */
export function cronFieldTexts(schedule: string): string[] | undefined {
  if (!new RegExp(CRON_SCHEDULE_PATTERN).test(schedule)) return undefined;
  const trimmed = schedule.trim();
  const expanded = CRON_MACROS[trimmed.toLowerCase()] ?? trimmed;
  const fields = expanded.split(/ +/);
  return fields.length === 5 && fields.every((field) => field !== '') ? fields : undefined;
}

function valueOf(text: string, range: FieldRange): number | undefined {
  const named = range.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return named + range.min;
  if (!/^[0-9]+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= range.min && value <= range.max ? value : undefined;
}

/** One list item (`*`, `?`, `a`, `a-b`, each optionally `/step`) as the values it stands for, or undefined when invalid. */
function itemValues(item: string, range: FieldRange): number[] | undefined {
  const [span, stepText, ...rest] = item.split('/');
  if (rest.length > 0 || span === undefined) return undefined;
  if (stepText !== undefined && !/^[0-9]+$/.test(stepText)) return undefined;
  const step = stepText === undefined ? 1 : Number(stepText);
  if (step < 1) return undefined;
  let start = range.min;
  let end = range.max;
  if (span !== '*' && span !== '?') {
    const bounds = span.split('-');
    const values = bounds.map((bound) => valueOf(bound, range));
    if (bounds.length > 2 || values.some((value) => value === undefined)) return undefined;
    start = values[0]!;
    // `a/step` means `a-max/step`; a lone `a` is just a.
    end = values.length === 2 ? values[1]! : stepText === undefined ? start : range.max;
    if (start > end) return undefined;
  }
  const expanded: number[] = [];
  for (let value = start; value <= end; value += step) expanded.push(value);
  return expanded;
}

/** Whether a field is "any day" in robfig's sense: an item `*` or `?` without a step above 1. */
function isStar(field: string): boolean {
  return field.split(',').some((item) => {
    const [span, step] = item.split('/');
    return (span === '*' || span === '?') && (step === undefined || Number(step) <= 1);
  });
}

/**
 * The expanded fields of a schedule Kubernetes accepts, or undefined when it would refuse it.
 * Whether it ever runs is a separate question (`cronCadence`).
 */
export function parseCron(schedule: string): CronFields | undefined {
  const fields = cronFieldTexts(schedule);
  if (!fields) return undefined;
  const expanded: number[][] = [];
  for (const [index, field] of fields.entries()) {
    const values = new Set<number>();
    for (const item of field.split(',')) {
      const itemValuesFound = itemValues(item, CRON_FIELDS[index]!);
      if (!itemValuesFound) return undefined;
      for (const value of itemValuesFound) values.add(value);
    }
    expanded.push([...values].sort((a, b) => a - b));
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = expanded as [number[], number[], number[], number[], number[]];
  return { minutes, hours, daysOfMonth, months, daysOfWeek, dayMatching: isStar(fields[2]!) || isStar(fields[4]!) ? 'both' : 'either' };
}

/** The 28 years from 2001 to 2028 hold every alignment of weekdays, month lengths and leap days. */
export const CALENDAR_START = { year: 2001, weekday: 1 } as const; // 2001-01-01 was a Monday.
export const CALENDAR_YEARS = 28;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** How often a schedule runs: never, at most once in 28 years, or repeatedly with a shortest interval. */
export type CronCadence =
  { readonly runs: 'never' } | { readonly runs: 'once' } | { readonly runs: 'repeatedly'; readonly shortestIntervalMinutes: number };

/**
 * The shortest time between two consecutive runs. Runs are every matching day at every matching
 * time of day, so the shortest interval is the shortest gap between two times of one day, or between
 * the last time of one matching day and the first of the next matching day. Wall-clock minutes: a
 * daylight-saving change can shorten one interval a year by an hour in the schedule's time zone.
 */
export function cronCadence(fields: CronFields): CronCadence {
  const times = fields.hours.flatMap((hour) => fields.minutes.map((minute) => hour * 60 + minute)).sort((a, b) => a - b);
  let shortest = Infinity;
  for (let index = 1; index < times.length; index++) shortest = Math.min(shortest, times[index]! - times[index - 1]!);
  const span = times.length > 0 ? times[times.length - 1]! - times[0]! : 0;

  const months = new Set(fields.months);
  const daysOfMonth = new Set(fields.daysOfMonth);
  const daysOfWeek = new Set(fields.daysOfWeek);
  let day = 0;
  let weekday: number = CALENDAR_START.weekday;
  let previous: number | undefined;
  let matchingDays = 0;
  for (let year = CALENDAR_START.year; year < CALENDAR_START.year + CALENDAR_YEARS; year++) {
    for (let month = 1; month <= 12; month++) {
      for (let dayOfMonth = 1; dayOfMonth <= daysInMonth(year, month); dayOfMonth++) {
        const domMatch = daysOfMonth.has(dayOfMonth);
        const dowMatch = daysOfWeek.has(weekday);
        if (months.has(month) && (fields.dayMatching === 'both' ? domMatch && dowMatch : domMatch || dowMatch)) {
          matchingDays++;
          if (previous !== undefined) shortest = Math.min(shortest, (day - previous) * 1440 - span);
          previous = day;
        }
        day++;
        weekday = (weekday + 1) % 7;
      }
    }
  }
  if (matchingDays === 0 || times.length === 0) return { runs: 'never' };
  if (shortest === Infinity) return { runs: 'once' };
  return { runs: 'repeatedly', shortestIntervalMinutes: shortest };
}
