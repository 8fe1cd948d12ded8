import { Testing } from 'cdk8s';
import { checkManifests, deriveTimings, HardenedCronJob, hardenedWorkload, resolveWorkload, synthesizeYaml } from '../src';
import type { ConcurrencyPolicy } from '../src/timing/kinds/cronjob';
import { restrictedPodFindings } from '../src/manifests/pod-security';
import { objectSchemaErrors } from './support/gateway-api-schema';
import { jobTimingInput, MIGRATION, NIGHTLY, nightlyWith } from './support/declarations';
import { synthesizedByKind, theOnly } from './support/manifests';

/** Kind cronjob: its own derivation (src/timing/kinds/cronjob.ts) and its CronJob object. */

const synth = synthesizedByKind;

/** The CronJob timings of a 600 s run tried 3 times (a = 20 + 600 + 60 = 680, A = 3 × 680 + 30 = 2070 s). */
function cronTimings(minutes: number, concurrencyPolicy: ConcurrencyPolicy, timeZone?: string) {
  return deriveTimings({
    ...jobTimingInput({ maxSeconds: 600, attempts: 3 }),
    kind: 'cronjob',
    schedule: {
      cron: 'any',
      timeZone,
      concurrencyPolicy,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      shortestIntervalMinutes: minutes,
    },
  }).timings;
}

describe('worked numbers', () => {
  test('a daily schedule in UTC: C = 86400; Forbid starts a late run up to C - A = 86400 - 2070 = 84330 s late', () => {
    const { cronJob, job } = cronTimings(1440, 'Forbid', 'UTC');
    expect([job!.activeDeadlineSeconds, cronJob!.shortestIntervalSeconds, cronJob!.startingDeadlineSeconds]).toEqual([2070, 86400, 84330]);
  });

  test('in a zone with daylight saving time a daily interval is an hour shorter: 82800, and the starting deadline with it', () => {
    const { cronJob } = cronTimings(1440, 'Replace', 'Europe/Berlin');
    expect([cronJob!.shortestIntervalSeconds, cronJob!.startingDeadlineSeconds]).toEqual([82800, 82800 - 2070]);
  });

  test('an hourly schedule keeps its hour in any zone', () => {
    expect(cronTimings(60, 'Forbid', 'Europe/Berlin').cronJob!.shortestIntervalSeconds).toBe(3600);
  });

  test('Allow starts a missed run until the next one is due: C - 10', () => {
    expect(cronTimings(60, 'Allow').cronJob!.startingDeadlineSeconds).toBe(3590);
  });

  test('the starting deadline is never below the controller check period of 10 s', () => {
    expect(cronTimings(5, 'Forbid').cronJob!.startingDeadlineSeconds).toBe(10);
    // With Allow it never comes near: every minute gives 60 - 10 = 50.
    expect(cronTimings(1, 'Allow').cronJob!.startingDeadlineSeconds).toBe(50);
  });

  test("a CronJob's Jobs have no TTL: its history limits clean up", () => {
    expect(cronTimings(1440, 'Forbid').job!.ttlSecondsAfterFinished).toBeUndefined();
  });

  test('the shortest interval comes from walking the calendar: weekdays at 03:30 are at least a day apart', () => {
    expect(resolveWorkload(nightlyWith({ schedule: { cron: '30 3 * * 1-5' } })).timings.cronJob!.shortestIntervalSeconds).toBe(86400);
  });
});

describe('the objects of a cronjob', () => {
  const objects = synth(nightlyWith({ schedule: { cron: '0 2 * * *', timeZone: 'Europe/Berlin' } }));
  const cronJob = theOnly(objects, 'CronJob');

  test('ServiceAccount, CronJob and NetworkPolicy: no Service, no PodDisruptionBudget', () => {
    expect(objects.map((object) => [object.kind, object.metadata?.name])).toEqual([
      ['ServiceAccount', 'nightly-report'],
      ['CronJob', 'nightly-report'],
      ['NetworkPolicy', 'nightly-report'],
    ]);
  });

  test('the schedule, Forbid by default, the derived starting deadline and the history', () => {
    const { jobTemplate: _, ...spec } = cronJob.spec;
    expect(spec).toEqual({
      schedule: '0 2 * * *',
      timeZone: 'Europe/Berlin',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 82800 - 11970,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
    });
  });

  test("its job template is a job's Job spec, without the TTL", () => {
    const job = theOnly(synth({ ...MIGRATION, name: 'nightly-report', image: NIGHTLY.image, run: NIGHTLY.run, drainSeconds: 30 }), 'Job');
    const { ttlSecondsAfterFinished, ...jobSpec } = job.spec;
    expect(ttlSecondsAfterFinished).toBe(604800);
    const normalize = (spec: unknown) => JSON.parse(JSON.stringify(spec).replaceAll('"cronjob"', '"job"'));
    expect(normalize(cronJob.spec.jobTemplate.spec)).toEqual(normalize(jobSpec));
  });

  test('the annotation records the schedule and the history', () => {
    const lines = cronJob.metadata!.annotations!['hardened-workloads.io/timings']!.split('\n');
    expect(lines[0]).toBe('schedule: 0 2 * * * (Europe/Berlin), shortest interval 82800s, Forbid, startingDeadlineSeconds 70830');
    expect(lines[lines.length - 1]).toBe('clean-up: history 3 succeeded, 3 failed');
  });

  test('every object is valid against the Kubernetes 1.28 API schema, and the pod is "restricted"', () => {
    for (const object of objects)
      expect({ kind: object.kind, errors: objectSchemaErrors(object) }).toEqual({ kind: object.kind, errors: [] });
    const pod = cronJob.spec.jobTemplate.spec.template;
    expect(pod.spec.restartPolicy).toBe('Never');
    expect(restrictedPodFindings(pod.spec, pod.metadata.annotations)).toEqual([]);
  });

  test('check finds nothing to report on it, and decides every rule it applies', () => {
    const report = checkManifests([{ name: 'cronjob.yaml', text: synthesizeYaml([NIGHTLY]) }]);
    expect(report.findings).toEqual([]);
    expect(report.workloads.map(({ undecided }) => undecided)).toEqual([[]]);
  });
});

describe('schedule.suspend', () => {
  test('a suspended schedule writes suspend: true, and the rest of the CronJob stays as it was', () => {
    const running = theOnly(synth(NIGHTLY), 'CronJob');
    const suspended = theOnly(synth(nightlyWith({ schedule: { cron: '0 2 * * *', suspend: true } })), 'CronJob');
    expect(suspended.spec.suspend).toBe(true);
    const { suspend: _, ...rest } = suspended.spec;
    expect(rest).toEqual(running.spec);
  });

  test('suspend: false, like leaving it out, writes nothing', () => {
    expect(theOnly(synth(nightlyWith({ schedule: { cron: '0 2 * * *', suspend: false } })), 'CronJob').spec.suspend).toBeUndefined();
  });
});

describe('frequent schedules fit with the defaults: the attempts that are not declared are those that fit between two runs', () => {
  /** A cronjob of the given schedule and run, everything else by default. */
  const frequent = (cron: string, maxSeconds: number) => resolveWorkload(nightlyWith({ schedule: { cron }, run: { maxSeconds } })).timings;

  test('every minute with a 20 s run: one attempt of 20 + 20 + 2 = 42 s, started at most 60 - 42 = 18 s late', () => {
    const { job, cronJob } = frequent('* * * * *', 20);
    expect([job!.attempts, job!.attemptDeadlineSeconds, job!.activeDeadlineSeconds, cronJob!.startingDeadlineSeconds]).toEqual([
      1, 42, 42, 18,
    ]);
  });

  test('every 5 minutes with a 2 min run: one attempt of 20 + 120 + 12 = 152 s (two would need 2 × 152 + 10 = 314 > 290)', () => {
    const { job, cronJob } = frequent('*/5 * * * *', 120);
    expect([job!.attempts, job!.activeDeadlineSeconds, cronJob!.startingDeadlineSeconds]).toEqual([1, 152, 148]);
  });

  test('every 15 minutes with a 4 min run: all 3 attempts fit, 3 × 284 + 30 = 882 ≤ 890', () => {
    const { job, cronJob } = frequent('*/15 * * * *', 240);
    expect([job!.attempts, job!.activeDeadlineSeconds, cronJob!.startingDeadlineSeconds]).toEqual([3, 882, 18]);
  });

  test('the nightly report that runs at most 40 minutes keeps 3 attempts, each ended at 20 + 2400 + 240 = 2660 s', () => {
    const { job } = resolveWorkload(
      nightlyWith({ schedule: { cron: '0 2 * * *', timeZone: 'Europe/Berlin' }, run: { maxSeconds: 2400 } }),
    ).timings;
    expect([job!.attempts, job!.attemptDeadlineSeconds, job!.activeDeadlineSeconds]).toEqual([3, 2660, 8010]);
  });

  test('explain and the annotation say that fewer attempts were derived to fit the schedule', () => {
    const workload = resolveWorkload(nightlyWith({ schedule: { cron: '*/5 * * * *' }, run: { maxSeconds: 120 } }));
    expect(workload.explanations.find(({ key }) => key === 'run.attempts')).toMatchObject({
      formula: 'n = the most of 1 to 3 with n × a + B ≤ C - 10',
      value: 1,
    });
    const annotation = theOnly(synth(nightlyWith({ schedule: { cron: '*/5 * * * *' }, run: { maxSeconds: 120 } })), 'CronJob').metadata!
      .annotations!['hardened-workloads.io/timings']!;
    expect(annotation).toContain('1 attempts (backoffLimit 0, as many as fit between two runs)');
  });

  test('declared attempts are kept, not derived', () => {
    expect(frequent('*/15 * * * *', 240).job!.attemptsFitSchedule).toBe(false);
    const declared = resolveWorkload(nightlyWith({ schedule: { cron: '0 * * * *' }, run: { maxSeconds: 600, attempts: 4 } }));
    expect(declared.timings.job!.attempts).toBe(4);
  });

  test('with Allow the attempts stay 3 whatever the schedule', () => {
    const allowed = resolveWorkload(nightlyWith({ schedule: { cron: '* * * * *', concurrencyPolicy: 'Allow' }, run: { maxSeconds: 20 } }));
    expect(allowed.timings.job!.attempts).toBe(3);
  });

  test.each([
    ['* * * * *', 20],
    ['*/5 * * * *', 120],
    ['*/15 * * * *', 240],
  ])('%s with a %i s run synthesizes with the defaults into objects valid against the 1.28 API', (cron, maxSeconds) => {
    for (const object of synth(nightlyWith({ schedule: { cron }, run: { maxSeconds } })))
      expect({ kind: object.kind, errors: objectSchemaErrors(object) }).toEqual({ kind: object.kind, errors: [] });
  });
});

describe('a run too long for its schedule', () => {
  // One attempt needs 20 + 3400 + 340 = 3760 s, more than the 3590 s an hourly run must end within.
  const tooLong = nightlyWith({ schedule: { cron: '0 * * * *' }, run: { maxSeconds: 3400 } });

  test('is refused under invariant 17, with the numbers', () => {
    expect(() => resolveWorkload(tooLong)).toThrow(/runFitsSchedule.*3770 s vs shortest interval 3600 s/);
  });

  test('the fix names the declarable fields with the numbers that fit: the run, the schedule, overlap', () => {
    expect(() => resolveWorkload(tooLong)).toThrow(
      'one attempt needs 3760 s (start 20 + init 0 + run 3400 + margin 340), but a run must end 10 s before the next is due, within 3590 s: ' +
        'lower run.maxSeconds to at most 3245, schedule runs at least 63 minutes apart (schedule.cron), or let runs overlap (schedule.concurrencyPolicy: Allow)',
    );
  });

  test('the fix names a shorter start allowance when that alone would fit', () => {
    const slowStart = nightlyWith({ schedule: { cron: '* * * * *' }, run: { maxSeconds: 20, startSeconds: 30 } });
    expect(() => resolveWorkload(slowStart)).toThrow(
      'lower run.maxSeconds to at most 18, lower run.startSeconds to at most 28, schedule runs at least 2 minutes apart',
    );
  });

  test('the fix names fewer attempts when they were declared', () => {
    const declared = nightlyWith({ schedule: { cron: '*/5 * * * *' }, run: { maxSeconds: 120, attempts: 3 } });
    expect(() => resolveWorkload(declared)).toThrow(
      '3 attempts need 486 s (3 x 152 + back-off 30), but a run must end 10 s before the next is due, within 290 s: lower run.maxSeconds to at most 60, lower run.attempts to 1, schedule runs at least 9 minutes apart',
    );
  });

  test('in a zone with daylight saving time the runs must be an hour further apart', () => {
    const berlin = nightlyWith({ schedule: { cron: '0 */2 * * *', timeZone: 'Europe/Berlin' }, run: { maxSeconds: 6000 } });
    expect(() => resolveWorkload(berlin)).toThrow('schedule runs at least 171 minutes apart');
  });

  test('is accepted with overlap allowed', () => {
    const allowed = nightlyWith({ schedule: { cron: '0 * * * *', concurrencyPolicy: 'Allow' }, run: { maxSeconds: 3400 } });
    expect(resolveWorkload(allowed).timings.cronJob!.startingDeadlineSeconds).toBe(3590);
  });

  test('is accepted when acknowledged, and the reason is recorded', () => {
    const cronJob = theOnly(synth({ ...tooLong, acknowledge: { runFitsSchedule: 'a late run may skip the next one' } }), 'CronJob');
    expect(cronJob.metadata!.annotations!['hardened-workloads.io/acknowledged']).toBe('runFitsSchedule: a late run may skip the next one');
  });
});

describe('the construct class', () => {
  test('HardenedCronJob makes a cronjob from typed props without kind', () => {
    const cronJob = new HardenedCronJob(Testing.chart(), 'report', {
      name: 'nightly-report',
      image: 'ghcr.io/acme/sales-report:4.1.0',
      schedule: { cron: '@daily' },
      run: { maxSeconds: 600 },
      drainSeconds: 10,
    });
    expect(cronJob.cronJob.kind).toBe('CronJob');
    expect(Object.keys(cronJob.objects)).toEqual(['ServiceAccount', 'CronJob', 'NetworkPolicy']);
  });

  test('hardenedWorkload() picks HardenedCronJob for kind cronjob', () => {
    expect(hardenedWorkload(Testing.chart(), 'report', NIGHTLY)).toBeInstanceOf(HardenedCronJob);
  });
});

test("check reports on anyone's CronJob the batch rules and none of those of pods that run until deleted", () => {
  const text = [
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata: { name: sync }',
    'spec:',
    '  schedule: "*/10 * * * *"',
    '  concurrencyPolicy: Forbid',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          restartPolicy: Never',
    '          containers: [{ name: sync, image: "registry.example/sync:1.0.0" }]',
  ].join('\n');
  const ids = new Set(checkManifests([{ name: 'sync.yaml', text }]).findings.map(({ ruleId }) => ruleId));
  expect(['deadlineCoversAttempts', 'runFitsSchedule', 'runAsNonRoot', 'resourceRequests'].filter((id) => !ids.has(id as never))).toEqual(
    [],
  );
  const longRunning = [
    'podDisruptionBudget',
    'singleReplica',
    'zoneSpread',
    'readinessProbe',
    'noLiveness',
    'progressDeadline',
    'rolloutMaxUnavailable',
  ];
  expect(longRunning.filter((id) => ids.has(id as never))).toEqual([]);
});
