/**
 * Generates src/declaration/workload-spec.ts — the TypeScript types of the declaration, with the
 * JSDoc users read in their editor — from the one zod schema (src/declaration/schema.ts), by way
 * of its JSON Schema and json-schema-to-typescript. test/declaration-types.test.ts proves the
 * result is exactly the schema's input type.
 *
 * Every object with fields becomes a named interface: the schema's `title` where it gives one
 * (a part used in several places, such as ProbeTarget), else a name made from its path
 * (`networkPolicy` → NetworkPolicy), so a new field needs no work here. Each field's JSDoc is
 * made from its schema documentation: the summary, the unit, `@default` (a literal, or `- prose`
 * for a default that is derived or absent) and `@example`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { declarationJsonSchema, isAbsentKey, type JsonSchemaNode } from '../src/declaration/json-schema';

const ROOT = join(__dirname, '..');
export const TYPES_FILE = 'src/declaration/workload-spec.ts';

const HEADER = [
  '/* eslint-disable */',
  '/**',
  ' * The workload declaration as TypeScript types: the props of the constructs, the document a',
  ' * declaration file and the Helm values hold. Generated from src/declaration/schema.ts by',
  ' * `npm run generate`: do not edit by hand.',
  ' */',
].join('\n');

/** A field's JSDoc: summary, unit, default and example, one paragraph or tag each. */
export function fieldDoc(node: JsonSchemaNode): string {
  const lines: string[] = [];
  if (node.description) lines.push(node.description);
  if (typeof node['x-unit'] === 'string') lines.push('', `Unit: ${node['x-unit']}.`);
  const tags: string[] = [];
  if (typeof node['x-default'] === 'string') tags.push(`@default - ${node['x-default']}`);
  else if (node.default !== undefined) tags.push(`@default ${JSON.stringify(node.default)}`);
  if (node.examples && node.examples.length > 0) tags.push(`@example ${JSON.stringify(node.examples[0])}`);
  if (tags.length > 0) lines.push('', ...tags);
  return lines.join('\n');
}

const pascal = (key: string) => key.replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_, __, letter: string) => letter.toUpperCase());

interface Named {
  schema: JSONSchema;
  /** The part's own description: where it stands for itself (a member of a union), not for a field. */
  description?: string;
}

/**
 * Rewrites the declaration's JSON Schema for json-schema-to-typescript: every object with fields
 * and every titled union becomes a definition of its own, referenced by name (`tsType`), so that
 * each use keeps its own field documentation.
 */
function typesSchema(root: JsonSchemaNode): JSONSchema {
  const named = new Map<string, Named>();

  function define(name: string, schema: JSONSchema, description: string | undefined): void {
    const known = named.get(name);
    if (known && JSON.stringify(known.schema) !== JSON.stringify(schema)) {
      throw new Error(`two different parts of the declaration are both named ${name}: give one a title in src/declaration/schema.ts`);
    }
    named.set(name, { schema, description: known?.description ?? description });
  }

  /**
   * The node as a type: objects and titled unions by name, the rest as they are. A field's node
   * carries the field's description (zod merges it over the part's own), so only a node that is
   * not a field documents its part.
   */
  function type(node: JsonSchemaNode, name: string, isField = true): JSONSchema {
    if (isAbsentKey(node)) return { tsType: 'never', description: 'Belongs to another form: leave it out.' };
    if (node.type === 'object' && node.propertyNames && typeof node.additionalProperties === 'object' && !node.properties) {
      const keys = (node.propertyNames as JsonSchemaNode).enum;
      if (keys) {
        // A record over a closed set of keys (zod's partialRecord): each key is an optional field.
        const value = node.additionalProperties;
        return type(
          {
            ...node,
            propertyNames: undefined,
            properties: Object.fromEntries(keys.map((key) => [String(key), value])),
            additionalProperties: false,
          },
          name,
        );
      }
    }
    const typeName = typeof node.title === 'string' ? node.title : name;
    if (node.type === 'object' && node.properties) {
      const properties = Object.fromEntries(
        Object.entries(node.properties).map(([key, child]) => {
          const childType = type(child, `${name === 'WorkloadSpec' ? '' : typeName}${pascal(key)}`);
          return [key, isAbsentKey(child) ? childType : { ...childType, description: fieldDoc(child) }];
        }),
      );
      const schema: JSONSchema = {
        type: 'object',
        properties,
        ...(node.required ? { required: node.required } : {}),
        additionalProperties: false,
        title: typeName,
      };
      if (node === root) return { ...schema, description: node.description };
      define(typeName, schema, isField ? undefined : node.description);
      return { tsType: typeName };
    }
    if (node.anyOf) {
      const anyOf = node.anyOf.map((branch, index) => type(branch, `${typeName}${index + 1}`, false));
      if (typeof node.title !== 'string') return { anyOf };
      define(typeName, { anyOf, title: typeName }, isField ? undefined : node.description);
      return { tsType: typeName };
    }
    if (node.type === 'array' && node.items) return { type: 'array', items: type(node.items, `${typeName}Item`, false) };
    if (node.type === 'object' && typeof node.additionalProperties === 'object') {
      return { type: 'object', additionalProperties: type(node.additionalProperties, `${typeName}Value`, false) };
    }
    const { description: _, examples: __, default: ___, title: ____, ...rest } = node;
    return rest as JSONSchema;
  }

  const schema = type(root, 'WorkloadSpec', false);
  const definitions = Object.fromEntries(
    [...named].map(([name, { schema: definition, description }]) => [name, description ? { ...definition, description } : definition]),
  );
  return { ...schema, definitions };
}

/** json-schema-to-typescript's note on every definition, which says nothing to a user. */
function withoutDefinitionNotes(types: string): string {
  return types
    .replace(/\n \*\n \* This interface was referenced by `WorkloadSpec`'s JSON-Schema\n \* via the `definition` "\w+"\./g, '')
    .replace(/\/\*\*\n \* This interface was referenced by `WorkloadSpec`'s JSON-Schema\n \* via the `definition` "\w+"\.\n \*\/\n/g, '');
}

export async function declarationTypes(): Promise<string> {
  const style = JSON.parse(readFileSync(join(ROOT, '.prettierrc.json'), 'utf8'));
  const types = await compile(typesSchema(declarationJsonSchema()), 'WorkloadSpec', {
    bannerComment: HEADER,
    additionalProperties: false,
    ignoreMinAndMaxItems: true,
    unreachableDefinitions: true,
    strictIndexSignatures: false,
    style,
  });
  return withoutDefinitionNotes(types);
}
