import { Testing } from 'cdk8s';
import { checkManifests, deriveTimings, HardenedCronJob, hardenedWorkload, resolveWorkload, synthesizeYaml } from '../src';
import type { ConcurrencyPolicy } from '../src/timing/kinds/cronjob';
import { restrictedPodFindings } from '../src/manifests/pod-security';
import { objectSchemaErrors } from './support/gateway-api-schema';
import { jobTimingInput, MIGRATION, NIGHTLY, nightlyWith } from './support/declarations';
import { synthesizedByKind, theOnly } from './support/manifests';

/** Kind cronjob: its own derivation (src/timing/kinds/cronjob.ts) and its CronJob object. */

const synth = synthesizedByKind;

/** The CronJob timings of a 600 s run tried 3 times (A = 3 × 720 + 30 = 2190 s). */
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
  test('a daily schedule in UTC: C = 86400; Forbid starts a late run up to C - A = 86400 - 2190 = 84210 s late', () => {
    const { cronJob, job } = cronTimings(1440, 'Forbid', 'UTC');
    expect([job!.activeDeadlineSeconds, cronJob!.shortestIntervalSeconds, cronJob!.startingDeadlineSeconds]).toEqual([2190, 86400, 84210]);
  });

  test('in a zone with daylight saving time a daily interval is an hour shorter: 82800, and the starting deadline with it', () => {
    const { cronJob } = cronTimings(1440, 'Replace', 'Europe/Berlin');
    expect([cronJob!.shortestIntervalSeconds, cronJob!.startingDeadlineSeconds]).toEqual([82800, 82800 - 2190]);
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
      startingDeadlineSeconds: 82800 - 10830 - 360,
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
    expect(lines[0]).toBe('schedule: 0 2 * * * (Europe/Berlin), shortest interval 82800s, Forbid, startingDeadlineSeconds 71610');
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

describe('a run too long for its schedule', () => {
  const tooLong = nightlyWith({ schedule: { cron: '0 * * * *' }, run: { maxSeconds: 1200 } });

  test('is refused under invariant 17, with the numbers', () => {
    expect(() => resolveWorkload(tooLong)).toThrow(/runFitsSchedule.*4000 s vs shortest interval 3600 s/);
  });

  test('is accepted with overlap allowed', () => {
    const allowed = nightlyWith({ schedule: { cron: '0 * * * *', concurrencyPolicy: 'Allow' }, run: { maxSeconds: 1200 } });
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
