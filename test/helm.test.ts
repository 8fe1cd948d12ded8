import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { exampleFiles } from '../examples/main';
import { CHECKOUT } from './support/declarations';
import { byKindAndName, helm, NAMESPACE, renderedObjects, ROOT, typescriptFace, valuesFile, helmDescribe, helmTest } from './support/helm';

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
  // startup is required of the kinds that run until deleted (and run of a job): the templates say so (batch-rejections.ts).
  for (const field of ['name', 'image', 'drainSeconds']) expect(result.stderr).toContain(`(root): ${field} is required`);
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
  // A stray folder (node_modules, lib, test) would add megabytes.
  expect(statSync(archive).size).toBeLessThan(256 * 1024);
});

helmTest("the README's figure of the packed chart's size is true (within 15 %)", () => {
  const kilobytes = statSync(packageChart()).size / 1000;
  const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const claims = [...README.matchAll(/(?:~|about )(\d+) kB/g)].map((match) => Number(match[1]));
  expect(claims.length).toBeGreaterThanOrEqual(2);
  for (const claim of claims) expect(Math.abs(claim - kilobytes) / kilobytes).toBeLessThan(0.15);
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

/** The YAML block that follows `<!-- subchart:<name> -->` in README.md. */
function readmeBlock(name: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = readme.split(`<!-- subchart:${name} -->\n\`\`\`yaml\n`)[1]?.split('```')[0];
  if (block === undefined) throw new Error(`README.md has no subchart:${name} block`);
  return block;
}

helmDescribe("the README's parent chart, built with helm dependency build from a file:// folder", () => {
  const parent = mkdtempSync(join(tmpdir(), 'hardened-parent-'));
  beforeAll(() => {
    // The README's file://../hardened-workloads: a folder next to the parent chart holding this chart.
    symlinkSync(ROOT, join(parent, 'hardened-workloads'));
    mkdirSync(join(parent, 'shop'));
    writeFileSync(join(parent, 'shop', 'Chart.yaml'), readmeBlock('chart'));
    writeFileSync(join(parent, 'shop', 'values.yaml'), readmeBlock('values'));
    const built = helm(['dependency', 'build', join(parent, 'shop')]);
    if (built.status !== 0) throw new Error(built.stderr);
  });

  test('renders each aliased workload as the constructs synthesize it, with --set-string for a string value', () => {
    const values = parse(readmeBlock('values'));
    const result = helm(['template', 'shop', join(parent, 'shop'), '--namespace', NAMESPACE, '--set-string', 'checkout.env.RETRIES=3']);
    expect(result.stderr).toBe('');
    expect(byKindAndName(renderedObjects(result))).toEqual({
      ...typescriptFace({ ...values.checkout, env: { RETRIES: '3' } }).objects,
      ...typescriptFace(values.mailer).objects,
    });
  });
  test('--set makes 3 a number, which the templates refuse for an environment value, saying to quote it', () => {
    const result = helm(['template', 'shop', join(parent, 'shop'), '--set', 'checkout.env.RETRIES=3']);
    expect(result.status).toBe(1);
    // An environment value is a string or a source object: the message names the field and how to write it.
    expect(result.stderr).toContain(
      '- env.RETRIES: 3\n    rule: must be a string; unquoted, YAML reads it as the number 3\n    fix:  write it in quotes: RETRIES: "3"',
    );
  });
});

helmTest('the release name changes nothing: object names come from the declaration', () => {
  const values = valuesFile(CHECKOUT);
  const render = (release: string) => helm(['template', release, ROOT, '--values', values]).stdout.replace(/^# Source: .*$/gm, '');
  expect(render('one')).toBe(render('two'));
});
