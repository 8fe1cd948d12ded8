import type { KubernetesObject } from '../manifests/facts';
import { parseYamlDocuments, readYamlFile } from './yaml';

/**
 * Kubernetes manifests: multi-document YAML or JSON, including `kind: List` wrappers as
 * `kubectl get -o yaml` writes them.
 */
export function readManifests(file: string): KubernetesObject[] {
  return objectsOf(readYamlFile(file, 'manifest'));
}

export function parseManifests(text: string, source: string): KubernetesObject[] {
  return objectsOf(parseYamlDocuments(text, source));
}

function objectsOf(documents: unknown[]): KubernetesObject[] {
  return documents
    .filter((value): value is KubernetesObject => typeof value === 'object' && !Array.isArray(value))
    .flatMap((object) => (object.kind === 'List' ? ((object as { items?: KubernetesObject[] }).items ?? []) : [object]));
}
