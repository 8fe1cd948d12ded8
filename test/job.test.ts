import { Testing } from 'cdk8s';
import {
  checkInvariants,
  checkManifests,
  deriveTimings,
  INVARIANT_IDS,
  RULES,
  ruleOfInvariant,
  synthesizeYaml,
  HardenedJob,
  hardenedWorkload,
  HardenedWorker,
  HardenedWorkload,
  isDeclarationError,
  resolveWorkload,
  type RunInput,
} from '../src';
import { backoffSeconds } from '../src/timing/kinds/job';
import { explainText } from '../src/explain/text';
import { workloadsFromManifests } from '../src/manifests/facts';
import { restrictedPodFindings } from '../src/manifests/pod-security';
import { objectSchemaErrors } from './support/gateway-api-schema';
import { jobTimingInput, MIGRATION, migrationWith } from './support/declarations';
import { synthesizedByKind, theOnly } from './support/manifests';

/** Kind job: its own derivation (src/timing/kinds/job.ts) and its Job object. */

const synth = synthesizedByKind;

function jobTimings(run: RunInput, initMaxSeconds?: number) {
  return deriveTimings(jobTimingInput(run, initMaxSeconds)).timings;
}

describe('worked numbers', () => {
  test('backoffLimit is attempts - 1', () => {
    expect(jobTimings({ maxSeconds: 600, attempts: 1 }).job!.backoffLimit).toBe(0);
    expect(jobTimings({ maxSeconds: 600, attempts: 5 }).job!.backoffLimit).toBe(4);
  });

  test('the back-off doubles from 10 s and is capped at 6 minutes per wait', () => {
    expect([1, 2, 3, 7, 10].map((attempts) => backoffSeconds(attempts - 1))).toEqual([
      0,
      10,
      10 + 20,
      10 + 20 + 40 + 80 + 160 + 320,
      10 + 20 + 40 + 80 + 160 + 320 + 360 + 360 + 360,
    ]);
  });

  test("each attempt's deadline is start + init + run + a tenth of the run: 20 + 0 + 1800 + 180 = 2000", () => {
    expect(jobTimings({ maxSeconds: 1800, attempts: 3 }).job).toMatchObject({
      startSeconds: 20,
      attemptMarginSeconds: 180,
      attemptDeadlineSeconds: 2000,
    });
  });

  test('the margin of an attempt rounds a tenth of the run up: 20 + 0 + 20 + 2 = 42', () => {
    expect(jobTimings({ maxSeconds: 20, attempts: 1 }).job!.attemptDeadlineSeconds).toBe(42);
    expect(jobTimings({ maxSeconds: 21, attempts: 1 }).job!.attemptMarginSeconds).toBe(3);
  });

  test('a declared start allowance replaces the 20 s: 120 + 60 + 600 + 60 = 840', () => {
    expect(jobTimings({ maxSeconds: 600, attempts: 3, startSeconds: 120 }, 60).job!.attemptDeadlineSeconds).toBe(840);
  });

  test("the Job's deadline is every attempt at its own deadline plus the back-off: 3 × 2000 + 30 = 6030", () => {
    expect(jobTimings({ maxSeconds: 1800, attempts: 3 }).job!.activeDeadlineSeconds).toBe(6030);
  });

  test('the init phase counts in every attempt: a = 20 + 60 + 2400 + 240 = 2720, A = 3 × 2720 + 30 = 8190', () => {
    expect(jobTimings({ maxSeconds: 2400, attempts: 3 }, 60).job).toMatchObject({
      attemptDeadlineSeconds: 2720,
      activeDeadlineSeconds: 8190,
    });
  });

  test('a Job that is not scheduled keeps its 3 attempts whatever the run takes', () => {
    expect(jobTimings({ maxSeconds: 86400 }).job).toMatchObject({ attempts: 3, attemptsFitSchedule: false });
  });

  test('a typical run is a third of the slowest unless declared', () => {
    expect(jobTimings({ maxSeconds: 1000, attempts: 3 }).job!.runTypicalSeconds).toBe(334);
    expect(jobTimings({ maxSeconds: 1000, attempts: 3, typicalSeconds: 100 }).job!.runTypicalSeconds).toBe(100);
  });

  test('finished Jobs are kept a week', () => {
    expect(jobTimings({ maxSeconds: 60, attempts: 3 }).job!.ttlSecondsAfterFinished).toBe(604800);
  });

  test('grace is drain + margin, without a preStop delay: 20 + 5 = 25', () => {
    const timings = jobTimings({ maxSeconds: 60, attempts: 3 });
    expect([timings.propagationSeconds, timings.preStop, timings.terminationGracePeriodSeconds]).toEqual([
      0,
      { mechanism: 'none', seconds: 0 },
      25,
    ]);
  });

  test('attempts default to 3', () => {
    expect(resolveWorkload(MIGRATION).timings.job).toMatchObject({ attempts: 3, backoffLimit: 2, activeDeadlineSeconds: 6030 });
  });

  test('explain lists no start, probe or rollout numbers for a job', () => {
    const keys = resolveWorkload(MIGRATION).explanations.map(({ key }) => key);
    expect(keys.filter((key) => /^(startup|readiness|liveness|rollout|probeTimeout)/.test(key))).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining(['job.backoffLimit', 'job.activeDeadlineSeconds', 'job.ttlSecondsAfterFinished']));
  });
});

describe('the objects of a job', () => {
  const objects = synth(migrationWith({ run: { maxSeconds: 1800, nonRetryableExitCodes: [2, 64] } }));
  const job = theOnly(objects, 'Job');
  const pod = job.spec.template.spec;

  test('ServiceAccount, Job and NetworkPolicy: no Service, no PodDisruptionBudget, no autoscaler', () => {
    expect(objects.map((object) => [object.kind, object.metadata?.name])).toEqual([
      ['ServiceAccount', 'orders-migrate'],
      ['Job', 'orders-migrate'],
      ['NetworkPolicy', 'orders-migrate'],
    ]);
  });

  test('the Job carries the derived deadline, retries and clean-up, and no selector', () => {
    expect(job.spec).toMatchObject({ backoffLimit: 2, activeDeadlineSeconds: 6030, ttlSecondsAfterFinished: 604800 });
    expect(job.spec.selector).toBeUndefined();
  });

  test('disruptions are ignored first, then the declared exit codes of the main container fail the Job', () => {
    expect(job.spec.podFailurePolicy.rules).toEqual([
      { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
      { action: 'FailJob', onPodConditions: [], onExitCodes: { containerName: 'orders-migrate', operator: 'In', values: [2, 64] } },
    ]);
  });

  test('without declared exit codes every failure is retried', () => {
    expect(theOnly(synth(MIGRATION), 'Job').spec.podFailurePolicy.rules).toEqual([
      { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
    ]);
  });

  test("the pod carries one attempt's deadline, which the Job's deadline covers for every attempt", () => {
    expect(pod.activeDeadlineSeconds).toBe(2000);
    expect(3 * pod.activeDeadlineSeconds + backoffSeconds(2)).toBe(job.spec.activeDeadlineSeconds);
  });

  test('the pod is never restarted in place, has no probes and no preStop hook, and a grace of drain + margin', () => {
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.terminationGracePeriodSeconds).toBe(25);
    const [container] = pod.containers;
    expect([container.readinessProbe, container.livenessProbe, container.startupProbe, container.lifecycle]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('the annotation records the derivation for review, and the run time for check', () => {
    expect(job.metadata!.annotations).toEqual({
      'hardened-workloads.io/declared': 'runMaxSeconds=1800 drainSeconds=20 propagationSeconds=0',
      'hardened-workloads.io/timings': [
        'run: max 1800s (typical 600s), 3 attempts (backoffLimit 2), back-off 30s',
        'attempt deadline: activeDeadlineSeconds 2000 = start 20 + init 0 + run 1800 + margin 180',
        'deadline: activeDeadlineSeconds 6030 = 3 x 2000 + back-off 30',
        'failure policy: DisruptionTarget ignored; exit codes 2, 64 fail the Job',
        'shutdown: preStop 0s (none) + drain 20s + margin 5s = grace 25s',
        'clean-up: ttlSecondsAfterFinished 604800',
      ].join('\n'),
    });
  });

  test('every object is valid against the Kubernetes 1.28 API schema, and the pod is "restricted"', () => {
    for (const object of objects)
      expect({ kind: object.kind, errors: objectSchemaErrors(object) }).toEqual({ kind: object.kind, errors: [] });
    expect(restrictedPodFindings(pod, job.spec.template.metadata.annotations)).toEqual([]);
  });

  test('check finds nothing to report on it, and decides every rule it applies', () => {
    const report = checkManifests([{ name: 'job.yaml', text: synthesizeYaml([MIGRATION]) }]);
    expect(report.findings).toEqual([]);
    expect(report.workloads.map(({ undecided }) => undecided)).toEqual([[]]);
  });

  test('check applies the deadline invariant to it, and none of the rollout or disruption budget rules', () => {
    const [workload] = workloadsFromManifests(objects);
    const applied = INVARIANT_IDS.filter((id) => (RULES[ruleOfInvariant(id)].kinds as readonly string[]).includes('Job'));
    expect(applied).toContain('deadlineCoversAttempts');
    expect(applied.filter((id) => ['surgeWhenNoUnavailable', 'progressDeadline', 'pdbAllowsDisruption'].includes(id))).toEqual([]);
    expect(checkInvariants(workload!.facts, workload!.declared).find(({ id }) => id === 'deadlineCoversAttempts')!.status).toBe('holds');
  });
});

describe('the construct class', () => {
  test('HardenedJob makes a job from typed props without kind', () => {
    const chart = Testing.chart();
    const job = new HardenedJob(chart, 'migrate', {
      name: 'orders-migrate',
      image: 'ghcr.io/acme/orders-migrate:2.3.0',
      run: { maxSeconds: 600 },
      drainSeconds: 10,
    });
    expect(job.job.kind).toBe('Job');
    expect(job.resolved.spec.kind).toBe('job');
    expect(Object.keys(job.objects)).toEqual(['ServiceAccount', 'Job', 'NetworkPolicy']);
  });

  test('hardenedWorkload() picks HardenedJob for kind job', () => {
    expect(hardenedWorkload(Testing.chart(), 'migrate', MIGRATION)).toBeInstanceOf(HardenedJob);
  });

  test('HardenedWorkload (web and worker) refuses a job and names the class that makes it', () => {
    let caught: unknown;
    try {
      new HardenedWorkload(Testing.chart(), 'migrate', MIGRATION);
    } catch (error) {
      caught = error;
    }
    expect(isDeclarationError(caught)).toBe(true);
    expect((caught as Error).message).toContain('HardenedWorkload makes workloads of kind web or worker');
    expect((caught as Error).message).toContain('use HardenedJob for kind job, or hardenedWorkload()');
  });

  test('a chart keeps nothing of a refused job', () => {
    const chart = Testing.chart();
    expect(() => new HardenedWorkload(chart, 'migrate', MIGRATION)).toThrow();
    expect(Testing.synth(chart)).toEqual([]);
  });

  test('a worker class stays a worker', () => {
    const worker = new HardenedWorker(Testing.chart(), 'mailer', {
      name: 'mailer',
      image: 'ghcr.io/acme/mailer:2.0.0',
      health: { liveness: { exec: ['/bin/alive'] } },
      startup: { maxSeconds: 30 },
      drainSeconds: 60,
    });
    expect(worker.resolved.spec.kind).toBe('worker');
  });
});

test('explain tells the story of the runs: every attempt ended by its own deadline, the back-off between them, then the Job deadline', () => {
  const text = explainText(resolveWorkload(migrationWith({ run: { maxSeconds: 1800, nonRetryableExitCodes: [2] } })));
  expect(text).toContain('Runs (t = 0: the Job starts)');
  for (const line of [
    ' 2000s  attempt 1 hangs and is ended by its deadline (pod activeDeadlineSeconds 2000): back-off 10s before the next pod',
    ' 4010s  attempt 2 hangs and is ended by its deadline (pod activeDeadlineSeconds 2000): back-off 20s before the next pod',
    ' 6030s  activeDeadlineSeconds 6030: the Job is failed and a pod still running is stopped',
    "each attempt ends at its own deadline, activeDeadlineSeconds 2000 of the pod = start 20 + init 0 + run 1800 + margin 180; the Job's 6030 = 3 x 2000 + back-off 30",
    'exit code 2 of the main container fails the Job at once (podFailurePolicy FailJob)',
  ])
    expect(text).toContain(line);
  expect(text).not.toContain('Start and rollout');
});

describe('migrations that run once', () => {
  const django = (changes: Record<string, unknown>) =>
    resolveWorkload({
      name: 'polls',
      kind: 'worker',
      image: 'ghcr.io/acme/polls:1.0.0',
      startup: { maxSeconds: 30 },
      drainSeconds: 10,
      health: { liveness: { exec: ['/bin/alive'] } },
      initContainers: [
        { name: 'migrate', image: 'ghcr.io/acme/polls:1.0.0', command: ['python', 'manage.py', 'migrate'], maxSeconds: 300 },
      ],
      ...changes,
    } as never).notes;

  test('explain says that an init container runs in every pod of a replicated workload, and where a migration belongs', () => {
    const [note] = django({ replicas: 10 }).filter((text) => text.includes('run in every new pod'));
    expect(note).toContain('The init containers (migrate) run in every new pod of this worker workload (10 pods)');
    expect(note).toContain('"helm.sh/hook": pre-install,pre-upgrade');
    expect(note).toContain('argocd.argoproj.io/sync-wave');
    expect(note).toContain('a migration tool that takes a lock');
  });

  test('a single pod, or a job, gets no such note', () => {
    expect(
      django({ replicas: 1, acknowledge: { singleReplica: 'a preview environment' } }).filter((text) => text.includes('every new pod')),
    ).toEqual([]);
    expect(resolveWorkload(MIGRATION).notes.filter((text) => text.includes('every new pod'))).toEqual([]);
  });
});
