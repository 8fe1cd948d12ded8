import { readFileSync } from 'node:fs';
import { type Document, isMap, isScalar, isSeq, parseAllDocuments, type SchemaOptions } from 'yaml';
import { DeclarationError, formatPath, type Problem } from '../declaration/errors';

/**
 * Declaration files are also Helm values files, and Helm reads YAML 1.1 (`010` is 8, `yes` is
 * true), so they are read the same way here. Helm's parser has no sexagesimal numbers (`1:30`) and
 * no timestamps, so those stay strings; and it reads numbers with Go's syntax (GO_INTEGER,
 * GO_FLOAT), so the YAML library's own number tags only ever write numbers, never read them.
 */
export const AS_HELM_READS_IT = {
  version: '1.1' as const,
  customTags: (tags: Tags) => [
    GO_INTEGER_TAG,
    GO_FLOAT_TAG,
    ...tags
      .filter((tag) => typeof tag === 'string' || (tag.format !== 'TIME' && tag.tag !== 'tag:yaml.org,2002:timestamp'))
      .map((tag): Tags[number] => (typeof tag !== 'string' && isNumberTag(tag) ? ({ ...tag, test: NEVER } as typeof tag) : tag)),
  ],
};
type Tags = Parameters<Extract<NonNullable<SchemaOptions['customTags']>, (tags: never) => unknown>>[0];
type ScalarTag = Extract<Tags[number], { tag: string }>;

const NEVER = /(?!)/;
const INFINITY_OR_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** The library's int and float tags, except the one for .inf and .nan (which Helm's parser reads alike). */
function isNumberTag(tag: ScalarTag): boolean {
  const numeric = tag.tag === 'tag:yaml.org,2002:int' || tag.tag === 'tag:yaml.org,2002:float';
  return numeric && !(tag.test !== undefined && tag.test.source === INFINITY_OR_NAN.source);
}

/**
 * An integer as Helm's parser reads a plain scalar (go-yaml v2's resolve, through sigs.k8s.io/yaml):
 * a scalar starting with a digit or a sign, every "_" removed, that Go's strconv.ParseInt (base 0)
 * takes: decimal, 0x/0X hexadecimal, 0o/0O or a leading 0 octal, 0b/0B binary (`0o3` is 3). Written
 * here with the "_" wherever it may stand.
 */
export const GO_INTEGER =
  /^(?=[-+0-9])(?:[-+]_*)?(?:0_*[xX](?:_*[0-9a-fA-F])+|0_*[oO](?:_*[0-7])+|0_*[bB](?:_*[01])+|0(?:_*[0-7])*|[1-9](?:_*[0-9])*)_*$/;

/**
 * A float as Helm's parser reads a plain scalar: starting with a digit or a sign, every "_"
 * removed, go-yaml's `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$` (so `e0` and `.` stay
 * text); or starting with ".", what Go's strconv.ParseFloat takes, a "_" only between digits.
 */
export const GO_FLOAT =
  /^(?:(?=[-+0-9])(?:[-+]_*)?(?:\.(?:_*[0-9])+|[0-9](?:_*[0-9])*(?:_*\.(?:_*[0-9])*)?)(?:_*[eE]_*(?:[-+]_*)?[0-9](?:_*[0-9])*)?_*|\.[0-9](?:_?[0-9])*(?:[eE][-+]?[0-9](?:_?[0-9])*)?)$/;

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** Beyond 64 bits Go's ParseInt and ParseUint give up: decimal digits are then a float, anything else text. */
function goInteger(text: string): number | string {
  const plain = text.replace(/_/g, '');
  const negative = plain.startsWith('-');
  const body = plain.replace(/^[-+]/, '');
  const digits = /^0[0-7]+$/.test(body) ? `0o${body.slice(1)}` : body.replace(/^0([xob])/i, (_, base: string) => `0${base.toLowerCase()}`);
  const magnitude = BigInt(digits);
  const value = negative ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= UINT64_MAX) return Number(value);
  return /^[1-9]/.test(body) ? Number(plain) : text;
}

const GO_INTEGER_TAG: ScalarTag = {
  tag: 'tag:yaml.org,2002:int',
  default: true,
  test: GO_INTEGER,
  resolve: goInteger,
};
const GO_FLOAT_TAG: ScalarTag = {
  tag: 'tag:yaml.org,2002:float',
  default: true,
  test: GO_FLOAT,
  resolve: (text: string) => Number(text.replace(/_/g, '')),
};

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
  const syntaxProblems = list.flatMap((document) => [
    ...duplicateKeys(document, text, source),
    ...document.errors
      .filter((error) => error.code !== 'DUPLICATE_KEY')
      .map((error) => ({
        path: '(syntax)',
        value: error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : source,
        rule: `${source} must be valid YAML or JSON: ${error.message.split('\n')[0]}`,
        fix: 'correct the syntax at that position',
      })),
  ]);
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

/**
 * A key set twice in one map. Helm reads a values file keeping the last of them without a word
 * (sigs.k8s.io/yaml; neither `helm template` nor `helm lint` reports it), so one of the two settings
 * would be lost unseen: the command line refuses the file and names both lines.
 */
function duplicateKeys(document: Document.Parsed, text: string, source: string): Problem[] {
  const problems: Problem[] = [];
  const where = (offset: number) => {
    const before = text.slice(0, offset);
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
  };
  const visit = (node: unknown, path: readonly PropertyKey[]): void => {
    if (isSeq(node)) node.items.forEach((item, index) => visit(item, [...path, index]));
    if (!isMap(node)) return;
    const seen = new Map<string, number>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const offset = isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, offset);
        visit(pair.value, [...path, key]);
        continue;
      }
      const [earlier, later] = [where(first), where(offset)];
      problems.push({
        path: formatPath([...path, key]),
        value: `line ${later.line}, column ${later.column}`,
        rule: `${source} sets ${key} twice (lines ${earlier.line} and ${later.line}): Helm would keep only the last one, without a word, so a key may appear once in a map`,
        fix: 'remove one of them; Helm cannot find this (helm template and helm lint read the file without a word), so run the command line (synth or explain) on a values file before helm uses it',
      });
    }
  };
  visit(document.contents, []);
  return problems;
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
