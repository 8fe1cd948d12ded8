import fc from 'fast-check';
import { synthesizeObjects, type WorkloadSpec } from '../../src';
import { adoptManifests } from '../../src/adopt/infer';
import type { KubernetesObject } from '../../src/manifests/objects';
import { SEED, validCronJobDeclaration, validDeclaration, validJobDeclaration } from '../support/arbitraries';

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
