import { parseAllDocuments } from 'yaml';
import { adoptManifests, type AdoptOptions } from '../../src/adopt/infer';
import type { AdoptedWorkload, Inference, KubernetesObject } from '../../src/adopt/types';

/**
 * The worked examples of docs/adopt.md read as the user writes manifests: a few lines of YAML in,
 * the adopted workload out. `adoptYaml` adopts the first (or the only) workload of the text.
 */
export function objectsOf(text: string): KubernetesObject[] {
  return parseAllDocuments(text)
    .map((document) => document.toJSON() as KubernetesObject | null)
    .filter((object): object is KubernetesObject => object !== null);
}

export function adoptYaml(text: string, options: AdoptOptions = {}): AdoptedWorkload {
  const adopted = adoptManifests(objectsOf(text), options);
  if (adopted.length === 0) throw new Error('no workload in the example');
  return adopted[0]!;
}

/** The inference written for a declaration field (dotted, as fieldPath writes it). */
export const inferenceOf = (adopted: AdoptedWorkload, field: string): Inference | undefined =>
  adopted.inferences.find((each) => each.field === field);

/** The dropped entries of one input object, `path: reason` (the object as `Kind/name` or `Kind/namespace/name`). */
export const droppedFrom = (adopted: AdoptedWorkload, object: string) =>
  adopted.dropped.filter((each) => each.object === object).map(({ path, reason }) => ({ path, reason }));
