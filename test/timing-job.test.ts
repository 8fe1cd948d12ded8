import {
  CONTROLLER_CHECK_SECONDS,
  DST_SHIFT_SECONDS,
  deriveCronJob,
  forbidsOverlap,
  hasNoDaylightSaving,
  minutesApartFor,
  shortestIntervalSeconds,
  type ScheduleInput,
} from '../src/timing/kinds/cronjob';
import {
  BACKOFF_BASE_SECONDS,
  BACKOFF_CAP_SECONDS,
  DEFAULT_ATTEMPTS,
  JOB_TTL_SECONDS,
  RUN_START_SECONDS,
  attemptDeadlineSeconds,
  attemptFit,
  attemptMarginSeconds,
  attemptsThatFit,
  backoffSeconds,
  deriveJob,
  jobDeadlineSeconds,
  type RunInput,
} from '../src/timing/kinds/job';
import { Recorder } from '../src/timing/record';

/**
 * The rules of kinds job and cronjob (src/timing/kinds/job.ts, cronjob.ts; docs/derivation.md),
 * called directly with worked numbers: each boundary, each arithmetic step and each branch has a
 * case that a one-token change of the rule gets wrong (MUTATION.md).
 */

describe('the constants of the Job and CronJob controllers', () => {
  test('start allowance 20 s, 3 attempts, back-off 10 s doubling to 360 s, a week of TTL, a 10 s controller check, a 1 h DST shift', () => {
    expect([RUN_START_SECONDS, DEFAULT_ATTEMPTS, BACKOFF_BASE_SECONDS, BACKOFF_CAP_SECONDS, JOB_TTL_SECONDS]).toEqual([
      20, 3, 10, 360, 604800,
    ]);
    expect([CONTROLLER_CHECK_SECONDS, DST_SHIFT_SECONDS]).toEqual([10, 3600]);
  });
});

describe('an attempt: M_a = ceil(R_max / 10), a = T + I + R_max + M_a', () => {
  test('R_max 95: M_a = ceil(9.5) = 10', () => {
    expect(attemptMarginSeconds(95)).toBe(10);
  });
  test('T 20, I 30, R_max 95: a = 20 + 30 + 95 + 10 = 155', () => {
    expect(attemptDeadlineSeconds(20, 30, 95)).toBe(155);
  });
});

describe('back-off B = Σ_{k=1}^{retries} min(10 × 2^(k-1), 360)', () => {
  test.each([
    [0, 0],
    [1, 10],
    [2, 30],
    [3, 70],
    [6, 630],
    [7, 990],
  ])('%i retries: %i s', (retries, seconds) => {
    expect(backoffSeconds(retries)).toBe(seconds);
  });
  test('the Job deadline A = n × a + B: 3 × 155 + 30 = 495', () => {
    expect(jobDeadlineSeconds(3, 155)).toBe(495);
  });
});

describe('attemptsThatFit: the most attempts, up to the most asked, whose deadline n × a + B stays within the limit', () => {
  // a 100: one attempt 100 s, two 210 s, three 330 s.
  test.each([
    [330, 3, 3],
    [329, 3, 2],
    [210, 3, 2],
    [209, 3, 1],
    [50, 3, 1],
    [1000, 2, 2],
  ])('limit %i, at most %i: %i', (limit, most, attempts) => {
    expect(attemptsThatFit(limit, 100, most)).toBe(attempts);
  });
});

describe('attemptFit: the longest run, the longest start and the most attempts that fit a limit', () => {
  test('limit 495 fits 3 attempts of T 20, I 30, R 95 exactly: R ≤ 95, T ≤ 20', () => {
    expect(attemptFit(495, 3, 20, 30, 95)).toStrictEqual({ runMaxSeconds: 95, startSeconds: 20, attempts: 3 });
  });
  test('limit 494: 154 s an attempt, R ≤ floor(1040 / 11) = 94, T ≤ 19, and 2 attempts', () => {
    expect(attemptFit(494, 3, 20, 30, 95)).toStrictEqual({ runMaxSeconds: 94, startSeconds: 19, attempts: 2 });
  });
  test('an attempt of exactly the limit fits once: a = 31 ≤ 31', () => {
    expect(attemptFit(31, 1, 20, 0, 10)).toStrictEqual({ runMaxSeconds: 10, startSeconds: 20, attempts: 1 });
  });
  test('the shortest run that fits is 1 s: floor(10 × 2 / 11) = 1, and no attempt as declared', () => {
    expect(attemptFit(22, 1, 20, 0, 10)).toStrictEqual({ runMaxSeconds: 1, startSeconds: 11, attempts: 0 });
  });
  test('a start allowance of 0 s still fits, where no run does', () => {
    expect(attemptFit(11, 1, 20, 0, 10)).toStrictEqual({ startSeconds: 0, attempts: 0 });
  });
  test('a limit below the init phase fits nothing', () => {
    expect(attemptFit(100, 3, 20, 30, 95)).toStrictEqual({ attempts: 0 });
  });
});

describe('deriveJob: the deadline, the retries and the clean-up of a Job', () => {
  /** R_max 95 and I 30: a = 155. */
  const job = (
    run: Partial<RunInput> = {},
    options: { I?: number; scheduled?: boolean; fit?: number; overrides?: Parameters<typeof deriveJob>[5] } = {},
    record = new Recorder(),
  ) => deriveJob(record, { maxSeconds: 95, ...run }, options.I ?? 30, options.scheduled ?? false, options.fit, options.overrides);
  /** R_max 64 and I 9: a = 20 + 9 + 64 + 7 = 100. */
  const hundred = (options: Parameters<typeof job>[1], run: Partial<RunInput> = {}, record = new Recorder()) =>
    job({ maxSeconds: 64, ...run }, { I: 9, ...options }, record);

  test('R_max 95, I 30: R_typ 32, T 20, M_a 10, a 155, 3 attempts, backoffLimit 2, B 30, A 495, a week of TTL', () => {
    expect(job()).toStrictEqual({
      runMaxSeconds: 95,
      runTypicalSeconds: 32,
      attempts: 3,
      startSeconds: 20,
      attemptMarginSeconds: 10,
      attemptDeadlineSeconds: 155,
      attemptsFitSchedule: false,
      attemptsFitDeadline: false,
      backoffLimit: 2,
      backoffSeconds: 30,
      activeDeadlineSeconds: 495,
      ttlSecondsAfterFinished: 604800,
      nonRetryableExitCodes: [],
      overridden: [],
    });
  });
  test('declared: typical 40, start 60, 5 attempts: a = 60 + 30 + 95 + 10 = 195, B = 150, A = 5 × 195 + 150 = 1125', () => {
    expect(job({ typicalSeconds: 40, startSeconds: 60, attempts: 5, nonRetryableExitCodes: [2, 42] })).toMatchObject({
      runTypicalSeconds: 40,
      startSeconds: 60,
      attemptDeadlineSeconds: 195,
      attempts: 5,
      backoffLimit: 4,
      backoffSeconds: 150,
      activeDeadlineSeconds: 1125,
      nonRetryableExitCodes: [2, 42],
    });
  });
  test("a CronJob's Job has no TTL: its history limits keep and delete it", () => {
    expect(job({}, { scheduled: true })).not.toHaveProperty('ttlSecondsAfterFinished');
  });
  test("an overridden TTL is kept for a CronJob's Job too", () => {
    expect(job({}, { scheduled: true, overrides: { ttlSecondsAfterFinished: 3600 } })).toMatchObject({
      ttlSecondsAfterFinished: 3600,
      overridden: ['ttlSecondsAfterFinished'],
    });
  });
  test('runs that must not overlap fit between two runs: C - 10 = 329 s holds 2 attempts of 100 s (210 s), not 3 (330 s)', () => {
    expect(hundred({ scheduled: true, fit: 329 })).toMatchObject({
      attempts: 2,
      attemptsFitSchedule: true,
      attemptsFitDeadline: false,
      activeDeadlineSeconds: 210,
    });
  });
  test('C - 10 = 330 s holds all 3 attempts: nothing was cut to fit', () => {
    expect(hundred({ scheduled: true, fit: 330 })).toMatchObject({ attempts: 3, attemptsFitSchedule: false, attemptsFitDeadline: false });
  });
  test('an overridden Job deadline of 250 s holds 2 attempts of 100 s, and is the deadline', () => {
    expect(hundred({ overrides: { activeDeadlineSeconds: 250 } })).toMatchObject({
      attempts: 2,
      attemptsFitSchedule: false,
      attemptsFitDeadline: true,
      activeDeadlineSeconds: 250,
      overridden: ['activeDeadlineSeconds'],
    });
  });
  test('the tighter of the two decides: a deadline of 250 s inside a schedule room of 400 s', () => {
    expect(hundred({ fit: 400, overrides: { activeDeadlineSeconds: 250 } })).toMatchObject({
      attempts: 2,
      attemptsFitDeadline: true,
      attemptsFitSchedule: false,
    });
  });
  test('the tighter of the two decides: a schedule room of 250 s inside a deadline of 400 s', () => {
    expect(hundred({ fit: 250, overrides: { activeDeadlineSeconds: 400 } })).toMatchObject({
      attempts: 2,
      attemptsFitDeadline: false,
      attemptsFitSchedule: true,
    });
  });
  test('a generous deadline of 1000 s holds the 3 attempts: nothing was cut', () => {
    expect(hundred({ overrides: { activeDeadlineSeconds: 1000 } })).toMatchObject({
      attempts: 3,
      attemptsFitDeadline: false,
      activeDeadlineSeconds: 1000,
    });
  });
  test('declared attempts are kept whatever fits, and nothing is said to be cut', () => {
    expect(hundred({ scheduled: true, fit: 329 }, { attempts: 5 })).toMatchObject({
      attempts: 5,
      attemptsFitSchedule: false,
      attemptsFitDeadline: false,
    });
  });
  test('2 declared attempts are fewer than 3, yet were chosen, not cut to fit the schedule or the deadline', () => {
    expect(hundred({ scheduled: true, fit: 329 }, { attempts: 2 })).toMatchObject({ attempts: 2, attemptsFitSchedule: false });
    expect(hundred({ overrides: { activeDeadlineSeconds: 250 } }, { attempts: 2 })).toMatchObject({
      attempts: 2,
      attemptsFitDeadline: false,
    });
  });
  test('explain: an overridden TTL names its field', () => {
    const record = new Recorder();
    job({}, { overrides: { ttlSecondsAfterFinished: 60 } }, record);
    expect(record.explanations.find(({ key }) => key === 'job.ttlSecondsAfterFinished')).toMatchObject({
      value: 60,
      source: 'override',
      formula: 'overrides.ttlSecondsAfterFinished',
    });
  });
  test('both overrides are listed, in their order', () => {
    expect(job({}, { overrides: { ttlSecondsAfterFinished: 60, activeDeadlineSeconds: 900 } }).overridden).toEqual([
      'activeDeadlineSeconds',
      'ttlSecondsAfterFinished',
    ]);
  });
  test('explain: every number of the Job in order, with its formula over named inputs', () => {
    const record = new Recorder();
    job({}, {}, record);
    expect(record.explanations.map(({ key, value, source, formula, inputs }) => [key, value, source, formula, inputs])).toEqual([
      ['run.maxSeconds', 95, 'input', 'run.maxSeconds', {}],
      ['run.typicalSeconds', 32, 'derived', 'ceil(R_max / 3)', { R_max: 95 }],
      ['run.startSeconds', 20, 'derived', '20', {}],
      ['job.attemptMarginSeconds', 10, 'derived', 'M_a = ceil(R_max / 10)', { R_max: 95 }],
      ['job.attemptDeadlineSeconds', 155, 'derived', 'a = T + I + R_max + M_a', { T: 20, I: 30, R_max: 95, M_a: 10 }],
      ['run.attempts', 3, 'derived', '3', {}],
      ['job.backoffLimit', 2, 'derived', 'n - 1', { n: 3 }],
      ['job.backoffSeconds', 30, 'derived', 'B = Σ_{k=1}^{n-1} min(10 × 2^(k-1), 360)', { n: 3 }],
      ['job.activeDeadlineSeconds', 495, 'derived', 'A = n × a + B', { n: 3, a: 155, B: 30 }],
      ['job.ttlSecondsAfterFinished', 604800, 'derived', '604800 (7 days)', {}],
    ]);
    for (const { reason } of record.explanations) expect(reason).toMatch(/^\S.{20,}[.)]$/);
  });
  test('explain: declared run numbers are inputs', () => {
    const record = new Recorder();
    job({ typicalSeconds: 40, startSeconds: 60, attempts: 5 }, {}, record);
    expect(record.explanations.filter(({ source }) => source === 'input').map(({ key, value }) => [key, value])).toEqual([
      ['run.maxSeconds', 95],
      ['run.typicalSeconds', 40],
      ['run.startSeconds', 60],
      ['run.attempts', 5],
    ]);
    for (const { reason } of record.explanations) expect(reason).toMatch(/^\S.{20,}[.)]$/);
  });
  test('explain: attempts fitted to the schedule name a and C', () => {
    const record = new Recorder();
    hundred({ scheduled: true, fit: 329 }, {}, record);
    expect(record.explanations.find(({ key }) => key === 'run.attempts')).toMatchObject({
      formula: 'n = the most of 1 to 3 with n × a + B ≤ C - 10',
      inputs: { a: 100, C: 339 },
      reason: expect.stringMatching(/^Runs of this schedule must not overlap: .{40,}\.$/),
    });
  });
  test('explain: attempts fitted to an overridden deadline name a and A', () => {
    const record = new Recorder();
    hundred({ overrides: { activeDeadlineSeconds: 250 } }, {}, record);
    expect(record.explanations.find(({ key }) => key === 'run.attempts')).toMatchObject({
      formula: 'n = the most of 1 to 3 with n × a + B ≤ overrides.activeDeadlineSeconds',
      inputs: { a: 100, A: 250 },
      reason: expect.stringMatching(/^The Job deadline is overridden: .{40,}\.$/),
    });
    expect(record.explanations.find(({ key }) => key === 'job.activeDeadlineSeconds')).toMatchObject({
      source: 'override',
      formula: 'overrides.activeDeadlineSeconds',
    });
  });
});

describe('the schedule: C = 60 × m, an hour shorter across a daylight-saving change', () => {
  test.each([
    [undefined, true],
    ['UTC', true],
    ['GMT', true],
    ['Etc/GMT+5', true],
    ['Europe/Berlin', false],
    ['America/New_York', false],
  ])('time zone %p has no daylight saving: %p', (timeZone, none) => {
    expect(hasNoDaylightSaving(timeZone)).toBe(none);
  });
  test.each([
    [1440, undefined, 86400],
    [1440, 'UTC', 86400],
    [1440, 'Europe/Berlin', 82800],
    [60, 'Europe/Berlin', 3600],
    [61, 'Europe/Berlin', 60],
  ])('%i minutes in %p: %i s', (minutes, timeZone, seconds) => {
    expect(shortestIntervalSeconds(minutes, timeZone)).toBe(seconds);
  });
  test.each([
    ['Forbid', true],
    ['Replace', true],
    ['Allow', false],
  ] as const)('%s forbids overlapping runs: %p', (policy, forbids) => {
    expect(forbidsOverlap(policy)).toBe(forbids);
  });
  test.each([
    [295, undefined, 6],
    [290, undefined, 5],
    [3590, 'Europe/Berlin', 60],
    [3591, 'Europe/Berlin', 121],
    [3591, 'UTC', 61],
  ])('a Job deadline of %i s in %p needs runs %i minutes apart', (A, timeZone, minutes) => {
    expect(minutesApartFor(A, timeZone)).toBe(minutes);
  });
});

describe('deriveCronJob: how late a missed run may still start', () => {
  const SCHEDULE: ScheduleInput = {
    cron: '0 2 * * *',
    concurrencyPolicy: 'Forbid',
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 1,
    shortestIntervalMinutes: 1440,
  };
  const cronJob = (changes: Partial<ScheduleInput>, A: number, S?: number, record = new Recorder()) =>
    deriveCronJob(record, { ...SCHEDULE, ...changes }, A, S);

  test('daily in Berlin with A 495: C = 86400 - 3600 = 82800, deadline max(10, C - A) = 82305', () => {
    expect(cronJob({ timeZone: 'Europe/Berlin' }, 495)).toStrictEqual({
      cron: '0 2 * * *',
      timeZone: 'Europe/Berlin',
      concurrencyPolicy: 'Forbid',
      shortestIntervalSeconds: 82800,
      startingDeadlineSeconds: 82305,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      startingDeadlineOverridden: false,
    });
  });
  test('hourly in Berlin: 3600 s, no shorter (a DST change cannot bring an hourly run closer)', () => {
    expect(cronJob({ timeZone: 'Europe/Berlin', shortestIntervalMinutes: 60 }, 495).shortestIntervalSeconds).toBe(3600);
  });
  test('every 5 min without a zone, A 200: C 300, deadline 100, and no zone in the result', () => {
    const timings = cronJob({ shortestIntervalMinutes: 5 }, 200);
    expect(timings).toMatchObject({ shortestIntervalSeconds: 300, startingDeadlineSeconds: 100 });
    expect(timings).not.toHaveProperty('timeZone');
  });
  test('C - A below the controller check: every 5 min with A 295 gives 10 s, not 5', () => {
    expect(cronJob({ shortestIntervalMinutes: 5, concurrencyPolicy: 'Replace' }, 295).startingDeadlineSeconds).toBe(10);
  });
  test('Allow: the deadline is C - 10 whatever A is: 300 - 10 = 290', () => {
    expect(cronJob({ shortestIntervalMinutes: 5, concurrencyPolicy: 'Allow' }, 295).startingDeadlineSeconds).toBe(290);
  });
  test('an override is the deadline, and is said to be one', () => {
    expect(cronJob({}, 495, 120)).toMatchObject({ startingDeadlineSeconds: 120, startingDeadlineOverridden: true });
  });
  test('explain: C and the deadline with their formulas over named inputs, the policy named in the reason', () => {
    const record = new Recorder();
    cronJob({ timeZone: 'Europe/Berlin' }, 495, undefined, record);
    expect(record.explanations.map(({ key, value, formula, inputs }) => [key, value, formula, inputs])).toEqual([
      ['cronJob.shortestIntervalSeconds', 82800, 'C = 60 × m - 3600', { m: 1440, timeZone: 'Europe/Berlin' }],
      ['cronJob.startingDeadlineSeconds', 82305, 'max(10, C - A)', { C: 82800, A: 495 }],
    ]);
    expect(record.explanations[1]!.reason).toContain('which Forbid would otherwise skip or stop');
    for (const { reason } of record.explanations) expect(reason).toMatch(/^[A-Z].{30,}\.$/);
  });
  test('explain: without a zone C = 60 × m, and Allow makes up one missed run', () => {
    const record = new Recorder();
    cronJob({ concurrencyPolicy: 'Allow' }, 495, undefined, record);
    expect(record.explanations.map(({ key, value, formula, inputs }) => [key, value, formula, inputs])).toEqual([
      ['cronJob.shortestIntervalSeconds', 86400, 'C = 60 × m', { m: 1440 }],
      ['cronJob.startingDeadlineSeconds', 86390, 'max(10, C - 10)', { C: 86400 }],
    ]);
    for (const { reason } of record.explanations) expect(reason).toMatch(/^[A-Z].{30,}\.$/);
  });
  test('explain: an overridden deadline names its field', () => {
    const record = new Recorder();
    cronJob({}, 495, 120, record);
    expect(record.explanations[1]).toMatchObject({ source: 'override', formula: 'overrides.startingDeadlineSeconds' });
  });
});
