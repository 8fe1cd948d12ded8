import { isMap, isScalar, isSeq, LineCounter, type Node, parseAllDocuments } from 'yaml';
import type { KubernetesObject } from '../manifests/objects';
import type { InputProblem } from './input-error';
import type { InputText } from './inputs';
import { AS_HELM_READS_IT, documentValue, parseYamlDocuments, readYamlFile } from './yaml';

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

/** A field's path from the object's root, e.g. `['spec', 'template', 'spec', 'containers', 0]`. */
export type FieldPath = readonly (string | number)[];

/** 1-based, as editors and SARIF count. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** An object read from a manifest, with where it and each of its fields were written. */
export interface SourcedObject {
  readonly object: KubernetesObject;
  readonly file: string;
  /** Where the object starts. */
  readonly position: Position;
  /** Where a field is written; for a field the manifest leaves out, its nearest written ancestor. */
  locate(path: FieldPath): Position;
  /**
   * The chart's template that rendered the object, from the `# Source: <chart>/templates/<file>`
   * comment `helm template` writes above each document: where a reviewer fixes it.
   */
  readonly template?: string;
}

/** The template `helm template` names above a document (`# Source: mychart/templates/deployment.yaml`). */
function sourceComment(...comments: ReadonlyArray<string | null | undefined>): string | undefined {
  for (const comment of comments) {
    const match = /^ ?Source: (\S[^\n]*?)\s*$/m.exec(comment ?? '');
    if (match) return match[1];
  }
  return undefined;
}

export interface ParsedManifests {
  readonly objects: SourcedObject[];
  readonly problems: InputProblem[];
}

/**
 * Parses one input keeping the position of every node, so that a finding can name the file and
 * line of the field it is about. Positions are looked up only for findings; parsing itself keeps
 * just the YAML library's node tree. A document that is not a Kubernetes object is a problem
 * naming its position, never silently dropped.
 */
export function parseSourcedManifests({ name, text }: InputText): ParsedManifests {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { ...AS_HELM_READS_IT, lineCounter });
  const list = Array.isArray(documents) ? documents : [documents];
  const objects: SourcedObject[] = [];
  const problems: InputProblem[] = [];
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  for (const [index, document] of list.entries()) {
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        const position = error.linePos?.[0];
        problems.push({
          file: name,
          line: position?.line,
          column: position?.col,
          message: `invalid YAML: ${error.message.split('\n')[0]}`,
        });
      }
      continue;
    }
    const root = document.contents;
    const parsed = documentValue(document);
    if ('error' in parsed) {
      problems.push({ file: name, ...(root ? at(root.range[0]) : {}), message: `invalid YAML: ${parsed.error}` });
      continue;
    }
    const { value } = parsed;
    if (value === null || value === undefined || root === null) continue;
    const documentStart = at(root.range[0]);
    const template = sourceComment(document.commentBefore, root.commentBefore);
    const add = (object: unknown, node: Node, where: string) => {
      const problem = notAnObject(object);
      if (problem !== undefined) {
        problems.push({ file: name, ...at(node.range![0]), message: `${where} is not a Kubernetes object: ${problem}` });
        return;
      }
      objects.push({
        object: object as KubernetesObject,
        file: name,
        position: at(node.range![0]),
        locate: (path) => at(offsetOf(node, path)),
        ...(template !== undefined ? { template } : {}),
      });
    };
    const what = `document ${index + 1}`;
    if (isKubernetesList(value) && isMap(root)) {
      const items = root.get('items', true);
      for (const [itemIndex, item] of (isSeq(items) ? items.items : []).entries()) {
        add(value.items[itemIndex], item as Node, `${what}, item ${itemIndex + 1} of the List`);
      }
      continue;
    }
    if (!isMap(root)) {
      problems.push({ file: name, ...documentStart, message: `${what} is not a Kubernetes object: it is not a mapping of fields` });
      continue;
    }
    add(value, root, what);
  }
  return { objects, problems };
}

function isKubernetesList(value: unknown): value is { items: unknown[] } {
  const list = value as { kind?: unknown; items?: unknown };
  return typeof value === 'object' && list.kind === 'List' && Array.isArray(list.items);
}

/** Why a value is not a Kubernetes object, or undefined when it is one. */
function notAnObject(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not a mapping of fields';
  const object = value as Record<string, unknown>;
  const missing = ['apiVersion', 'kind'].filter((key) => typeof object[key] !== 'string' || object[key] === '');
  if (missing.length > 0) {
    const keys = Object.keys(object).slice(0, 5).join(', ');
    return `it has no ${missing.join(' and ')} (its fields: ${keys || 'none'}); is it a declaration or values file?`;
  }
  const metadata = object.metadata as Record<string, unknown> | undefined;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return 'metadata must be a mapping';
  if (typeof metadata.name !== 'string' && typeof metadata.generateName !== 'string') return 'metadata.name must be a string';
  return undefined;
}

/** The offset of a path's node in a document, or of its nearest ancestor that is written. */
function offsetOf(root: Node, path: FieldPath): number {
  let node: unknown = root;
  let offset = root.range![0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      offset = (pair.key as Node).range![0];
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key] !== undefined) {
      node = node.items[key];
      offset = (node as Node).range![0];
    } else {
      break;
    }
  }
  return offset;
}
