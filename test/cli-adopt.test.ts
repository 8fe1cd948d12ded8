import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { AdoptedWorkload, KubernetesObject, ObjectReview } from '../src/adopt/types';
import { run } from '../src/cli/program';
import { ADOPT_EXIT, type AdoptFlags, type Adopter, runAdopt, SYNTHESIZER } from '../src/cli/adopt';
import type { WorkloadSpec } from '../src/declaration/schema';
import { synthesizeObjects, synthesizeYaml } from '../src/synth';

/**
 * `adopt` as a command: what it reads, writes and prints, and its exit codes. The inference is
 * given here (an adopter that knows the answer), so that these tests are about the command:
 * reading, synthesizing what the written declaration says, reviewing, writing, exiting.
 */
const DECLARATION = parse(readFileSync('examples/fastapi-uvicorn.yaml', 'utf8')) as WorkloadSpec;
const OUTPUT = synthesizeObjects([DECLARATION]) as KubernetesObject[];
/** The current manifests: our output with the grace period of an older, unhardened version. */
const CURRENT = structuredClone(OUTPUT).map((object) => {
  if (object.kind === 'Deployment') object.spec.template.spec.terminationGracePeriodSeconds = 30;
  return object;
});

const scratch = () => mkdtempSync(join(tmpdir(), 'hardened-adopt-cli-'));
function manifests(objects: readonly KubernetesObject[] = CURRENT): string {
  const path = join(scratch(), 'rendered.yaml');
  writeFileSync(path, objects.map((object) => stringify(object)).join('---\n'));
  return path;
}

function adopted(overrides: Partial<AdoptedWorkload> = {}): AdoptedWorkload {
  return {
    workload: 'Deployment/reports-api',
    input: CURRENT,
    declaration: DECLARATION as unknown as Record<string, unknown>,
    inferences: [
      { field: 'drainSeconds', value: 25, source: 'UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN=25 (Deployment/reports-api)', confirm: false },
    ],
    dropped: [],
    ambiguities: [],
    ...overrides,
  };
}

function adopter(
  workloads: AdoptedWorkload[] = [adopted()],
  write = (workload: AdoptedWorkload) => stringify(workload.declaration),
): Adopter & { read: KubernetesObject[] } {
  const fake = {
    read: [] as KubernetesObject[],
    adoptManifests: (objects: readonly KubernetesObject[]) => {
      fake.read.push(...objects);
      return workloads;
    },
    writeDeclaration: write,
  };
  return fake;
}

const synthesizer = SYNTHESIZER;

function adopt(flags: Partial<AdoptFlags> = {}, fake = adopter(), inputs = [manifests()]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runAdopt(
    inputs,
    { format: 'text', ...flags },
    { stdout: (text) => out.push(text), stderr: (text) => err.push(text) },
    fake,
    synthesizer,
  );
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('exit codes', () => {
  test('0: every value inferred from the input; the report reviews what changes, with the rule and the numbers', () => {
    const result = adopt();
    expect(result.code).toBe(ADOPT_EXIT.ok);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(
      '    spec.template.spec.terminationGracePeriodSeconds 30 → 40 (graceCoversShutdown: grace = preStop 10 + drain 25 + margin 5)',
    );
    expect(result.stdout).toContain('  drainSeconds = 25 (UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN=25 (Deployment/reports-api))');
  });

  test('the manifests are read as check reads them: every object of every input, in order', () => {
    const fake = adopter();
    adopt({}, fake);
    expect(fake.read.map((object) => `${object.kind}/${object.metadata?.name}`)).toEqual(
      CURRENT.map((object) => `${object.kind}/${object.metadata?.name}`),
    );
  });

  test('3: a value marked CONFIRM, named on stderr, until confirmed', () => {
    const unsure = adopted({ inferences: [{ field: 'drainSeconds', value: 30, source: 'nothing in the input says', confirm: true }] });
    const result = adopt({}, adopter([unsure]));
    expect(result.code).toBe(ADOPT_EXIT.confirm);
    expect(ADOPT_EXIT.confirm).toBe(3);
    expect(result.stderr).toContain('  Deployment/reports-api: drainSeconds is marked CONFIRM\n');
    expect(result.stdout).toContain('  drainSeconds = 30 CONFIRM (nothing in the input says)');
  });

  test('3: an open ambiguity, with what resolves it', () => {
    const ambiguous = adopted({
      ambiguities: [{ object: 'Deployment/reports-api', message: 'two Services select it', resolve: 'keep.names.Service' }],
    });
    const result = adopt({}, adopter([ambiguous]));
    expect(result.code).toBe(ADOPT_EXIT.confirm);
    expect(result.stderr).toContain('Deployment/reports-api: ambiguous, resolve with keep.names.Service');
  });

  test('0 with --accept-inferred, the CONFIRM values still reported', () => {
    const unsure = adopted({ inferences: [{ field: 'drainSeconds', value: 30, source: 'nothing in the input says', confirm: true }] });
    const result = adopt({ acceptInferred: true }, adopter([unsure]));
    expect(result.code).toBe(ADOPT_EXIT.ok);
    expect(result.stdout).toContain('1 value(s) to confirm: drainSeconds');
  });

  test('1: a written declaration that does not synthesize is a bug of adopt, said so, and nothing is written', () => {
    const folder = join(scratch(), 'declarations');
    const result = adopt(
      { output: folder },
      adopter([adopted()], () => 'name: reports-api\nimage: ghcr.io/acme/reports-api:2.3.0\nport: -1\n'),
    );
    expect(result.code).toBe(ADOPT_EXIT.invalid);
    expect(result.stderr).toMatch(
      /^hardened-workloads adopt: the declaration written for Deployment\/reports-api does not synthesize — a bug of adopt/,
    );
    expect(result.stdout).toBe('');
    expect(() => readFileSync(join(folder, 'reports-api.yaml'))).toThrow();
  });

  test('2: no workload in the input', () => {
    const result = adopt({}, adopter([]));
    expect(result.code).toBe(ADOPT_EXIT.usage);
    expect(result.stderr).toMatch(/^hardened-workloads adopt: no workload \(Deployment, StatefulSet, DaemonSet, Job, CronJob\) in /);
  });

  test('2: --workload that names none of them, listing those there are', () => {
    expect(() => adopt({ workload: 'checkout' })).toThrow(
      'error: no workload named "checkout" in the input (it has: Deployment/reports-api)',
    );
  });
});

describe('what it writes', () => {
  test('-o writes <instance>.yaml, exactly the written declaration, and the report names the file', () => {
    const folder = join(scratch(), 'declarations');
    const result = adopt({ output: folder });
    const file = join(folder, 'reports-api.yaml');
    expect(readFileSync(file, 'utf8')).toBe(stringify(DECLARATION));
    expect(result.stdout.split('\n')[0]).toBe(`Deployment/reports-api → ${file}`);
    expect(result.stdout).not.toContain('Declaration (reports-api.yaml)');
  });

  test('without -o the declaration is printed with the review', () => {
    expect(adopt().stdout).toContain(`Declaration (reports-api.yaml)\n  name: reports-api\n`);
  });

  test.each(['reports-api', 'Deployment/reports-api', 'Deployment/shop/reports-api'])('--workload %s keeps only the named one', (name) => {
    const named = adopted({ workload: 'Deployment/shop/reports-api' });
    const other = adopted({ workload: 'Deployment/shop/other' });
    const result = adopt({ workload: name }, adopter([named, other]));
    expect(result.stdout.split('\n')[0]).toBe('Deployment/shop/reports-api');
    expect(result.stdout).not.toContain('Deployment/shop/other');
  });

  test('--service reaches the inference, which resolves with it which Service the declaration replaces', () => {
    const seen: unknown[] = [];
    const fake = adopter();
    const recording = {
      ...fake,
      adoptManifests: (objects: readonly KubernetesObject[], options?: unknown) => (seen.push(options), fake.adoptManifests(objects)),
    };
    adopt({ service: 'reports-api' }, recording);
    expect(seen).toEqual([{ service: 'reports-api' }]);
  });

  test('--format json: the review with the inferences, dropped fields and ambiguities, for tools', () => {
    const report = JSON.parse(adopt({ format: 'json' }).stdout);
    expect(Object.keys(report.workloads[0])).toEqual(['workload', 'inferences', 'dropped', 'ambiguities', 'review', 'declaration']);
    expect(report.workloads[0].review.find((entry: { object: string }) => entry.object === 'Deployment/reports-api').changes).toEqual([
      {
        path: 'spec.template.spec.terminationGracePeriodSeconds',
        before: 30,
        after: 40,
        rule: 'graceCoversShutdown',
        reason: 'grace = preStop 10 + drain 25 + margin 5',
      },
    ]);
  });

  test('--diff adds the unified diff of the YAML, current against synthesized', () => {
    const result = adopt({ diff: true });
    expect(result.stdout).toContain(
      ['Diff (a/ current, b/ synthesized)', '--- a/Deployment/reports-api.yaml', '+++ b/Deployment/reports-api.yaml'].join('\n'),
    );
    expect(result.stdout).toContain('-      terminationGracePeriodSeconds: 30\n+      terminationGracePeriodSeconds: 40\n');
  });
});

describe('end to end: the command with the inference', () => {
  const HELM_CREATE = 'test/fixtures/adopt-review/helm-create-web.yaml';
  function command(args: readonly string[], stdin?: string) {
    const out: string[] = [];
    const err: string[] = [];
    const code = run(args, { stdout: (text) => out.push(text), stderr: (text) => err.push(text), readStdin: () => stdin ?? '' });
    return { code, stdout: out.join(''), stderr: err.join('') };
  }
  const reviewOf = (stdout: string, object: string) =>
    (JSON.parse(stdout).workloads[0].review as ObjectReview[]).find((entry) => entry.object === object)!;

  test.each(['fastapi-uvicorn', 'spring-boot-alb', 'valkey-stateful'])(
    'adopting our own synthesized %s changes nothing: every object unchanged, its name, selector and Service ports kept',
    (example) => {
      // As `synth` writes it.
      const synthesized = join(scratch(), `${example}.k8s.yaml`);
      writeFileSync(synthesized, synthesizeYaml([parse(readFileSync(`examples/${example}.yaml`, 'utf8'))]));
      const result = command(['adopt', synthesized, '--format', 'json']);
      expect(result.code).toBe(ADOPT_EXIT.ok);
      const reviews = JSON.parse(result.stdout).workloads[0].review as ObjectReview[];
      expect(reviews.filter(({ status }) => status !== 'unchanged')).toEqual([]);
      expect(reviews.find(({ object }) => object.startsWith('Service/'))?.kept ?? ['name', 'selector', 'Service ports']).toEqual([
        'name',
        'selector',
        'Service ports',
      ]);
    },
  );

  test('a chart made with helm create: exit 3 while the drain time is a placeholder, the grace period reviewed with its rule', () => {
    const result = command(['adopt', HELM_CREATE]);
    expect(result.code).toBe(ADOPT_EXIT.confirm);
    expect(result.stderr).toContain('Deployment/shop-web: drainSeconds is marked CONFIRM');
    expect(result.stdout).toContain(
      '    spec.template.spec.terminationGracePeriodSeconds absent (30) → 45 (graceCoversShutdown: grace = preStop 10 + drain 30 + margin 5)',
    );
    expect(result.stdout).toContain('  drainSeconds: 30 # CONFIRM');
  });

  test('a chart made with helm create: the Service keeps its name and ports, a PodDisruptionBudget is added', () => {
    const result = command(['adopt', HELM_CREATE, '--format', 'json', '--accept-inferred']);
    expect(result.code).toBe(ADOPT_EXIT.ok);
    expect(reviewOf(result.stdout, 'Service/shop-web').kept).toEqual(expect.arrayContaining(['name', 'Service ports']));
    expect(reviewOf(result.stdout, 'PodDisruptionBudget/shop-web')).toMatchObject({
      status: 'added',
      changes: [{ rule: 'podDisruptionBudget' }],
    });
  });

  test('standard input, as check reads it, and -o: the written declaration is one synth accepts', () => {
    const folder = join(scratch(), 'declarations');
    const result = command(['adopt', '-', '-o', folder, '--accept-inferred'], readFileSync(HELM_CREATE, 'utf8'));
    expect(result.code).toBe(ADOPT_EXIT.ok);
    const written = join(folder, 'shop-web.yaml');
    expect(readFileSync(written, 'utf8')).toMatch(/^drainSeconds: 30 # CONFIRM/m);
    const synth = command(['synth', written]);
    expect(synth.stderr).toBe('');
    expect(synth.code).toBe(0);
  });

  test('2: an input that cannot be read', () => {
    const result = command(['adopt', join(scratch(), 'missing.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/missing\.yaml: cannot be read/);
  });

  test('--help names every flag and the exit codes', () => {
    const result = command(['adopt', '--help']);
    expect(result.code).toBe(0);
    for (const flag of ['--workload', '--service', '--output', '--format', '--diff', '--accept-inferred'])
      expect(result.stdout).toContain(flag);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain(
      'Exit 0 done, 3 a value is marked CONFIRM or ambiguous (unless --accept-inferred), 1 a written declaration does not synthesize (a bug), 2 wrong usage or unreadable input.',
    );
  });
});
