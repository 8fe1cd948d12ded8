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

/** Every non-blank line of `text`, indented by `spaces`: YAML lines given to a builder below, placed under its key. */
export const indentLines = (text: string, spaces: number): string =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');

/**
 * A Deployment `name` of two replicas, its one container `name` (image `ghcr.io/acme/<name>:<version>`,
 * port http 8080, a readiness check of /ready), with the YAML lines given for its container and pod,
 * and the other objects' text after it.
 */
export function deploymentYaml({ name = 'web', version = '1.0.0', container = '', pod = '', objects = '' } = {}): string {
  return `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
${indentLines(pod, 6)}
      containers:
        - name: ${name}
          image: ghcr.io/acme/${name}:${version}
          ports: [{name: http, containerPort: 8080}]
          readinessProbe: {httpGet: {path: /ready, port: http}}
${indentLines(container, 10)}
${objects}`;
}
