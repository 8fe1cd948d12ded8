import fc from 'fast-check';
import { checkInvariants, isDeclarationError, resolveWorkload, synthesizeObjects, type WorkloadSpec } from '../src';
import { explainText } from '../src/explain/text';
import { jobDeadlineSeconds } from '../src/timing/kinds/job';
import { type KubernetesObject, workloadsFromManifests } from '../src/manifests/facts';
import { SEED, validCronJobDeclaration, validJobDeclaration } from './support/arbitraries';
import { migrationWith, nightlyWith } from './support/declarations';
import { objectSchemaErrors } from './support/gateway-api-schema';
import { synthesizedByKind, theOnly } from './support/manifests';

/**
 * The limits of a Job that a declaration may set through `overrides` (issue 18 §3): the Job's
 * deadline, a CronJob's starting deadline and how long a finished Job is kept. Each overridden
 * number replaces the derived one, says so in the annotation and in `explain`, and is held to
 * invariants 16-18 like every override. A Job's retries are run.attempts only (README, "Overrides").
 * The migration runs 1800 s: one attempt's deadline is a = 20 + 0 + 1800 + 180 = 2000 s. The
 * nightly report runs 3600 s every day at 02:00 UTC: a = 20 + 3600 + 360 = 3980 s.
 */

const TIMINGS = 'hardened-workloads.io/timings';
const timingLines = (object: KubernetesObject) => object.metadata!.annotations![TIMINGS]!.split('\n');

describe('overrides.activeDeadlineSeconds: the Job deadline', () => {
  const objects = synthesizedByKind(migrationWith({ overrides: { activeDeadlineSeconds: 4100 } }));
  const job = theOnly(objects, 'Job');

  test('replaces the derived deadline on the Job, and each attempt keeps its own deadline on the pod', () => {
    expect(job.spec.activeDeadlineSeconds).toBe(4100);
    expect(job.spec.template.spec.activeDeadlineSeconds).toBe(2000);
  });

  test('with run.attempts left out, as many attempts are made as fit in it: 2 x 2000 + back-off 10 = 4010 ≤ 4100 < 3 x 2000 + 30', () => {
    expect(job.spec.backoffLimit).toBe(1);
  });

  test('the annotation says the deadline is overridden, against what the attempts need', () => {
    expect(timingLines(job)).toEqual(
      expect.arrayContaining([
        'run: max 1800s (typical 600s), 2 attempts (backoffLimit 1, as many as fit the deadline), back-off 10s',
        'deadline: activeDeadlineSeconds 4100 (overrides.activeDeadlineSeconds) vs 2 x 2000 + back-off 10 = 4010',
      ]),
    );
  });

  test('explain records the number as an override, and the attempts as fitted to it', () => {
    const workload = resolveWorkload(migrationWith({ overrides: { activeDeadlineSeconds: 4100 } }));
    const byKey = Object.fromEntries(workload.explanations.map((entry) => [entry.key, entry]));
    expect(byKey['job.activeDeadlineSeconds']).toMatchObject({
      value: 4100,
      source: 'override',
      formula: 'overrides.activeDeadlineSeconds',
    });
    expect(byKey['run.attempts']).toMatchObject({
      value: 2,
      source: 'derived',
      formula: 'n = the most of 1 to 3 with n × a + B ≤ overrides.activeDeadlineSeconds',
    });
    const text = explainText(workload);
    expect(text).toContain("the Job's 4100 (overrides.activeDeadlineSeconds) vs 2 x 2000 + back-off 10 = 4010");
    expect(text).toContain('backoffLimit 1: 2 attempts (fewer than 3: no more fit the overridden deadline)');
  });

  test('declared attempts are kept: run.attempts 2 under a deadline of 7000 s is backoffLimit 1', () => {
    const declared = theOnly(
      synthesizedByKind(migrationWith({ run: { maxSeconds: 1800, attempts: 2 }, overrides: { activeDeadlineSeconds: 7000 } })),
      'Job',
    );
    expect([declared.spec.backoffLimit, declared.spec.activeDeadlineSeconds]).toEqual([1, 7000]);
    expect(timingLines(declared)).toContain('run: max 1800s (typical 600s), 2 attempts (backoffLimit 1), back-off 10s');
  });

  test('an acknowledged deadline shorter than an attempt is written as declared', () => {
    const short = migrationWith({
      overrides: { activeDeadlineSeconds: 1900 },
      acknowledge: { attemptFitsDeadline: 'the platform ends every batch Job at 1900 s' },
    });
    expect(theOnly(synthesizedByKind(short), 'Job').spec.activeDeadlineSeconds).toBe(1900);
  });

  test('every object stays valid against the Kubernetes 1.28 API schema', () => {
    for (const object of objects)
      expect({ kind: object.kind, errors: objectSchemaErrors(object) }).toEqual({ kind: object.kind, errors: [] });
  });
});

describe('overrides.ttlSecondsAfterFinished: how long a finished Job is kept', () => {
  test("a job's replaces the week, and the annotation says it is overridden", () => {
    const job = theOnly(synthesizedByKind(migrationWith({ overrides: { ttlSecondsAfterFinished: 3600 } })), 'Job');
    expect(job.spec.ttlSecondsAfterFinished).toBe(3600);
    expect(timingLines(job)).toContain('clean-up: ttlSecondsAfterFinished 3600 (overrides.ttlSecondsAfterFinished)');
  });

  test('0 deletes a finished Job at once, and is written, not dropped', () => {
    expect(
      theOnly(synthesizedByKind(migrationWith({ overrides: { ttlSecondsAfterFinished: 0 } })), 'Job').spec.ttlSecondsAfterFinished,
    ).toBe(0);
  });

  test("a cronjob's Jobs get one beside the history limits, which otherwise alone delete them", () => {
    const cronJob = theOnly(synthesizedByKind(nightlyWith({ overrides: { ttlSecondsAfterFinished: 86400 } })), 'CronJob');
    expect(cronJob.spec.jobTemplate.spec.ttlSecondsAfterFinished).toBe(86400);
    expect(timingLines(cronJob).at(-1)).toMatch(
      /^clean-up: history \d+ succeeded, \d+ failed; ttlSecondsAfterFinished 86400 \(overrides\.ttlSecondsAfterFinished\)$/,
    );
  });
});

describe('overrides on a cronjob', () => {
  test('startingDeadlineSeconds replaces the derived 86400 - 11970 = 74430, and the annotation says so', () => {
    const cronJob = theOnly(synthesizedByKind(nightlyWith({ overrides: { startingDeadlineSeconds: 300 } })), 'CronJob');
    expect(cronJob.spec.startingDeadlineSeconds).toBe(300);
    expect(timingLines(cronJob)[0]).toBe(
      'schedule: 0 2 * * *, shortest interval 86400s, Forbid, startingDeadlineSeconds 300 (overrides.startingDeadlineSeconds)',
    );
  });

  test('an overridden Job deadline of 9000 s fits 2 attempts (7970 s) and leaves a starting deadline of 86400 - 9000 = 77400', () => {
    const cronJob = theOnly(synthesizedByKind(nightlyWith({ overrides: { activeDeadlineSeconds: 9000 } })), 'CronJob');
    const { backoffLimit, activeDeadlineSeconds } = cronJob.spec.jobTemplate.spec;
    expect([backoffLimit, activeDeadlineSeconds, cronJob.spec.startingDeadlineSeconds]).toEqual([1, 9000, 77400]);
  });

  test('under an hourly schedule, a deadline of 3000 s, tighter than the 3600 - 10 = 3590 s between runs, bounds the attempts: 2 x 1670 + 10 = 3350 > 3000', () => {
    const declaration = nightlyWith({
      schedule: { cron: '0 * * * *' },
      run: { maxSeconds: 1500 },
      overrides: { activeDeadlineSeconds: 3000 },
    });
    const { job, cronJob } = resolveWorkload(declaration).timings;
    expect([job!.attemptDeadlineSeconds, job!.attempts, job!.attemptsFitDeadline, job!.attemptsFitSchedule]).toEqual([
      1670,
      1,
      true,
      false,
    ]);
    // The starting deadline is derived from the overridden deadline: 3600 - 3000.
    expect(cronJob!.startingDeadlineSeconds).toBe(600);
  });
});

/** A random job or cronjob with its Job limits overridden and none of invariants 16-18 acknowledged. */
const overriddenJobs = fc
  .tuple(
    fc.oneof(validJobDeclaration, validCronJobDeclaration),
    fc.oneof(fc.integer({ min: 1, max: 7200 }), fc.integer({ min: 1, max: 400000 })),
    fc.option(fc.integer({ min: 10, max: 100000 }), { nil: undefined }),
  )
  .map(([declaration, activeDeadlineSeconds, startingDeadlineSeconds]) => {
    const {
      deadlineCoversAttempts: _16,
      runFitsSchedule: _17,
      attemptFitsDeadline: _18,
      ...acknowledge
    } = (declaration.acknowledge ?? {}) as Record<string, string>;
    const scheduled = declaration.kind === 'cronjob';
    return {
      ...declaration,
      overrides: {
        ...declaration.overrides,
        activeDeadlineSeconds,
        ...(scheduled && startingDeadlineSeconds !== undefined ? { startingDeadlineSeconds } : {}),
      },
      acknowledge,
    } as WorkloadSpec;
  });

describe('random jobs and cronjobs with overridden limits', () => {
  test('are accepted with invariants 16-18 holding on the synthesized objects, or refused by those invariants at the override', () => {
    let [accepted, refused] = [0, 0];
    fc.assert(
      fc.property(overriddenJobs, (declaration) => {
        let objects: KubernetesObject[];
        try {
          objects = synthesizeObjects([declaration]) as KubernetesObject[];
        } catch (error) {
          if (!isDeclarationError(error)) throw error;
          refused++;
          for (const problem of error.problems) {
            expect(problem.rule).toMatch(/^invariant 1[678] \(/);
            expect(problem.path).toMatch(/^overrides\.(activeDeadlineSeconds|startingDeadlineSeconds)$|^run\.maxSeconds$/);
          }
          return;
        }
        accepted++;
        const [workload] = workloadsFromManifests(objects);
        const failing = checkInvariants(workload!.facts, workload!.declared).filter(
          ({ id, status }) => ['deadlineCoversAttempts', 'runFitsSchedule', 'attemptFitsDeadline'].includes(id) && status !== 'holds',
        );
        expect(failing).toEqual([]);
        for (const object of objects)
          expect({ kind: object.kind, errors: objectSchemaErrors(object) }).toEqual({ kind: object.kind, errors: [] });
      }),
      { seed: SEED + 7, numRuns: 200 },
    );
    // Both outcomes must be frequent, or this test proves nothing.
    expect(accepted).toBeGreaterThan(40);
    expect(refused).toBeGreaterThan(40);
  });

  test('with run.attempts left out, the attempts are the most of 1 to 3 that fit the deadline, and it is refused (invariant 18) exactly when not even one does', () => {
    fc.assert(
      fc.property(overriddenJobs, (declaration) => {
        fc.pre(declaration.kind === 'job' && declaration.run?.attempts === undefined);
        const A = declaration.overrides!.activeDeadlineSeconds!;
        // One attempt's deadline does not depend on the Job's.
        const { activeDeadlineSeconds: _A, ...others } = declaration.overrides!;
        const a = resolveWorkload({ ...declaration, overrides: others }).timings.job!.attemptDeadlineSeconds;
        if (a > A) {
          expect(() => resolveWorkload(declaration)).toThrow(/invariant 18 \(attemptFitsDeadline\)/);
          return;
        }
        const job = resolveWorkload(declaration).timings.job!;
        expect(job.activeDeadlineSeconds).toBe(A);
        expect(job.attempts).toBeGreaterThanOrEqual(1);
        expect(job.attempts).toBeLessThanOrEqual(3);
        expect(jobDeadlineSeconds(job.attempts, a)).toBeLessThanOrEqual(A);
        if (job.attempts < 3) expect(jobDeadlineSeconds(job.attempts + 1, a)).toBeGreaterThan(A);
      }),
      { seed: SEED + 8, numRuns: 100 },
    );
  });
});
