import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { exampleFiles } from '../examples/main';
import { CHECKOUT } from './support/declarations';
import { byKindAndName, helm, NAMESPACE, renderedObjects, ROOT, typescriptFace, valuesFile, helmTest } from './support/helm';

/**
 * The repository root as a Helm chart: its files, lint, packaging and use as a dependency. Parity
 * with the constructs is in helm-parity.test.ts, rejections in helm-rejections.test.ts. Every test
 * runs the real helm.
 */

const chart = parse(readFileSync(join(ROOT, 'Chart.yaml'), 'utf8'));

/** Packages the chart into a fresh folder; returns the archive's path. */
function packageChart(): string {
  const output = mkdtempSync(join(tmpdir(), 'hardened-package-'));
  const result = helm(['package', ROOT, '--destination', output]);
  if (result.status !== 0) throw new Error(result.stderr);
  return join(output, readdirSync(output)[0]!);
}

test('Chart.yaml describes an application chart whose version is package.json version', () => {
  expect(chart).toMatchObject({ apiVersion: 'v2', name: 'hardened-workloads', type: 'application' });
  expect(chart.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
});

helmTest('with the default values alone it renders nothing and names every required field', () => {
  const result = helm(['template', 'release', ROOT]);
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  for (const field of ['name', 'image', 'startup', 'drainSeconds']) expect(result.stderr).toContain(`(root): ${field} is required`);
});

helmTest.each(exampleFiles().map((file) => [basename(file)]))('helm lint --strict is clean with %s', (file) => {
  const result = helm(['lint', '--strict', ROOT, '--values', join(ROOT, 'examples', file)]);
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
});

helmTest('helm package makes a small archive of the chart files only', () => {
  const archive = packageChart();
  expect(basename(archive)).toBe(`hardened-workloads-${chart.version}.tgz`);
  const files = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).trim().split('\n').sort();
  const templates = readdirSync(join(ROOT, 'templates')).map((file) => `templates/${file}`);
  expect(files).toEqual(
    ['.helmignore', 'Chart.yaml', 'LICENSE', 'README.md', 'values.schema.json', 'values.yaml', ...templates]
      .map((file) => `hardened-workloads/${file}`)
      .sort(),
  );
  expect(statSync(archive).size).toBeLessThan(40 * 1024);
});

helmTest('as a dependency of another chart, which hands it global values, it renders the same objects', () => {
  const umbrella = mkdtempSync(join(tmpdir(), 'hardened-umbrella-'));
  mkdirSync(join(umbrella, 'charts'));
  execFileSync('cp', [packageChart(), join(umbrella, 'charts')]);
  writeFileSync(
    join(umbrella, 'Chart.yaml'),
    stringify({
      apiVersion: 'v2',
      name: 'shop',
      version: '1.0.0',
      dependencies: [{ name: 'hardened-workloads', version: chart.version, repository: `file://${ROOT}` }],
    }),
  );
  writeFileSync(
    join(umbrella, 'values.yaml'),
    stringify({ global: { imageRegistry: 'mirror.example.com' }, 'hardened-workloads': CHECKOUT }),
  );
  const result = helm(['template', 'shop', umbrella, '--namespace', NAMESPACE]);
  expect(result.stderr).toBe('');
  expect(byKindAndName(renderedObjects(result))).toEqual(typescriptFace(CHECKOUT).objects);
});

helmTest('the release name changes nothing: object names come from the declaration', () => {
  const values = valuesFile(CHECKOUT);
  const render = (release: string) => helm(['template', release, ROOT, '--values', values]).stdout.replace(/^# Source: .*$/gm, '');
  expect(render('one')).toBe(render('two'));
});
