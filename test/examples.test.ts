import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseManifests } from '../src/files/manifests';
import { checkInvariants, RULES, ruleOfInvariant } from '../src';
import { KINDS } from '../src/kinds/table';
import { workloadsFromManifests } from '../src/manifests/facts';
import { buildApp, exampleFiles } from '../examples/main';
import { objectSchemaErrors } from './support/gateway-api-schema';
import { unacknowledgedPodFindings } from './support/manifests';

const ROOT = join(__dirname, '..');
/** The controllers the kinds map to (src/kinds/table.ts). */
const CONTROLLERS = [...new Set(Object.values(KINDS).map((entry) => entry.controller as string))];

/** Synthesizes the examples app into a fresh folder and returns each file's text by name. */
function synthesizeExamples(): Record<string, string> {
  const outdir = mkdtempSync(join(tmpdir(), 'hardened-examples-'));
  buildApp(outdir).synth();
  return Object.fromEntries(readdirSync(outdir).map((file) => [file, readFileSync(join(outdir, file), 'utf8')]));
}

const synthesized = synthesizeExamples();
/** As the README says: every example file but the app itself is synthesized to dist/<file>.k8s.yaml. */
const expectedFiles = readdirSync(join(ROOT, 'examples'))
  .filter((file) => file !== 'main.ts')
  .map((file) => `${file.replace(/\.(yaml|ts)$/, '')}.k8s.yaml`)
  .sort();

test('there are at least four declaration examples, and each example file is synthesized to dist/<file>.k8s.yaml', () => {
  expect(exampleFiles().length).toBeGreaterThanOrEqual(4);
  expect(Object.keys(synthesized).sort()).toEqual(expectedFiles);
});

describe.each(expectedFiles)('%s', (file) => {
  const text = synthesized[file]!;
  const objects = parseManifests(text, file);

  test('matches the reviewed snapshot', () => {
    expect(text).toMatchSnapshot();
  });

  test('every object is valid against the Kubernetes 1.28 API schema (routes against the Gateway API v1.2.1 CRDs)', () => {
    expect(objects.map((object) => ({ kind: object.kind, errors: objectSchemaErrors(object) }))).toEqual(
      objects.map((object) => ({ kind: object.kind, errors: [] })),
    );
  });

  test('every pod template meets the restricted Pod Security Standard, but for an acknowledged host path', () => {
    const controllers = objects.filter((object) => CONTROLLERS.includes(String(object.kind)));
    expect(controllers.length).toBeGreaterThan(0);
    for (const controller of controllers) expect(unacknowledgedPodFindings(controller)).toEqual([]);
  });

  test('every invariant that applies to its kind holds', () => {
    for (const workload of workloadsFromManifests(objects)) {
      const kind = workload.facts.subject.split('/')[0]!;
      const applying = checkInvariants(workload.facts, workload.declared).filter((result) =>
        (RULES[ruleOfInvariant(result.id)].kinds as readonly string[]).includes(kind),
      );
      expect(applying.length).toBeGreaterThan(0);
      expect(applying.filter((result) => result.status !== 'holds')).toEqual([]);
    }
  });
});

test('synthesis is deterministic: two runs are byte-identical', () => {
  expect(synthesizeExamples()).toEqual(synthesized);
});

test('`cdk8s synth` with the repository cdk8s.yaml writes every example', () => {
  const output = mkdtempSync(join(tmpdir(), 'hardened-cdk8s-'));
  execFileSync(join(ROOT, 'node_modules', '.bin', 'cdk8s'), ['synth', '--no-check-upgrade', '--output', output], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  const written = Object.fromEntries(readdirSync(output).map((file) => [file, readFileSync(join(output, file), 'utf8')]));
  expect(written).toEqual(synthesized);
});
