import { z } from 'zod';
import { workloadSchema } from './schema';

/** A JSON Schema node, as far as this project reads it. */
export interface JsonSchemaNode {
  type?: string | string[];
  description?: string;
  default?: unknown;
  examples?: unknown[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  additionalProperties?: boolean | JsonSchemaNode;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  'x-rule'?: string;
  'x-fix'?: string;
  'x-maximum-rule'?: string;
  'x-maximum-fix'?: string;
  [keyword: string]: unknown;
}

let cached: JsonSchemaNode | undefined;

/**
 * The declaration as JSON Schema draft-07 (the newest draft Helm 3.17 validates values against).
 * zod writes the bound of a safe integer as `maximum`; it says nothing to a reader, so it goes.
 */
export function declarationJsonSchema(): JsonSchemaNode {
  cached ??= withoutSafeIntegerBounds(
    z.toJSONSchema(workloadSchema, { target: 'draft-7', io: 'input', unrepresentable: 'throw' }) as JsonSchemaNode,
  );
  return cached;
}

function withoutSafeIntegerBounds<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withoutSafeIntegerBounds) as T;
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'maximum' && value === Number.MAX_SAFE_INTEGER))
      .map(([key, value]) => [key, withoutSafeIntegerBounds(value)]),
  ) as T;
}

/** The schema node at a path of property names and array indices (undefined if there is none). */
export function schemaAt(path: readonly PropertyKey[]): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = declarationJsonSchema();
  for (const segment of path) {
    if (!node) return undefined;
    node = childOf(node, segment);
  }
  return node;
}

/** `{ not: {} }`: zod's never, a key one member of a union declares absent because another member has it. */
export function isAbsentKey(node: JsonSchemaNode): boolean {
  return typeof node.not === 'object' && node.not !== null && Object.keys(node.not).length === 0;
}

function childOf(node: JsonSchemaNode, segment: PropertyKey): JsonSchemaNode | undefined {
  if (typeof segment === 'number') return node.items ?? node.anyOf?.find((branch) => branch.items)?.items;
  const key = String(segment);
  const direct = node.properties?.[key] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
  // In a union, the member that has the key, not one that declares it absent.
  return direct ?? node.anyOf?.map((branch) => childOf(branch, segment)).find((child) => child !== undefined && !isAbsentKey(child));
}

/**
 * A field the templates check again, where it can be (`*` any key of a map, `[]` any entry of a
 * list): its value is one of `options`, or a number no larger than `maximum`.
 */
export interface ValueCheck {
  readonly segments: readonly string[];
  readonly options?: readonly unknown[];
  readonly maximum?: number;
  /**
   * A text field: a number or boolean here is text YAML read unquoted (`1.30`, `8080`, `yes`), and
   * the message says to quote it (unquotedScalarProblem in schema-problems.ts), with the field's
   * example as JSON when it has one. The rule and fix are written from the value found.
   */
  readonly text?: { readonly example?: string };
  readonly rule: string;
  readonly fix: string;
}

const ACCEPTS_SCALAR = new Set(['number', 'integer', 'boolean']);
const typesOf = (node: JsonSchemaNode): string[] => (Array.isArray(node.type) ? node.type : node.type ? [node.type] : []);

/** A free text node: type string, no enum, no const. */
const isFreeText = (node: JsonSchemaNode): boolean =>
  typesOf(node).length === 1 && node.type === 'string' && node.enum === undefined && node.const === undefined;

/**
 * The text node of a field where a number or boolean can only be text written unquoted: the field
 * itself, or the text member of a union none of whose members takes a number or boolean.
 */
function textMember(node: JsonSchemaNode, inUnion: boolean): JsonSchemaNode | undefined {
  // A union's text member is the union's to decide (another member may take the number).
  if (isFreeText(node)) return inUnion ? undefined : node;
  if (!node.anyOf) return undefined;
  const members = node.anyOf;
  const scalar = members.some(
    (member) =>
      typesOf(member).some((type) => ACCEPTS_SCALAR.has(type)) ||
      (member.enum ?? []).some((option) => typeof option !== 'string') ||
      (member.const !== undefined && typeof member.const !== 'string'),
  );
  return scalar ? undefined : members.find(isFreeText);
}

/**
 * values.schema.json's copy of the schema lets a number or a boolean into every text field
 * (textMember), so that the templates, which check them again (valueChecks, `text`), say "write it
 * in quotes" as the TypeScript face does, instead of Helm's "Invalid type. Expected: string".
 */
export function withScalarsInTextFields(schema: JsonSchemaNode): JsonSchemaNode {
  const widen = (node: JsonSchemaNode, inUnion = false): void => {
    const text = textMember(node, inUnion);
    for (const branch of node.anyOf ?? []) widen(branch, true);
    if (text) text.type = ['string', 'number', 'boolean'];
    for (const child of Object.values(node.properties ?? {})) widen(child);
    if (node.items) widen(node.items);
    if (typeof node.additionalProperties === 'object') widen(node.additionalProperties);
  };
  const copy = structuredClone(schema);
  widen(copy);
  return copy;
}

/**
 * Every enum and every bounded number of the declaration, with the TypeScript face's message for a
 * value outside it (issueProblems in schema-problems.ts). The Helm face checks them again in its
 * templates, which print these values, so that a render with the schema skipped
 * (`--skip-schema-validation`) gives the same error and never prints a value the schema refuses.
 */
export function valueChecks(): ValueCheck[] {
  const found = new Map<string, ValueCheck>();
  const walk = (node: JsonSchemaNode, segments: string[], inUnion = false): void => {
    const key = segments.join('/');
    if (Array.isArray(node.enum) && node.enum.every((option) => typeof option === 'string')) {
      const allowed = node.enum.map((option) => JSON.stringify(option)).join(', ');
      const options = [...new Set([...(found.get(`${key}/enum`)?.options ?? []), ...node.enum])];
      found.set(`${key}/enum`, {
        segments,
        options,
        rule: node['x-rule'] ?? `must be one of ${allowed}`,
        fix: node['x-fix'] ?? `pick one of ${allowed}`,
      });
    }
    if (typeof node.maximum === 'number' && (node.type === 'integer' || node.type === 'number')) {
      found.set(`${key}/maximum`, {
        segments,
        maximum: node.maximum,
        rule: node['x-maximum-rule'] ?? `must be at most ${node.maximum}`,
        fix: node['x-maximum-fix'] ?? `use a value ≤ ${node.maximum}`,
      });
    }
    const text = textMember(node, inUnion);
    if (text && !found.has(`${key}/text`)) {
      // The example the TypeScript face gives: the field's own (a union's, not its text member's).
      const examples = node.examples;
      found.set(`${key}/text`, {
        segments,
        text: examples && examples.length > 0 ? { example: JSON.stringify(examples[0]) } : {},
        rule: '',
        fix: '',
      });
    }
    for (const branch of node.anyOf ?? []) walk(branch, segments, true);
    for (const [name, child] of Object.entries(node.properties ?? {})) walk(child, [...segments, name]);
    if (node.items) walk(node.items, [...segments, '[]']);
    if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, [...segments, '*']);
  };
  walk(declarationJsonSchema(), []);
  return [...found.values()];
}
