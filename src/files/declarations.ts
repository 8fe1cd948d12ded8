import { parseYamlDocuments, readYamlFile } from './yaml';

/**
 * Declaration files: YAML with one or several `---` documents, or JSON with one object or an
 * array of them. Returns the raw declarations; validating them is `resolveWorkload`'s job.
 */
export function readDeclarations(file: string): unknown[] {
  return flatten(readYamlFile(file, 'declaration'));
}

export function parseDeclarations(text: string, source: string): unknown[] {
  return flatten(parseYamlDocuments(text, source));
}

function flatten(documents: unknown[]): unknown[] {
  return documents.flatMap((value) => (Array.isArray(value) ? value : [value]));
}
