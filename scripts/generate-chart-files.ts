/**
 * The Helm chart's values.schema.json and values.yaml, made from the declaration schema
 * (src/declaration/schema.ts), so that the chart can never disagree with the TypeScript face about
 * a field, its type, its default or its documentation. scripts/generate.ts writes them.
 */
import { declarationJsonSchema, type JsonSchemaNode, withScalarsInTextFields } from '../src/declaration/json-schema';
import { misplacedFieldChecks } from '../src/declaration/schema-problems';

const WIDTH = 100;

function wrap(text: string, prefix: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && prefix.length + line.length + 1 + word.length > WIDTH) {
      lines.push(`${prefix}${line}`);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(`${prefix}${line}`);
  return lines;
}

/** A value on one line, in YAML flow style (JSON is valid YAML). */
function inline(value: unknown): string {
  return typeof value === 'string' && /^[\w./:@-]+$/.test(value) && !/^(true|false|null|[\d.]+)$/.test(value)
    ? value
    : JSON.stringify(value);
}

/** A field's description with its unit and, when it is not a literal, its default in words. */
function note(node: JsonSchemaNode): string {
  return [
    node.description ?? '',
    typeof node['x-unit'] === 'string' ? `Unit: ${node['x-unit']}.` : '',
    typeof node['x-default'] === 'string' ? `Default: ${node['x-default']}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The lines documenting one field; `active` when the field is set (not commented out). */
function field(key: string, node: JsonSchemaNode, required: boolean, indent: string): { lines: string[]; active: boolean } {
  const lines = wrap(note(node), `${indent}# `);
  const isObject = node.type === 'object' && node.properties !== undefined;
  if (required) {
    lines.push(`${indent}# Required: set it in your values file.`);
    if (isObject) {
      lines.push(...nestedComments(node, indent));
      lines.push(`${indent}# ${key}:`);
      for (const child of node.required ?? []) {
        const example = node.properties![child]?.examples?.[0];
        lines.push(`${indent}#   ${child}: ${example !== undefined ? inline(example) : '...'}`);
      }
    } else {
      lines.push(`${indent}# ${key}: ${node.examples ? inline(node.examples[0]) : '...'}`);
    }
    return { lines, active: false };
  }
  if (node.default === undefined) {
    if (isObject) lines.push(...nestedComments(node, indent));
    lines.push(`${indent}# ${key}:${node.examples ? ` ${inline(node.examples[0])}` : ''}`);
    return { lines, active: false };
  }
  if (isObject) {
    const children = Object.entries(node.properties!).map(([childKey, child]) =>
      field(childKey, child, (node.required ?? []).includes(childKey), `${indent}  `),
    );
    if (children.some((child) => child.active)) {
      lines.push(`${indent}${key}:`);
      for (const child of children) lines.push(...child.lines);
    } else {
      lines.push(...nestedComments(node, indent));
      lines.push(`${indent}${key}: ${inline(node.default)}`);
    }
    return { lines, active: true };
  }
  lines.push(`${indent}${key}: ${inline(node.default)}`);
  return { lines, active: true };
}

/** The fields of an object that has no value of its own here, as comments. */
function nestedComments(node: JsonSchemaNode, indent: string): string[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
    const literal = child.default !== undefined && child['x-default'] === undefined ? `Default: ${inline(child.default)}.` : '';
    return wrap(`${key}: ${[note(child), literal].filter(Boolean).join(' ')}`, `${indent}#   `);
  });
}

/**
 * The declaration's schema, plus the one key Helm itself puts into a chart's values: when this
 * chart is a dependency of another, Helm copies the parent's `global` values into it, and the
 * root's `additionalProperties: false` would then reject every install. The templates ignore it.
 */
export function valuesSchema(): string {
  const schema = withScalarsInTextFields(declarationJsonSchema());
  const global: JsonSchemaNode = {
    type: 'object',
    description: "Helm's global values, shared with a parent chart when this chart is its dependency. Not read by this chart.",
  };
  schema.properties = { ...schema.properties, global };
  // A field written where it does not belong passes the schema, so that the templates refuse it
  // with the fix that names where it goes (hw.table.misplacedFields), as the TypeScript face does:
  // Helm's schema validator could only say "Additional property … is not allowed".
  for (const { parent, key, fix } of misplacedFieldChecks()) {
    const object = parent.reduce<JsonSchemaNode | undefined>((node, segment) => node?.properties?.[segment], schema);
    if (!object?.properties) throw new Error(`MISPLACED_FIELDS names ${[...parent, key].join('.')}, whose parent is no object`);
    if (object.properties[key]) throw new Error(`MISPLACED_FIELDS names ${[...parent, key].join('.')}, which is a field`);
    object.properties[key] = { description: `Not a field here: ${fix}. The chart refuses it.` };
  }
  // Invisible characters (in patterns) as JSON escapes, so that a reader sees them.
  const text = JSON.stringify(schema, null, 2).replace(
    /[\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff\ufffe\uffff]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${text}\n`;
}

export function valuesYaml(): string {
  const schema = declarationJsonSchema();
  const header = [
    '# Values of the hardened-workloads chart: one workload declaration, the same fields as the',
    "# TypeScript construct's props (see README.md). Generated from src/declaration/schema.ts by",
    '# `npm run generate`: do not edit by hand. Fields without a value here are required (set them in',
    '# your values file, e.g. one of examples/*.yaml) or derived when left out.',
  ];
  const body = Object.entries(schema.properties ?? {}).map(([key, node]) =>
    field(key, node, (schema.required ?? []).includes(key), '').lines.join('\n'),
  );
  return `${[header.join('\n'), ...body].join('\n\n')}\n`;
}
