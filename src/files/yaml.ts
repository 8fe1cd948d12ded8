import { readFileSync } from 'node:fs';
import { type Document, parseAllDocuments, type SchemaOptions } from 'yaml';
import { DeclarationError } from '../declaration/errors';

/**
 * Declaration files are also Helm values files, and Helm reads YAML 1.1 (`010` is 8, `yes` is
 * true), so they are read the same way here. Helm's parser has no sexagesimal numbers (`1:30`) and
 * no timestamps, so those stay strings.
 */
export const AS_HELM_READS_IT = {
  version: '1.1' as const,
  customTags: (tags: Tags) =>
    tags
      .filter((tag) => typeof tag === 'string' || (tag.format !== 'TIME' && tag.tag !== 'tag:yaml.org,2002:timestamp'))
      .map((tag): Tags[number] =>
        typeof tag !== 'string' && tag.format === 'EXP' ? ({ ...tag, test: EXPONENT_FLOAT } as typeof tag) : tag,
      ),
};
type Tags = Parameters<Extract<NonNullable<SchemaOptions['customTags']>, (tags: never) => unknown>>[0];

/**
 * A number in exponent notation has a digit before its exponent, as Helm's parser reads it
 * (go-yaml: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`). The YAML library's 1.1
 * pattern also matches `e0` or `.e1` and reads them as NaN, where Helm reads the text: a name `e0`
 * must stay a name.
 */
const EXPONENT_FLOAT = /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)[eE][-+]?[0-9]+$/;

/**
 * A parsed document as a plain value. The YAML library refuses to expand aliases into more nodes
 * than the document holds (a "billion laughs" document would exhaust memory) by throwing; that
 * refusal comes back as an error message, so that the caller names the file.
 */
export function documentValue(document: Document.Parsed): { value: unknown } | { error: string } {
  try {
    return { value: document.toJS() as unknown };
  } catch (error) {
    if (error instanceof ReferenceError) return { error: `${error.message} (its aliases expand into too many nodes)` };
    throw error;
  }
}

/**
 * Every document of a YAML (or JSON) text as plain values, empty documents dropped. A syntax
 * error becomes a problem naming the line and column, never a stack trace.
 */
export function parseYamlDocuments(text: string, source: string): unknown[] {
  const documents = parseAllDocuments(text, AS_HELM_READS_IT);
  const list = Array.isArray(documents) ? documents : [documents];
  const syntaxProblems = list.flatMap((document) =>
    document.errors.map((error) => ({
      path: '(syntax)',
      value: error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : source,
      rule: `${source} must be valid YAML or JSON: ${error.message.split('\n')[0]}`,
      fix: 'correct the syntax at that position',
    })),
  );
  if (syntaxProblems.length > 0) throw new DeclarationError(`in ${source}`, syntaxProblems);
  const values = list.map(documentValue);
  const refused = values.flatMap((result, index) =>
    'error' in result
      ? [
          {
            path: '(syntax)',
            value: `document ${index + 1}`,
            rule: `${source} must be valid YAML or JSON: ${result.error}`,
            fix: 'write the repeated parts out, or use fewer aliases (*name) of large anchors',
          },
        ]
      : [],
  );
  if (refused.length > 0) throw new DeclarationError(`in ${source}`, refused);
  return values.map((result) => (result as { value: unknown }).value).filter((value) => value !== null && value !== undefined);
}

export function readYamlFile(file: string, what: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DeclarationError(`in ${file}`, [
      { path: '(file)', value: file, rule: `the ${what} file must be readable`, fix: (error as Error).message },
    ]);
  }
  return parseYamlDocuments(text, file);
}
