import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeclarationError, parseDeclarations, type Problem } from '../src';
import { checkManifests } from '../src/manifests/run';
import { byKindAndName, helm, helmAsync, helmTemplateArgs, helmTest, renderedObjects, typescriptFace } from './support/helm';

/** Text that only looks like exponent notation is text, as Helm's parser (go-yaml) reads it. */
describe('numbers in exponent notation need a digit before the exponent', () => {
  test.each([
    ['e0', 'e0'],
    ['E7', 'E7'],
    ['.e1', '.e1'],
    ['0e0', 0],
    ['1.5e3', 1500],
    ['.5e1', 5],
  ])('%s reads as %j', (text, value) => {
    expect((parseDeclarations(`name: ${text}`, 'values.yaml')[0] as { name: unknown }).name).toEqual(value);
  });

  test('check reads a workload named e0 (it took the name for NaN and refused the document)', () => {
    const manifest = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: e0 }',
      'spec:',
      '  selector: { matchLabels: { app: e0 } }',
      '  template:',
      '    metadata: { labels: { app: e0 } }',
      '    spec: { containers: [{ name: app, image: registry.example/app:1.0.0 }] }',
    ].join('\n');
    expect(checkManifests([{ name: 'e0.yaml', text: manifest }]).workloads.map((workload) => workload.subject)).toEqual(['Deployment/e0']);
  });
});

/**
 * Issue 19 §2: the command line reads every plain scalar of a declaration file as Helm reads it in
 * a values file (go-yaml through sigs.k8s.io/yaml, YAML 1.1 with Go's number syntax), proven against
 * the real helm on a chart that prints its values.
 */
const SCALARS = [
  // Go's integer prefixes (strconv.ParseInt with base 0, after go-yaml removes every "_").
  ...['0o3', '0O17', '-0o3', '+0o7', '0x1F', '0X1f', '-0x10', '+0x10', '0b101', '0B11', '-0b11', '0x_1f', '0o_7'],
  // YAML 1.1 octal and decimals with "_".
  ...['03', '010', '-010', '08', '09', '00', '0', '1_000', '1__0', '10_', '-1_0', '+12'],
  // Floats.
  ...[
    '1.',
    '1.5',
    '.5',
    '-.5',
    '+.5',
    '1_0.5',
    '1e3',
    '1.5e3',
    '.5e1',
    '0e0',
    '1e+3',
    '1E-3',
    '1_0e1_0',
    '0.1_0',
    '.5_0',
    '+._5',
    '.5e1_0',
    '.5__0',
    '.5_',
    '._5',
  ],
  // Beyond 64 bits: decimal digits are a float, other digits text.
  ...['0x8000000000000000', '0x1_0000_0000_0000_0000', '99999999999999999999', '-99999999999999999999', '-0x8000000000000001'],
  // Text that only looks like a number in some dialect.
  ...[
    '.',
    '._',
    '_1',
    '_',
    '0o',
    '0x',
    '0b',
    '0o8',
    '0b2',
    '0xg',
    '1e',
    'e0',
    '.e1',
    '1:30',
    '190:20:30',
    '2001-12-14',
    '0.0.1',
    '1_000_000.5.1',
  ],
  // Booleans, nulls and their neighbours.
  ...['yes', 'No', 'ON', 'off', 'y', 'n', 'true', 'False', '~', 'null', 'Null', 'inf', 'nan', 'Infinity'],
  // (.inf and .nan are numbers to both, which JSON, and so Helm's values, cannot hold: Helm stops on them.)
];

/** Helm's reading of each scalar: a chart whose one template prints its values as JSON. */
function helmReads(scalars: readonly string[]): Record<string, unknown> {
  const chart = mkdtempSync(join(tmpdir(), 'hardened-scalars-'));
  mkdirSync(join(chart, 'templates'));
  writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: scalars\nversion: 0.1.0\n');
  writeFileSync(join(chart, 'templates', 'values.yaml'), 'values: {{ toJson .Values | quote }}\n');
  writeFileSync(join(chart, 'values-file.yaml'), scalars.map((scalar, index) => `v${index}: ${scalar}\n`).join(''));
  const result = helm(['template', 'scalars', chart, '--values', join(chart, 'values-file.yaml')]);
  expect(result.stderr).toBe('');
  const values = JSON.parse((parseDeclarations(result.stdout, 'helm template')[0] as { values: string }).values) as Record<string, unknown>;
  return Object.fromEntries(scalars.map((scalar, index) => [scalar, values[`v${index}`]]));
}

helmTest('every plain scalar reads as Helm reads it', () => {
  const helmValues = helmReads(SCALARS);
  const [ours] = parseDeclarations(SCALARS.map((scalar, index) => `v${index}: ${scalar}\n`).join(''), 'values.yaml') as [
    Record<string, unknown>,
  ];
  const cli = Object.fromEntries(SCALARS.map((scalar, index) => [scalar, ours[`v${index}`]]));
  expect(cli).toEqual(helmValues);
});

helmTest('a declaration file with replicas: 0o3 gives three pods in both faces, as its values file in Helm', async () => {
  const text = ['name: checkout', 'image: ghcr.io/acme/checkout:1.4.2', 'port: 8080', 'replicas: 0o3', 'drainSeconds: 30'];
  const yaml = [...text, 'health: { readiness: { path: /readyz } }', 'startup: { maxSeconds: 90 }'].join('\n');
  const [declaration] = parseDeclarations(yaml, 'checkout.yaml');
  const file = join(mkdtempSync(join(tmpdir(), 'hardened-octal-')), 'checkout.yaml');
  writeFileSync(file, yaml);
  const rendered = byKindAndName(renderedObjects(await helmAsync(helmTemplateArgs(file))));
  const synthesized = typescriptFace(declaration).objects ?? {};
  expect((synthesized['Deployment/checkout'] as { spec: { replicas: number } }).spec.replicas).toBe(3);
  expect((rendered['Deployment/checkout'] as { spec: { replicas: number } }).spec.replicas).toBe(3);
});

describe('a key set twice is refused, naming it and both lines, because Helm would keep the last one unseen', () => {
  const VALID = ['name: checkout', 'image: ghcr.io/acme/checkout:1.4.2', 'port: 8080', 'drainSeconds: 30'];
  const HEALTH = ['health:', '  readiness:', '    path: /readyz', '    path: /health'];

  function problemsOf(text: string): Problem[] {
    try {
      parseDeclarations(text, 'checkout.yaml');
    } catch (error) {
      if (isDeclarationError(error)) return [...error.problems];
      throw error;
    }
    throw new Error('the file was accepted');
  }

  test('at the top', () => {
    expect(problemsOf([...VALID, 'replicas: 3', 'replicas: 1'].join('\n'))).toEqual([
      {
        path: 'replicas',
        value: 'line 6, column 1',
        rule: 'checkout.yaml sets replicas twice (lines 5 and 6): Helm would keep only the last one, without a word, so a key may appear once in a map',
        fix: 'remove one of them; Helm cannot find this (helm template and helm lint read the file without a word), so run the command line (synth or explain) on a values file before helm uses it',
      },
    ]);
  });

  test('inside a map, with the path of the field', () => {
    expect(problemsOf([...VALID, ...HEALTH].join('\n')).map(({ path, value }) => [path, value])).toEqual([
      ['health.readiness.path', 'line 8, column 5'],
    ]);
  });

  test('inside a list', () => {
    const text = [...VALID, 'sidecars:', '  - name: proxy', '    name: cache'].join('\n');
    expect(problemsOf(text).map(({ path }) => path)).toEqual(['sidecars[0].name']);
  });

  helmTest('which Helm reads without a word, keeping the last', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hardened-duplicates-')), 'checkout.yaml');
    writeFileSync(file, [...VALID, 'replicas: 3', 'replicas: 4', ...HEALTH.slice(0, 3), 'startup: { maxSeconds: 90 }'].join('\n'));
    const rendered = byKindAndName(renderedObjects(await helmAsync(helmTemplateArgs(file))));
    expect((rendered['Deployment/checkout'] as { spec: { replicas: number } }).spec.replicas).toBe(4);
  });
});
