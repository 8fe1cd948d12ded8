import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readDeclarations, synthesizeObjects, type WorkloadSpec } from '../../src';
import { adoptManifests, writeDeclaration } from '../../src/adopt/infer';
import { parseDeclarations } from '../../src/files/declarations';
import type { KubernetesObject } from '../../src/manifests/objects';

/**
 * The round trip of issue 20: adopting our own output gives a declaration that synthesizes to the
 * identical objects, with no CONFIRM and no patches — the annotations carry the declared times.
 */
function roundTrip(declaration: WorkloadSpec) {
  const objects = synthesizeObjects([declaration]) as KubernetesObject[];
  const adopted = adoptManifests(objects);
  expect(adopted).toHaveLength(1);
  const [workload] = adopted;
  return { objects, workload: workload!, again: synthesizeObjects([workload!.declaration as unknown as WorkloadSpec]) };
}

const EXAMPLES = readdirSync(join(__dirname, '..', '..', 'examples')).filter((file) => file.endsWith('.yaml'));

describe.each(EXAMPLES)('adopting the synthesis of examples/%s', (file) => {
  const [declaration] = readDeclarations(join(__dirname, '..', '..', 'examples', file)) as WorkloadSpec[];
  const { objects, workload, again } = roundTrip(declaration!);

  test('gives a declaration that synthesizes to the identical objects', () => {
    expect(again).toEqual(objects);
  });

  test('marks nothing CONFIRM, patches nothing and drops nothing', () => {
    expect(workload.inferences.filter((inference) => inference.confirm)).toEqual([]);
    expect(workload.declaration.patches).toBeUndefined();
    expect(workload.dropped).toEqual([]);
  });

  test('the written declaration reads back as the same declaration', () => {
    expect(parseDeclarations(writeDeclaration(workload), `${file}.adopted.yaml`)).toEqual([workload.declaration]);
  });
});
