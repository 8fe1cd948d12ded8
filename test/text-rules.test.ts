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
  'text must not contain DEL, a C1 control character (U+0080 to U+009F), U+FFFE or U+FFFF: Helm cannot read them in its values';

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

test('tab, line feed, carriage return and the other C0 controls stay allowed: Helm reads them', () => {
  expect(() => resolveWorkload(checkoutWith({ env: { MODE: 'a\tb\nc\rd\u0001' } }))).not.toThrow();
});

test('every problem of the text is reported at once, keys in byte order, before any other rule', () => {
  const problems = problemsOf(checkoutWith({ drainSeconds: -1, env: { B: '\u0085', A: '<no value>' } }));
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
