import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { isDeclarationError, readDeclarations, synthesizeObjects, type WorkloadSpec } from '../src';
import { exampleFiles } from '../examples/main';
import { valuesSchema, valuesYaml } from '../scripts/generate-chart-files';
import { clean, overrides, SEED, validDeclaration } from './support/arbitraries';
import { CHECKOUT, CHECKOUT_ANNOTATIONS, checkoutWith } from './support/declarations';
import { byKindAndName, helm, helmAsync, helmTemplateArgs, pooled, renderedObjects, ROOT, valuesFile } from './support/helm';

/**
 * The Helm face: the repository root is a chart that renders exactly what the constructs
 * synthesize, with the same validation and the same messages. Every test runs the real helm.
 */

/** What the TypeScript face makes of a declaration: its objects, or its error message. */
function typescriptFace(declaration: unknown): { objects?: Record<string, unknown>; error?: string } {
  try {
    return { objects: byKindAndName(synthesizeObjects([declaration as WorkloadSpec])) };
  } catch (error) {
    if (!isDeclarationError(error)) throw error;
    return { error: error.message };
  }
}

/** helm's `fail` message without its location prefix and trailing hint. */
function failMessage(stderr: string): string {
  return stderr
    .replace(/^Error: execution error at \([^)]*\): /, '')
    .replace(/\n+Use --debug flag to render out invalid YAML\n*$/, '')
    .trim();
}

describe('the chart', () => {
  const chart = parse(readFileSync(join(ROOT, 'Chart.yaml'), 'utf8'));

  test('is an application chart whose version follows package.json', () => {
    expect(chart).toMatchObject({ apiVersion: 'v2', name: 'hardened-workloads', type: 'application' });
    expect(chart.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  test('values.schema.json and values.yaml are generated from the declaration schema and not stale', () => {
    expect(readFileSync(join(ROOT, 'values.schema.json'), 'utf8')).toBe(valuesSchema());
    expect(readFileSync(join(ROOT, 'values.yaml'), 'utf8')).toBe(valuesYaml());
  });

  test('with the default values alone it fails and names every required field, rendering nothing', () => {
    const result = helm(['template', 'release', ROOT]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    for (const field of ['name', 'image', 'startup', 'drainSeconds']) expect(result.stderr).toContain(`(root): ${field} is required`);
  });

  test.each(exampleFiles().map((file) => [basename(file)]))('helm lint --strict is clean with %s', (file) => {
    const result = helm(['lint', '--strict', ROOT, '--values', join(ROOT, 'examples', file)]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
  });

  test('helm package contains only the chart', () => {
    const output = mkdtempSync(join(tmpdir(), 'hardened-package-'));
    expect(helm(['package', ROOT, '--destination', output]).status).toBe(0);
    const [archive] = readdirSync(output);
    expect(archive).toBe(`hardened-workloads-${chart.version}.tgz`);
    const files = execFileSync('tar', ['-tzf', join(output, archive!)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .sort();
    expect(files).toEqual(
      [
        '.helmignore',
        'Chart.yaml',
        'templates/_annotations.tpl',
        'templates/_helpers.tpl',
        'templates/_invariants.tpl',
        'templates/_labels.tpl',
        'templates/_probes.tpl',
        'templates/_relations.tpl',
        'templates/_resolved.tpl',
        'templates/_spec.tpl',
        'templates/_timings.tpl',
        'templates/deployment.yaml',
        'templates/hpa.yaml',
        'templates/networkpolicy.yaml',
        'templates/poddisruptionbudget.yaml',
        'templates/service.yaml',
        'templates/serviceaccount.yaml',
        'values.schema.json',
        'values.yaml',
        'README.md',
      ]
        .map((file) => `hardened-workloads/${file}`)
        .sort(),
    );
    expect(statSync(join(output, archive!)).size).toBeLessThan(40 * 1024);
  });
});

describe('parity: helm template renders the objects the constructs synthesize', () => {
  test.each(exampleFiles().map((file) => [basename(file)]))('%s', (file) => {
    const [declaration] = readDeclarations(join(ROOT, 'examples', file));
    const result = helm(helmTemplateArgs(valuesFile(declaration)));
    expect(result.stderr).toBe('');
    expect(byKindAndName(renderedObjects(result.stdout))).toEqual(typescriptFace(declaration).objects);
  });

  test('including the review annotations, word for word', () => {
    const result = helm(
      helmTemplateArgs(valuesFile(checkoutWith({ replicas: 1, acknowledge: { singleReplica: 'preview environment, downtime is fine' } }))),
    );
    const deployment = renderedObjects(result.stdout).find((object) => object.kind === 'Deployment')!;
    expect(deployment.metadata?.annotations).toEqual({
      ...CHECKOUT_ANNOTATIONS,
      'hardened-workloads.io/acknowledged': 'singleReplica: preview environment, downtime is fine',
    });
  });

  test('250 random valid declarations give deep-equal objects', async () => {
    const declarations = fc.sample(validDeclaration, { seed: SEED, numRuns: 250 }).map(clean);
    const outcomes = await pooled(declarations, 4, async (declaration) => {
      const result = await helmAsync(helmTemplateArgs(valuesFile(declaration)));
      return { declaration, helm: result.status === 0 ? byKindAndName(renderedObjects(result.stdout)) : result.stderr };
    });
    for (const { declaration, helm: rendered } of outcomes) {
      expect({ declaration, objects: rendered }).toEqual({ declaration, objects: typescriptFace(declaration).objects });
    }
  });

  test('250 random declarations with overrides: the same objects, or the same rejection word for word', async () => {
    const declarations = fc.sample(fc.tuple(validDeclaration, overrides), { seed: SEED + 1, numRuns: 250 }).map(([declaration, extra]) =>
      clean({
        ...declaration,
        overrides: extra.overrides,
        acknowledge: { ...declaration.acknowledge, ...Object.fromEntries(extra.acknowledge.map((id) => [id, extra.reason])) },
      }),
    );
    const outcomes = await pooled(declarations, 4, async (declaration) => ({
      declaration,
      result: await helmAsync(helmTemplateArgs(valuesFile(declaration))),
    }));
    let accepted = 0;
    for (const { declaration, result } of outcomes) {
      const expected = typescriptFace(declaration);
      const rendered =
        result.status === 0 ? { objects: byKindAndName(renderedObjects(result.stdout)) } : { error: failMessage(result.stderr) };
      expect({ declaration, ...rendered }).toEqual({ declaration, ...expected });
      if (expected.objects) accepted++;
    }
    // Both outcomes must be exercised, or this test proves less than it says.
    expect(accepted).toBeGreaterThan(75);
    expect(declarations.length - accepted).toBeGreaterThan(75);
  });
});

/**
 * Invalid declarations rejected by both faces. Shape errors are found by helm's JSON Schema
 * validation (its own wording), the rest by `fail` in the templates (the TypeScript wording); every
 * message names the offending field.
 */
const REJECTIONS: Array<[string, unknown, string[]]> = [
  ['a string where seconds belong', checkoutWith({ drainSeconds: '30s' }), ['drainSeconds']],
  ['fractional seconds', checkoutWith({ startup: { maxSeconds: 1.5 } }), ['startup.maxSeconds']],
  ['negative seconds', checkoutWith({ drainSeconds: -5 }), ['drainSeconds']],
  ['a missing image', checkoutWith({ image: undefined }), ['image']],
  ['a missing drain time', checkoutWith({ drainSeconds: undefined }), ['drainSeconds']],
  ['an untagged image', checkoutWith({ image: 'ghcr.io/acme/checkout' }), ['image']],
  ['the latest tag', checkoutWith({ image: 'ghcr.io/acme/checkout:latest' }), ['image']],
  ['an unknown field', checkoutWith({ drainSecond: 30 }), ['drainSecond']],
  ['a misspelled nested field', checkoutWith({ health: { readiness: { paht: '/readyz' } } }), ['health.readiness', 'paht']],
  ['an unknown kind', checkoutWith({ kind: 'cron' }), ['kind']],
  ['an invalid environment variable name', checkoutWith({ env: { 'LOG-LEVEL': 'debug' } }), ['env', 'LOG-LEVEL']],
  ['a web workload without a port', checkoutWith({ port: undefined }), ['port']],
  ['a web workload without readiness', checkoutWith({ health: {} }), ['health.readiness']],
  ['one replica without acknowledgement', checkoutWith({ replicas: 1 }), ['replicas']],
  [
    'a maximum startup below the typical one',
    checkoutWith({ startup: { typicalSeconds: 100, maxSeconds: 90 } }),
    ['startup.typicalSeconds'],
  ],
  [
    'liveness identical to readiness',
    checkoutWith({ health: { readiness: { path: '/health' }, liveness: { path: '/health' } } }),
    ['health.liveness'],
  ],
  [
    'a grace override shorter than preStop + drain + 5',
    checkoutWith({ overrides: { terminationGracePeriodSeconds: 20 } }),
    ['overrides.terminationGracePeriodSeconds'],
  ],
  ['no surge with no unavailability', checkoutWith({ overrides: { maxSurge: 0 } }), ['overrides.maxSurge']],
  ['a grace period over ten minutes', checkoutWith({ drainSeconds: 700 }), ['drainSeconds']],
  ['exec sleep in a distroless image', checkoutWith({ image: 'gcr.io/distroless/static-debian12:nonroot' }), ['preStop.type']],
  [
    'an acknowledgement that excuses nothing',
    checkoutWith({ acknowledge: { singleReplica: 'we like to be safe here' } }),
    ['acknowledge.singleReplica'],
  ],
  [
    'an unknown acknowledgement',
    checkoutWith({ acknowledge: { pdbAllowsDisruption: 'we really want this' } }),
    ['acknowledge', 'pdbAllowsDisruption'],
  ],
];

describe('rejection parity: both faces reject, and each message names the field', () => {
  test.each(REJECTIONS)('%s', (_, declaration, fields) => {
    const expected = typescriptFace(declaration);
    const result = helm(helmTemplateArgs(valuesFile(declaration)));
    expect(expected.error).toBeDefined();
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    for (const field of fields) {
      expect(expected.error).toContain(field);
      expect(result.stderr).toContain(field);
    }
  });

  test('where the templates reject, the message is the TypeScript one, word for word', () => {
    const declaration = checkoutWith({ replicas: 1, overrides: { terminationGracePeriodSeconds: 20 } });
    expect(failMessage(helm(helmTemplateArgs(valuesFile(declaration))).stderr)).toBe(typescriptFace(declaration).error);
  });
});

test('a release renders only its own workload: the release name changes nothing', () => {
  const values = valuesFile(CHECKOUT);
  expect(helm(['template', 'one', ROOT, '--values', values]).stdout.replace(/^# Source: .*$/gm, '')).toBe(
    helm(['template', 'two', ROOT, '--values', values]).stdout.replace(/^# Source: .*$/gm, ''),
  );
});
