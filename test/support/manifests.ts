import { parseAllDocuments } from 'yaml';
import type { KubernetesObject } from '../../src/manifests/facts';

/** Parses a multi-document YAML text into objects, failing on any YAML error. */
export function parseYamlObjects(text: string): KubernetesObject[] {
  return parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0) throw new Error(document.errors.map((error) => error.message).join('\n'));
      return document.toJS() as KubernetesObject;
    })
    .filter((object) => object !== null);
}

export function objectsOfKind(objects: readonly KubernetesObject[], kind: string): KubernetesObject[] {
  return objects.filter((object) => object.kind === kind);
}

export function theOnly(objects: readonly KubernetesObject[], kind: string): KubernetesObject {
  const found = objectsOfKind(objects, kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0]!;
}

/** The first container of the Deployment's pod template. */
export function mainContainer(objects: readonly KubernetesObject[]) {
  return theOnly(objects, 'Deployment').spec.template.spec.containers[0];
}
