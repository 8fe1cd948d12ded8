import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ruleDocFiles } from '../src/rules/docs';

/**
 * The files `npm run generate` writes from the declaration schema and the rule catalogue, and the tooling around them: a
 * stale file fails here, and neither `npm run format` nor `npm run format:check` may disagree
 * with the generator. The generator and prettier load ES modules, which jest's sandbox cannot, so
 * they run as child processes, as `npm run` runs them.
 */

const ROOT = join(__dirname, '..');
const FILES = [
  'values.schema.json',
  'values.yaml',
  'src/declaration/workload-spec.ts',
  'src/declaration/time-zones.ts',
  'templates/_generated.tpl',
  ...Object.keys(ruleDocFiles()),
];

function node(args: readonly string[]) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const generate = (...args: string[]) => node(['-r', 'ts-node/register/transpile-only', join(ROOT, 'scripts', 'generate.ts'), ...args]);

test('every generated file is current, and npm run generate -- --check says so file by file', () => {
  expect(generate('--check')).toEqual({ status: 0, stdout: FILES.map((file) => `${file}: current\n`).join(''), stderr: '' });
});

test('npm run generate says which files it wrote and which were current', () => {
  const root = mkdtempSync(join(tmpdir(), 'hardened-generate-'));
  for (const file of FILES) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(ROOT, file), join(root, file));
  }
  writeFileSync(join(root, 'values.yaml'), '# stale\n');
  const line = (file: string, stale: string, current = 'current') => `${file}: ${file === 'values.yaml' ? stale : current}`;

  const checked = generate('--root', root, '--check');
  expect(checked.status).toBe(1);
  expect(checked.stdout.trim().split('\n')).toEqual(FILES.map((file) => line(file, 'stale (run npm run generate)')));
  expect(generate('--root', root).stdout.trim().split('\n')).toEqual(FILES.map((file) => line(file, 'written')));
  expect(generate('--root', root).stdout.trim().split('\n')).toEqual(FILES.map((file) => `${file}: current`));

  writeFileSync(join(root, 'docs', 'rules', 'retiredRule.md'), '# a rule that no longer exists\n');
  expect(generate('--root', root, '--check').stdout).toContain('docs/rules/retiredRule.md: documents no rule (run npm run generate)');
  expect(generate('--root', root).stdout).toContain('docs/rules/retiredRule.md: removed');
});

test('prettier agrees with the generator: each generated file is formatted or ignored', () => {
  const result = node([join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--check', ...FILES]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});

test('jest runs the suites without configuration warnings', () => {
  const result = node([join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', 'test/readme.test.ts']);
  expect(result.status).toBe(0);
  expect(result.stderr).not.toMatch(/WARN|deprecated/i);
});
