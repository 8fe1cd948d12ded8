import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configMapName } from '../src/declaration/config-files';
import { isDeclarationError, type Problem, resolveWorkload } from '../src';
import { checkoutWith } from './support/declarations';
import { helmDescribe, helmFace, helmTest, isSchemaRejection, typescriptFace } from './support/helm';

/**
 * Issue 19 §2, text: the rules of src/declaration/text.ts hold in every field and in both faces.
 * The rows of "<no value>" are in the shared rejection tables (test/support/text-rejections.ts).
 */

function problemsOf(declaration: unknown): readonly Problem[] {
  try {
    resolveWorkload(declaration);
  } catch (error) {
    if (isDeclarationError(error)) return error.problems;
    throw error;
  }
  throw new Error('the declaration was accepted');
}

const CONTROL_RULE =
  'text must not contain DEL, a C1 control character (U+0080 to U+009F) other than U+0085, U+FFFE or U+FFFF: Helm cannot read them in its values';

/** Characters Helm's YAML reader refuses in values, each where a user writes free text: [what, declaration, path, value]. */
const UNREADABLE: Array<[string, unknown, string, string]> = [
  ['DEL in an environment value', checkoutWith({ env: { MODE: 'a\u007fb' } }), 'env.MODE', 'a\u007fb'],
  ['a C1 control in an argument', checkoutWith({ args: ['--sep=\u0090'] }), 'args[0]', '--sep=\u0090'],
  [
    'U+0080 in a config file',
    checkoutWith({ configFiles: { 'a.txt': { path: '/etc/a.txt', content: 'x\u0080' } } }),
    'configFiles.a.txt.content',
    'x\u0080',
  ],
  [
    'U+009F in a pod annotation',
    checkoutWith({ podAnnotations: { 'example.com/note': '\u009f' } }),
    'podAnnotations.example.com/note',
    '\u009f',
  ],
  ['U+FFFE in an environment value', checkoutWith({ env: { MODE: '\ufffe' } }), 'env.MODE', '\ufffe'],
  [
    'U+FFFF in a key a patch sets',
    checkoutWith({ patches: { Service: { object: { metadata: { labels: { 'x\uffff': 'y' } } } } } }),
    'patches.Service.object.metadata.labels.x\uffff',
    'x\uffff',
  ],
];

describe('DEL, C1 controls, U+FFFE and U+FFFF are refused in every key and value, naming the field', () => {
  test.each(UNREADABLE)('%s', (_, declaration, path, value) => {
    expect(problemsOf(declaration)).toEqual([
      {
        path,
        value,
        rule: CONTROL_RULE,
        fix: 'remove the character, or write it as an escape that the program reading the text understands',
      },
    ]);
  });
});

test('tab, line feed, carriage return, the other C0 controls and U+0085 (next line) stay allowed: Helm reads them', () => {
  expect(() => resolveWorkload(checkoutWith({ env: { MODE: 'a\tb\nc\rd\u0001e\u0085f' } }))).not.toThrow();
});

test('every problem of the text is reported at once, keys in byte order, before any other rule', () => {
  const problems = problemsOf(checkoutWith({ drainSeconds: -1, env: { B: '\u0086', A: '<no value>' } }));
  expect(problems.map((problem) => problem.path)).toEqual(['env.A', 'env.B']);
});

helmDescribe('the Helm face refuses the same characters', () => {
  // Helm writes the values as YAML before checking values.schema.json, and its reader stops there, naming no field.
  test.each(UNREADABLE)('with its schema, in its own words: %s', async (_, declaration) => {
    const outcome = await helmFace(declaration);
    expect(isSchemaRejection(outcome)).toBe(true);
    expect(outcome.error).toContain('yaml: control characters are not allowed');
  });

  test.each(UNREADABLE)('without its schema, in the TypeScript message word for word: %s', async (_, declaration) => {
    expect((await helmFace(declaration, { skipSchema: true })).error).toBe(typescriptFace(declaration).error);
  });
});

helmTest('the ConfigMap name hashes the content both faces write, "<" and ">" included', async () => {
  const content = '<value> & <no-value> \u2028 <no value\n';
  const declaration = checkoutWith({ configFiles: { 'app.conf': { path: '/etc/app/app.conf', content } } });
  const name = configMapName('checkout', { 'app.conf': { path: '/etc/app/app.conf', content } });
  const helm = (await helmFace(declaration)).objects ?? {};
  const typescript = typescriptFace(declaration).objects ?? {};
  expect((helm[`ConfigMap/${name}`] as { data: unknown }).data).toEqual({ 'app.conf': content });
  expect((typescript[`ConfigMap/${name}`] as { data: unknown }).data).toEqual({ 'app.conf': content });
});

/**
 * The parts of a pattern that JavaScript and Go's RE2 read differently: `\s`/`\S` (Unicode white
 * space in JavaScript, [\t\n\f\r ] in Go), `.` outside a class (JavaScript's stops at \r, U+2028 and
 * U+2029, Go's only at \n), `\u` (unknown to Go), `\p` and inline flags (unknown to JavaScript without
 * the u flag). Returns what a pattern uses of them.
 */
function dialectDifferences(pattern: string): string[] {
  const found: string[] = [];
  let inClass = false;
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index]!;
    if (character === '\\') {
      const escaped = pattern[index + 1] ?? '';
      if (/[sSupP]/.test(escaped)) found.push(`\\${escaped}`);
      index++;
    } else if (inClass) {
      if (character === ']') inClass = false;
    } else if (character === '[') {
      inClass = true;
      if (pattern[index + 1] === ']' || pattern.slice(index + 1, index + 3) === '^]') index += pattern[index + 1] === '^' ? 2 : 1;
    } else if (character === '.') found.push('.');
    else if (pattern.slice(index, index + 3).match(/^\(\?[a-zA-Z]/)) found.push(pattern.slice(index, index + 3));
  }
  return found;
}

function schemaPatterns(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(schemaPatterns);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => (key === 'pattern' && typeof value === 'string' ? [value] : schemaPatterns(value)));
}

/** The regular expressions the templates write out: the first argument of regexMatch, regexFind... as Go reads the string. */
function templatePatterns(): Array<[string, string]> {
  const folder = join(__dirname, '..', 'templates');
  return readdirSync(folder).flatMap((file) =>
    [...readFileSync(join(folder, file), 'utf8').matchAll(/regex\w+ (?:\(printf )?"((?:[^"\\]|\\.)*)"/g)].map((match): [string, string] => [
      file,
      JSON.parse(`"${match[1]!}"`) as string,
    ]),
  );
}

describe('every pattern both faces apply means the same in JavaScript and in Go (RE2)', () => {
  test('the patterns of values.schema.json, which zod applies too', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '..', 'values.schema.json'), 'utf8')) as unknown;
    const patterns = schemaPatterns(schema);
    expect(patterns.length).toBeGreaterThan(20);
    expect(patterns.filter((pattern) => dialectDifferences(pattern).length > 0)).toEqual([]);
  });

  test('the patterns the templates write', () => {
    const patterns = templatePatterns();
    expect(patterns.length).toBeGreaterThan(5);
    expect(patterns.filter(([, pattern]) => dialectDifferences(pattern).length > 0)).toEqual([]);
  });

  test.each([
    ['\\s', '^/[^\\s]*$'],
    ['.', '^localhost/.+$'],
    ['\\u', '[\\u2028]'],
  ])('the check finds %s', (part, pattern) => {
    expect(dialectDifferences(pattern)).toEqual([part]);
  });
});
