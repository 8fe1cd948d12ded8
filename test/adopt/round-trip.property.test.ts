import fc from 'fast-check';
import { synthesizeObjects, type WorkloadSpec } from '../../src';
import { adoptManifests } from '../../src/adopt/infer';
import type { KubernetesObject } from '../../src/manifests/objects';
import { SEED, validCronJobDeclaration, validDeclaration, validJobDeclaration } from '../support/arbitraries';
import { wideDeclaration, wideJobDeclaration } from '../support/helm-declarations';

/** The round trip of issue 20 over random declarations: adopt(synth(declaration)) synthesizes to the identical objects. */
function roundTrip(declaration: WorkloadSpec) {
  const objects = synthesizeObjects([declaration]) as KubernetesObject[];
  const adopted = adoptManifests(objects);
  expect(adopted).toHaveLength(1);
  const [workload] = adopted;
  return { objects, workload: workload!, again: synthesizeObjects([workload!.declaration as unknown as WorkloadSpec]) };
}

describe('adopting the synthesis of random declarations gives the identical objects, no CONFIRM, no patches and nothing dropped', () => {
  test.each([
    ['web, worker, stateful and daemon', validDeclaration],
    ['job', validJobDeclaration],
    ['cronjob', validCronJobDeclaration],
  ])('%s', (_, arbitrary) => {
    fc.assert(
      fc.property(arbitrary as fc.Arbitrary<WorkloadSpec>, (declaration) => {
        const { objects, workload, again } = roundTrip(declaration);
        expect(again).toEqual(objects);
        expect(workload.inferences.filter((inference) => inference.confirm)).toEqual([]);
        expect(workload.declaration.patches).toBeUndefined();
        expect(workload.dropped).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

/** Whether a declaration synthesizes: the wide arbitraries draw refused declarations on purpose (a quarter are incoherent), which the Helm parity's rejection tests use. */
function synthesizes(declaration: unknown): boolean {
  try {
    synthesizeObjects([declaration as WorkloadSpec]);
    return true;
  } catch {
    return false;
  }
}

describe('the round trip holds over the Helm parity’s wide declarations too, which draw every optional field', () => {
  test.each([
    ['wide declarations (web, worker, stateful and daemon)', wideDeclaration],
    ['wide job and cronjob declarations', wideJobDeclaration],
  ])('%s', (_, arbitrary) => {
    fc.assert(
      fc.property(arbitrary.filter(synthesizes), (declaration) => {
        const { objects, workload, again } = roundTrip(declaration as unknown as WorkloadSpec);
        expect(again).toEqual(objects);
        expect(workload.inferences.filter((inference) => inference.confirm)).toEqual([]);
        expect(workload.declaration.patches).toBeUndefined();
        expect(workload.dropped).toEqual([]);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
