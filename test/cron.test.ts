import { CronExpressionParser } from 'cron-parser';
import fc from 'fast-check';
import { CRON_MACROS, cronCadence, parseCron } from '../src/timing/cron';
import { SEED } from './support/arbitraries';

const cadence = (schedule: string) => {
  const fields = parseCron(schedule);
  if (!fields) throw new Error(`${schedule} should parse`);
  return cronCadence(fields);
};
const minutes = (schedule: string) => {
  const result = cadence(schedule);
  return result.runs === 'repeatedly' ? result.shortestIntervalMinutes : result.runs;
};

describe('the grammar Kubernetes accepts (robfig/cron v3, ParseStandard)', () => {
  test.each([
    '*/15 * * * *',
    '0 2 * * *',
    '0 9 * * MON-FRI',
    '0 9 * jan,Jul sun',
    '5/15 * * * *',
    '1-10/3 0-23/6 1,15 */2 ?',
    '0 0 ? * 1-5/2',
    ' 0 0  * * * ',
    '@daily',
    '@Hourly',
    '0 0 31 2 *',
  ])('accepts %j', (schedule) => {
    expect(parseCron(schedule)).toBeDefined();
  });
  test.each([
    ['six fields (seconds)', '0 0 0 * * *'],
    ['four fields', '0 0 * *'],
    ['Sunday as 7', '0 0 * * 7'],
    ['minute 60', '60 * * * *'],
    ['hour 24', '0 24 * * *'],
    ['day of month 0', '0 0 0 * *'],
    ['month 13', '0 0 1 13 *'],
    ['a backwards range', '10-5 * * * *'],
    ['a step of 0', '*/0 * * * *'],
    ['a last-day extension', '0 0 L * *'],
    ['a weekday-nearest extension', '0 0 15W * *'],
    ['an nth-weekday extension', '0 0 * * 1#2'],
    ['a month name in the day-of-week field', '0 0 * * JAN'],
    ['@every', '@every 5m'],
    ['@reboot', '@reboot'],
    ['an empty list item', '0,,5 * * * *'],
    ['a negative step', '*/-1 * * * *'],
    ['the empty string', ''],
    ['a non-breaking space, which JavaScript trims and Go does not', '\u00a00 0 * * *'],
    ['an exponent as a value', '1e1 * * * *'],
    ['a hexadecimal value', '0x1 * * * *'],
    ['two steps', '*/2/3 * * * *'],
    ['a step that is no number', '*/x * * * *'],
    ['an exponent as a step', '*/1e1 * * * *'],
    ['a hexadecimal step', '*/0x5 * * * *'],
    ['a range of three bounds', '1-2-3 * * * *'],
    ['a range with one bound no value', '5-L * * * *'],
  ])('refuses %s (%j)', (_, schedule) => {
    expect(parseCron(schedule)).toBeUndefined();
  });
  test('macros stand for their five fields', () => {
    for (const [macro, fields] of Object.entries(CRON_MACROS)) {
      expect(parseCron(fields)).toBeDefined();
      expect(parseCron(macro)).toEqual(parseCron(fields));
    }
  });
  test.each(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((name, index) => [name, index + 1]))(
    'the month %s is %i',
    (name, month) => {
      expect(parseCron(`0 0 1 ${name} *`)!.months).toEqual([month]);
    },
  );
  test.each(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((name, index) => [name, index]))(
    'the day of week %s is %i',
    (name, day) => {
      expect(parseCron(`0 0 * * ${name}`)!.daysOfWeek).toEqual([day]);
    },
  );
  test('a day field starting with * or ? makes a day match both day fields; otherwise either (robfig)', () => {
    expect(parseCron('0 0 * * 1')!.dayMatching).toBe('both');
    expect(parseCron('0 0 ? * 1')!.dayMatching).toBe('both');
    expect(parseCron('0 0 13 * 5')!.dayMatching).toBe('either');
    expect(parseCron('0 0 */2 * 5')!.dayMatching).toBe('either'); // a step above 1 is not "any day"
    expect(parseCron('0 0 */1 * 5')!.dayMatching).toBe('both'); // a step of 1 is
    expect(parseCron('0 0 *,5 * 1')!.dayMatching).toBe('both'); // a * anywhere in the list is
  });
});

describe('the shortest interval between two runs (minutes, over every calendar alignment of 28 years)', () => {
  test.each([
    ['every 15 minutes', '*/15 * * * *', 15],
    ['irregular minutes: 0 and 50 leave 10 minutes across the hour', '0,50 * * * *', 10],
    ['nightly at 02:00', '0 2 * * *', 1440],
    ['nightly at 23:30', '30 23 * * *', 1440],
    ['00:10, 00:30, 23:10 and 23:30: 20 minutes within the day, 40 across midnight', '10,30 0,23 * * *', 20],
    ['00:10 and 23:50: 20 minutes across midnight', '10,50 0,23 * * *', 20],
    ['weekdays at 09:00: one day between Monday and Tuesday', '0 9 * * 1-5', 1440],
    ['weekly on Sunday', '@weekly', 7 * 1440],
    ['monthly: February is the shortest month', '@monthly', 28 * 1440],
    ['the 31st: July and August are consecutive', '0 0 31 * *', 31 * 1440],
    ['the 13th or any Friday: a Friday the 12th is followed by the 13th', '0 0 13 * 5', 1440],
    ['yearly: 365 days, 366 only after a leap day', '@yearly', 365 * 1440],
    ['every leap day: four years apart', '0 0 29 2 *', 1461 * 1440],
    ['February 30th or any Monday of February: only the Mondays, a week apart', '0 0 30 2 1', 7 * 1440],
  ])('%s (%s): %i', (_, schedule, expected) => {
    expect(minutes(schedule)).toBe(expected);
  });
  test('a day that no month has never runs', () => {
    expect(cadence('0 0 31 2 *')).toEqual({ runs: 'never' });
    expect(cadence('0 0 30 2 *')).toEqual({ runs: 'never' });
  });
});

describe('the expansion agrees with cron-parser wherever both dialects accept a schedule', () => {
  const item = (min: number, max: number) =>
    fc.oneof(
      fc.integer({ min, max }).map(String),
      fc.tuple(fc.integer({ min, max }), fc.integer({ min, max })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
      fc.tuple(fc.integer({ min, max }), fc.integer({ min: 1, max: 20 })).map(([a, step]) => `${a}/${step}`),
      fc.integer({ min: 2, max: 20 }).map((step) => `*/${step}`),
    );
  const field = (min: number, max: number) =>
    fc.oneof(
      fc.constant('*'),
      fc.uniqueArray(item(min, max), { minLength: 1, maxLength: 3 }).map((items) => items.join(',')),
    );
  const schedule = fc.tuple(field(0, 59), field(0, 23), field(1, 28), field(1, 12), field(0, 6)).map((fields) => fields.join(' '));

  test('1000 random schedules: the same minutes, hours, days, months and weekdays', () => {
    let compared = 0;
    for (const text of fc.sample(schedule, { seed: SEED + 8, numRuns: 1000 })) {
      // cron-parser's weekdays run to 7, so `1/3` there also means Sunday (7): spell robfig's range out for it.
      const fields = text.split(' ');
      fields[4] = fields[4]!.replace(/^\*\//, '0-6/').replace(/(^|,)(\d+)\/(\d+)/g, '$1$2-6/$3');
      let reference;
      try {
        reference = CronExpressionParser.parse(fields.join(' ')).fields;
      } catch {
        continue; // a repeated value, which robfig accepts and cron-parser refuses
      }
      compared++;
      const numbers = (values: readonly unknown[]) => values.filter((value): value is number => typeof value === 'number');
      const ours = parseCron(text)!;
      // cron-parser sometimes leaves out days 29-31 that the chosen months lack; compare the days every month has.
      const everyMonthHas = (days: readonly number[]) => days.filter((day) => day <= 28);
      expect({ text, fields: { ...ours, daysOfMonth: everyMonthHas(ours.daysOfMonth) } }).toEqual({
        text,
        fields: expect.objectContaining({
          minutes: numbers(reference.minute.values),
          hours: numbers(reference.hour.values),
          daysOfMonth: everyMonthHas(numbers(reference.dayOfMonth.values)),
          months: numbers(reference.month.values),
          daysOfWeek: [...new Set(numbers(reference.dayOfWeek.values).map((day) => day % 7))].sort((a, b) => a - b),
        }),
      });
    }
    expect(compared).toBeGreaterThan(300);
  });
});
