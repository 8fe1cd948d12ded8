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
  readonly rule: string;
  readonly fix: string;
}

/**
 * Every enum and every bounded number of the declaration, with the TypeScript face's message for a
 * value outside it (issueProblems in schema-problems.ts). The Helm face checks them again in its
 * templates, which print these values, so that a render with the schema skipped
 * (`--skip-schema-validation`) gives the same error and never prints a value the schema refuses.
 */
export function valueChecks(): ValueCheck[] {
  const found = new Map<string, ValueCheck>();
  const walk = (node: JsonSchemaNode, segments: string[]): void => {
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
    for (const branch of node.anyOf ?? []) walk(branch, segments);
    for (const [name, child] of Object.entries(node.properties ?? {})) walk(child, [...segments, name]);
    if (node.items) walk(node.items, [...segments, '[]']);
    if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, [...segments, '*']);
  };
  walk(declarationJsonSchema(), []);
  return [...found.values()];
}
