import fc from 'fast-check';
import { checkInvariants, isDeclarationError, resolveWorkload, synthesizeObjects, type RunInput } from '../src';
import { jobDeadlineSeconds } from '../src/timing/kinds/job';
import { ACKNOWLEDGED_ANNOTATION } from '../src/constructs/metadata';
import { type KubernetesObject, workloadsFromManifests } from '../src/manifests/facts';
import { restrictedPodFindings } from '../src/manifests/pod-security';
import { overrides, SEED, validCronJobDeclaration, validDeclaration, validJobDeclaration, withOverrides } from './support/arbitraries';
import { objectSchemaErrors } from './support/gateway-api-schema';
import { unacknowledgedPodFindings } from './support/manifests';
import { KINDS } from '../src/kinds/table';
import { RULES, ruleOfInvariant } from '../src/rules/catalogue';

/**
 * The invariants of docs/derivation.md, checked on the synthesized objects (read back as manifests, as `check`
 * reads anyone's YAML) rather than on the derivation's return value.
 */
function acknowledgedIds(objects: readonly KubernetesObject[]): string[] {
  const text = controllerOf(objects).metadata?.annotations?.[ACKNOWLEDGED_ANNOTATION] ?? '';
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(':')[0]!);
}

/** The controllers the kinds map to (src/kinds/table.ts). */
const CONTROLLERS = [...new Set(Object.values(KINDS).map((entry) => entry.controller as string))];

/** The controller's object among a workload's objects. */
function controllerOf(objects: readonly KubernetesObject[]): KubernetesObject {
  return objects.find((object) => CONTROLLERS.includes(String(object.kind)))!;
}

/** The invariants that do not hold, of those that apply to the controller (as `check` applies them). */
function invariantsNotHolding(objects: KubernetesObject[]) {
  const [workload, ...others] = workloadsFromManifests(objects);
  expect(others).toHaveLength(0);
  const kind = String(controllerOf(objects).kind);
  return checkInvariants(workload!.facts, workload!.declared).filter(
    (result) => result.status !== 'holds' && (RULES[ruleOfInvariant(result.id)].kinds as readonly string[]).includes(kind),
  );
}

describe('every accepted declaration synthesizes to objects that satisfy the invariants', () => {
  test('every invariant holds (or is acknowledged) over 2000 random declarations', () => {
    fc.assert(
      fc.property(validDeclaration, (declaration) => {
        const objects = synthesizeObjects([declaration]) as KubernetesObject[];
        const failing = invariantsNotHolding(objects).map((result) => `${result.id}: ${result.status} (${result.detail})`);
        const acknowledged = acknowledgedIds(objects);
        expect(failing.filter((line) => !acknowledged.includes(line.split(':')[0]!))).toEqual([]);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  test('every object is valid against the Kubernetes 1.28 API schema (routes against the Gateway API v1.2.1 CRDs) and every pod is "restricted" but for acknowledged host paths', () => {
    fc.assert(
      fc.property(validDeclaration, (declaration) => {
        const objects = synthesizeObjects([declaration]) as KubernetesObject[];
        for (const object of objects)
          expect({ kind: object.kind, errors: objectSchemaErrors(object) }).toEqual({ kind: object.kind, errors: [] });
        expect(unacknowledgedPodFindings(controllerOf(objects))).toEqual([]);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  test('overrides either keep the invariants or are rejected, unless acknowledged with a reason', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(validDeclaration, overrides, (declaration, extra) => {
        const overridden = withOverrides(declaration, extra);
        let objects: KubernetesObject[];
        try {
          objects = synthesizeObjects([overridden]) as KubernetesObject[];
        } catch (error) {
          if (!isDeclarationError(error)) throw error;
          rejected++;
          // Rejections here come from the invariants, from acknowledgements that excuse nothing, or
          // from a target group's own rule (an overridden interval no longer than the timeout).
          for (const problem of error.problems) {
            expect(problem.rule).toMatch(/^invariant \d+ \(|^an acknowledgement must excuse|^a target group's health check timeout/);
          }
          return;
        }
        accepted++;
        const acknowledged = acknowledgedIds(objects);
        const failing = invariantsNotHolding(objects).filter((result) => !acknowledged.includes(result.id));
        expect(failing).toEqual([]);
      }),
      { seed: SEED, numRuns: 1500 },
    );
    // The generator must exercise both outcomes, or this test proves nothing.
    expect(accepted).toBeGreaterThan(200);
    expect(rejected).toBeGreaterThan(200);
  });
});

describe('every accepted job synthesizes to objects that satisfy the invariants', () => {
  test('every invariant `check` applies to a Job holds (or is acknowledged) over 500 random jobs, and every object is valid and restricted', () => {
    fc.assert(
      fc.property(validJobDeclaration, (declaration) => {
        const objects = synthesizeObjects([declaration]) as KubernetesObject[];
        const acknowledged = acknowledgedIds(objects);
        const failing = invariantsNotHolding(objects)
          .filter((result) => (RULES[ruleOfInvariant(result.id)].kinds as readonly string[]).includes('Job'))
          .filter((result) => !acknowledged.includes(result.id));
        expect(failing).toEqual([]);
        for (const object of objects)
          expect({ kind: object.kind, errors: objectSchemaErrors(object) }).toEqual({ kind: object.kind, errors: [] });
        const job = objects.find((object) => object.kind === 'Job')!;
        expect(job.spec.template.spec.restartPolicy).toBe('Never');
        expect(restrictedPodFindings(job.spec.template.spec, job.spec.template.metadata.annotations)).toEqual([]);
        expect(objects.filter((object) => ['Service', 'PodDisruptionBudget', 'HorizontalPodAutoscaler'].includes(object.kind!))).toEqual(
          [],
        );
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('the attempts of a cronjob whose runs must not overlap', () => {
  test('left out, they are the most of 1 to 3 that fit between two runs, and a refusal means not even one fits', () => {
    fc.assert(
      fc.property(validCronJobDeclaration, (declaration) => {
        const {
          run,
          schedule,
          overrides = {},
          acknowledge = {},
        } = declaration as { run: RunInput; schedule: { concurrencyPolicy?: string }; overrides?: object; acknowledge?: object };
        // An overridden Job deadline or starting deadline has its own property (job-overrides.test.ts).
        fc.pre(run.attempts === undefined && schedule.concurrencyPolicy !== 'Allow');
        fc.pre(!('activeDeadlineSeconds' in overrides) && !('startingDeadlineSeconds' in overrides));
        const { job, cronJob } = resolveWorkload(declaration).timings;
        const limit = cronJob!.shortestIntervalSeconds - 10;
        expect(job!.attempts).toBeGreaterThanOrEqual(1);
        expect(job!.attempts).toBeLessThanOrEqual(3);
        if (job!.attempts < 3) expect(jobDeadlineSeconds(job!.attempts + 1, job!.attemptDeadlineSeconds)).toBeGreaterThan(limit);
        const refused = job!.activeDeadlineSeconds > limit;
        expect(refused).toBe(job!.attempts === 1 && job!.attemptDeadlineSeconds > limit);
        expect('runFitsSchedule' in acknowledge).toBe(refused);
      }),
      { seed: SEED + 1, numRuns: 100 },
    );
  });
});

describe('every accepted cronjob synthesizes to objects that satisfy the invariants', () => {
  test('every invariant `check` applies to a CronJob holds (or is acknowledged) over 300 random cronjobs, and every object is valid and restricted', () => {
    fc.assert(
      fc.property(validCronJobDeclaration, (declaration) => {
        const objects = synthesizeObjects([declaration]) as KubernetesObject[];
        const acknowledged = acknowledgedIds(objects);
        const failing = invariantsNotHolding(objects)
          .filter((result) => (RULES[ruleOfInvariant(result.id)].kinds as readonly string[]).includes('CronJob'))
          .filter((result) => !acknowledged.includes(result.id));
        expect(failing).toEqual([]);
        for (const object of objects)
          expect({ kind: object.kind, errors: objectSchemaErrors(object) }).toEqual({ kind: object.kind, errors: [] });
        const cronJob = objects.find((object) => object.kind === 'CronJob')!;
        const pod = cronJob.spec.jobTemplate.spec.template;
        expect(pod.spec.restartPolicy).toBe('Never');
        expect(cronJob.spec.startingDeadlineSeconds).toBeGreaterThanOrEqual(10);
        expect(restrictedPodFindings(pod.spec, pod.metadata.annotations)).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
