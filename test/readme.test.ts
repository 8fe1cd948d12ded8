import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { declarationJsonSchema, parseDeclarations, synthesizeObjects } from '../src';
import type { KubernetesObject } from '../src/manifests/facts';
import { CHECKOUT } from './support/declarations';
import { mainContainer } from './support/manifests';
import { isAbsentKey, type JsonSchemaNode } from '../src/declaration/json-schema';
import { run } from '../src/cli/program';

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const TABLE_ROWS = README.split('\n').filter((line) => line.startsWith('| `') || line.startsWith('| [`'));

test('the README field table documents every top-level field of the declaration', () => {
  const firstCells = TABLE_ROWS.map((line) => line.split('|')[1]!);
  const fields = Object.keys(declarationJsonSchema().properties ?? {});
  const missing = fields.filter((field) => !firstCells.some((cell) => cell.includes(`\`${field}\``) || cell.includes(`\`${field}.`)));
  expect(missing).toEqual([]);
});

/** The names of every field below the top level, in objects, unions and lists (not the keys of maps). */
function nestedFieldNames(node: JsonSchemaNode): string[] {
  return (node.anyOf ?? [node]).flatMap((member) => [
    ...Object.entries(member.properties ?? {})
      .filter(([, child]) => !isAbsentKey(child))
      .flatMap(([key, child]) => [key, ...nestedFieldNames(child)]),
    ...(member.items ? nestedFieldNames(member.items) : []),
  ]);
}

test('the README field table names every nested field too', () => {
  const named = new Set(TABLE_ROWS.flatMap((line) => (line.match(/`[^`]*`/g) ?? []).flatMap((code) => code.match(/[A-Za-z]+/g) ?? [])));
  const nested = Object.values(declarationJsonSchema().properties ?? {}).flatMap(nestedFieldNames);
  expect([...new Set(nested)].filter((name) => !named.has(name))).toEqual([]);
});

test('the configuration example is a valid declaration, and renders every part it shows', () => {
  const block = README.split('<!-- configuration:example -->\n```yaml\n')[1]!.split('```')[0]!;
  const objects = synthesizeObjects([{ ...CHECKOUT, ...(parseDeclarations(block, 'README.md')[0] as object) }]) as KubernetesObject[];
  const container = mainContainer(objects);
  expect(container.env.map((entry: { name: string }) => entry.name)).toEqual([
    'DB_HOST',
    'DB_PASSWORD',
    'DATABASE_URL',
    'POD_NAME',
    'HEAP_MB',
  ]);
  expect(container.volumeMounts.map((mount: { mountPath: string }) => mount.mountPath)).toEqual([
    '/tmp',
    '/etc/orders/tls',
    '/var/cache/orders',
    '/config/application.yaml',
  ]);
  expect(objects.map((object) => object.kind)).toContain('ConfigMap');
});

test('the README gives the two set-up commands', () => {
  expect(README).toContain('npm ci && npm run synth');
  expect(README).toContain('npm test');
});

test('every relative link of the README points at a file the npm package ships', () => {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }));
  const shipped = new Set((packed.files as Array<{ path: string }>).map((file) => file.path));
  const targets = [...README.matchAll(/\]\(([^)#\s]+)[^)]*\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/.test(target));
  expect(targets.length).toBeGreaterThan(5);
  expect(targets.filter((target) => !shipped.has(target))).toEqual([]);
});

describe('"Bringing an existing service over" is the output of adopt on test/fixtures/adopt-review/helm-create-web.yaml', () => {
  const section = README.split('## Bringing an existing service over')[1]!.split('\n## ')[0]!;
  const folder = mkdtempSync(join(tmpdir(), 'hardened-readme-adopt-'));
  const out: string[] = [];
  const code = run(['adopt', join(ROOT, 'test', 'fixtures', 'adopt-review', 'helm-create-web.yaml'), '-o', folder], {
    stdout: (text) => out.push(text),
    stderr: () => undefined,
  });

  test('the declaration shown is the file adopt -o writes, comments included', () => {
    const shown = section.split('writes `declarations/shop-web.yaml`')[1]!.split('```yaml\n')[1]!.split('```')[0]!;
    expect(shown).toBe(readFileSync(join(folder, 'shop-web.yaml'), 'utf8'));
  });

  test('every review line shown is a line of the review adopt prints, and it exits 3 (drainSeconds is CONFIRM)', () => {
    const shown = section.split('```text\n')[1]!.split('```')[0]!.split('\n');
    const printed = new Set(
      out
        .join('')
        .split('\n')
        .map((line) => line.replace(/^ {2}/, '')),
    );
    expect(shown.filter((line) => line.trim() !== '' && line.trim() !== '…' && !printed.has(line))).toEqual([]);
    expect(code).toBe(3);
  });
});
