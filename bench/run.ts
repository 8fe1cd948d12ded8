/**
 * Synthesis benchmark (`npm run bench`; never part of `npm test`). Everything is measured in ONE
 * process run so that ratios compare like with like on a noisy machine:
 *
 * - ours:        building HardenedWorkload constructs and synthesizing YAML (`synthesizeYaml`);
 * - floor:       `yaml.stringify`, with the options cdk8s uses, of the identical plain objects,
 *                produced once beforehand from our own output (checked byte-identical to ours);
 * - cdk8s-plus:  the same number of plain cdk8s-plus-28 Deployments + Services with hand-set
 *                probes, as a user would write without this library;
 * - helm:        `helm template` per declaration on a sample (the Helm face);
 * - CLI:         cold start of the built bin (`--version`, and `synth` of one example).
 * - check:       `checkManifests` of 1,000 and 10,000 Deployments with their Services and
 *                PodDisruptionBudgets (and 10,000 with budgets selecting by matchExpressions
 *                only) against just parsing the same YAML; and the cold start of
 *                `check` of one small file and of `--version` against `node -e 0`, interleaved.
 *
 * - adopt:       the whole of `adopt` after reading the files (grouping and inference, writing
 *                each declaration, reading it back, synthesizing and reviewing it) against `check`
 *                of the same 1,000 workloads, interleaved; and where adopt's time goes.
 *
 * Medians over repeated rounds after discarded warm-up rounds. `--write` puts the figures into
 * BENCHMARKS.md between its markers; `--check-only` runs only the check benchmarks, `--adopt-only`
 * only adopt's.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { App, Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { parseAllDocuments, stringify } from 'yaml';
import {
  checkManifests,
  readDeclarations,
  resolveWorkload,
  synthesizeObjects,
  synthesizeYaml,
  WorkloadChart,
  type KubernetesObject,
  type WorkloadSpec,
} from '../src';
import { AS_HELM_READS_IT } from '../src/files/yaml';
import { parseSourcedManifests } from '../src/files/manifests';
import { reviewAdoption } from '../src/adopt/review';
import { adoptManifests, writeDeclaration } from '../src/adopt/infer';
import { reviewDeclarations, SYNTHESIZER } from '../src/cli/adopt';
import { parseDeclarations } from '../src/files/declarations';

const ROOT = join(__dirname, '..');
const SIZES = [100, 1000] as const;
// The Django pair brings init containers, native and ordinary sidecars and a mesh into the mix; grpc-nlb a load balancer.
const EXAMPLES = [
  'spring-boot-alb',
  'fastapi-uvicorn',
  'phoenix-bandit',
  'queue-worker',
  'grpc-nlb',
  'django-gunicorn',
  'django-gunicorn-on-1-28',
];

/** Deterministic pseudo-random numbers (mulberry32), so every run benchmarks the same workloads. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A realistic mix: the examples in turn, each with its own name and varied numbers. Their
 * configuration comes along: Secret and ConfigMap variables, files, a config file (its content
 * varied, so that every workload hashes its own), scratch folders and annotations.
 */
function workloads(count: number): WorkloadSpec[] {
  const bases = EXAMPLES.map((name) => readDeclarations(join(ROOT, 'examples', `${name}.yaml`))[0] as WorkloadSpec);
  const next = random(count);
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  return Array.from({ length: count }, (_, index) => {
    const base = bases[index % bases.length]!;
    const maxSeconds = between(20, 180);
    return {
      ...base,
      name: `${base.name}-${index}`,
      startup: { maxSeconds, typicalSeconds: between(1, maxSeconds) },
      drainSeconds: between(5, 90),
      probeLatencyMs: between(100, 2000),
      ...(base.autoscaling ? {} : { replicas: between(2, 8) }),
      ...(base.configFiles
        ? {
            configFiles: Object.fromEntries(
              Object.entries(base.configFiles).map(([key, file]) => [key, { ...file, content: `${file.content}# workload ${index}\n` }]),
            ),
          }
        : {}),
    };
  });
}

/** The same number of Deployments + Services written with cdk8s-plus-28 alone, probes set by hand. */
function cdk8sPlusYaml(declarations: readonly WorkloadSpec[]): string {
  const app = new App();
  const chart = new Chart(app, 'plain');
  for (const declaration of declarations) {
    const port = declaration.port ?? 8080;
    const deployment = new kplus.Deployment(chart, declaration.name, {
      replicas: declaration.replicas ?? 2,
      containers: [
        {
          image: declaration.image,
          portNumber: port,
          readiness: kplus.Probe.fromHttpGet('/readyz', {
            periodSeconds: Duration.seconds(5),
            timeoutSeconds: Duration.seconds(2),
            failureThreshold: 3,
          }),
          liveness: kplus.Probe.fromTcpSocket({
            periodSeconds: Duration.seconds(10),
            timeoutSeconds: Duration.seconds(2),
            failureThreshold: 3,
          }),
          startup: kplus.Probe.fromTcpSocket({ periodSeconds: Duration.seconds(2), failureThreshold: 68 }),
          resources: {
            cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(1000) },
            memory: { request: Size.mebibytes(256), limit: Size.mebibytes(256) },
          },
        },
      ],
    });
    deployment.exposeViaService({ ports: [{ port }] });
  }
  return app.synthYaml();
}

/** What cdk8s's Yaml.stringify does: one document per object, the same options, joined by ---. */
function floorYaml(objects: readonly object[]): string {
  return objects.map((object) => stringify(object, { keepUndefined: true, lineWidth: 0, version: '1.1' })).join('---\n');
}

/** Median of the samples. */
function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Milliseconds one call takes. No forced collection first: a full GC shrinks the heap and makes the
 * next run pay to grow it again; steady state is what CI sees.
 */
function timeOnce(work: () => unknown): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Milliseconds of CPU time (user + system, every thread of this process: the collector's helpers
 * too) one call takes. On a machine shared with other work, wall time counts the time the process
 * waited for a core; CPU time counts only the work, so load distorts it far less.
 */
function cpuTimeOnce(work: () => unknown): number {
  const start = process.cpuUsage();
  work();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

/**
 * Times several kinds of work in interleaved rounds (a, b, c, a, b, c, ...), so that a burst of
 * load on the machine hits all of them alike; returns each one's median after the warm-up rounds.
 */
function measureInterleaved<Name extends string>(
  rounds: number,
  warmup: number,
  works: Record<Name, () => unknown>,
  clock: (work: () => unknown) => number = timeOnce,
): Record<Name, number> {
  const samples = Object.fromEntries(Object.keys(works).map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let round = 0; round < warmup + rounds; round++) {
    for (const name of Object.keys(works) as Name[]) {
      const elapsed = clock(works[name]);
      if (round >= warmup) samples[name].push(elapsed);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values as number[])])) as Record<Name, number>;
}

function measure(rounds: number, warmup: number, work: () => unknown, clock: (work: () => unknown) => number = timeOnce): number {
  return measureInterleaved(rounds, warmup, { work }, clock).work;
}

/** Heap still held right after producing a result, as a rough size of each face's output. */
function heapAfter(work: () => unknown): number {
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = work();
  const after = process.memoryUsage().heapUsed;
  void kept;
  return (after - before) / 2 ** 20;
}

function helmSample(declarations: readonly WorkloadSpec[]): { perDeclaration: number; sample: number } | undefined {
  const helm = join(ROOT, '.tools', 'bin', 'helm');
  try {
    readFileSync(join(ROOT, 'Chart.yaml'));
  } catch {
    return undefined;
  }
  const folder = mkdtempSync(join(tmpdir(), 'hardened-bench-'));
  const files = declarations.map((declaration, index) => {
    const file = join(folder, `${index}.json`);
    writeFileSync(file, JSON.stringify(declaration));
    return file;
  });
  execFileSync(helm, ['template', 'warmup', ROOT, '-f', files[0]!], { stdio: 'pipe' });
  const samples = files.map((file) => {
    const start = process.hrtime.bigint();
    execFileSync(helm, ['template', 'bench', ROOT, '-f', file], { stdio: 'pipe' });
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  samples.sort((a, b) => a - b);
  return { perDeclaration: samples[Math.floor(samples.length / 2)]!, sample: samples.length };
}

function cliColdStart(args: string[], runs: number): number {
  const samples = Array.from({ length: runs }, () => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [join(ROOT, 'lib', 'cli', 'main.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`CLI ${args.join(' ')} failed: ${result.stderr}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** Where our time goes at one size: our validation and derivation, our constructs, cdk8s's toJson, YAML. */
function breakdown(declarations: readonly WorkloadSpec[]): string {
  const validate = measure(7, 2, () => declarations.map((declaration) => resolveWorkload(declaration)));
  const construct = measure(7, 2, () => new WorkloadChart(new App(), 'bench', { workloads: declarations }));
  const charts = Array.from({ length: 9 }, () => new WorkloadChart(new App(), 'bench', { workloads: declarations }));
  const toJson = measure(7, 2, () => charts.pop()!.toJson());
  return (
    `Where ours goes at N = ${declarations.length}: validation and derivation ${ms(validate)}, ` +
    `building the constructs (validation included) ${ms(construct)}, cdk8s's chart.toJson (token resolution, key sorting) ${ms(toJson)}; ` +
    'the rest is YAML serialization (the floor).'
  );
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

/**
 * N Deployments with their Services, PodDisruptionBudgets (and the worker's autoscaler), as one
 * multi-document YAML text: the objects of our examples in turn, each renamed (name, labels and selectors), so that every
 * Service and budget selects its own Deployment only.
 */
export function manifestsYaml(count: number, budgetsByExpressions = false): string {
  const kinds = ['Deployment', 'Service', 'PodDisruptionBudget', 'HorizontalPodAutoscaler'];
  const sets = new Map<string, object[]>();
  for (const object of (synthesizeObjects(workloads(EXAMPLES.length)) as KubernetesObject[]).filter((entry) =>
    kinds.includes(String(entry.kind)),
  )) {
    // The shape that was quadratic (10,000 + 10,000 took 52 s): budgets that select with matchExpressions only.
    if (budgetsByExpressions && object.kind === 'PodDisruptionBudget') {
      const labels: Record<string, string> = object.spec.selector.matchLabels;
      object.spec.selector = {
        matchExpressions: Object.entries(labels).map(([key, value]) => ({ key, operator: 'In', values: [value] })),
      };
    }
    const name = String(object.metadata?.name);
    sets.set(name, [...(sets.get(name) ?? []), object]);
  }
  const groups = [...sets.entries()];
  const documents: string[] = [];
  for (let index = 0; index < count; index++) {
    const [name, objects] = groups[index % groups.length]!;
    const renamed = JSON.parse(JSON.stringify(objects).split(name).join(`w${index}-${name}`)) as object[];
    for (const object of renamed) documents.push(stringify(object, { lineWidth: 0 }));
  }
  return documents.join('---\n');
}

/** Just reading the YAML: every document parsed (as `check` does, YAML 1.1) and turned into plain data. */
export function parseOnly(text: string): unknown[] {
  return parseAllDocuments(text, AS_HELM_READS_IT).map((document) => document.toJS());
}

/** Cold starts of commands, interleaved so that load on the machine hits each alike; medians in ms. */
function coldStarts(commands: Record<string, string[]>, rounds: number): Record<string, number> {
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, [] as number[]]));
  for (let round = 0; round < rounds + 2; round++) {
    for (const [name, args] of Object.entries(commands)) {
      const start = process.hrtime.bigint();
      spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
      if (round >= 2) samples[name]!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

/**
 * Rounds at 10,000 workloads: 3, or `--rounds N` when the machine is too busy for three (one round
 * of each 10,000 case takes minutes there); the figures say how many were run.
 */
function largeRoundsOption(): number {
  const index = process.argv.indexOf('--rounds');
  const rounds = index < 0 ? 3 : Number(process.argv[index + 1]);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds takes a whole number of rounds, at least 1');
  return rounds;
}

/** The commit measured, with a mark when the working tree differs from it. */
function commitMeasured(): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return changed === '' ? hash : `${hash} with uncommitted changes`;
  } catch {
    return 'unknown (no git)';
  }
}

function checkFigures(say: (line?: string) => void): void {
  const largeRounds = largeRoundsOption();
  const loadAtStart = loadavg()[0]!;
  const started = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const commit = commitMeasured();
  const lines: string[] = [];
  const row = (line: string) => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };
  row('| N Deployments (+ Services + PDBs) | YAML | parse only (CPU) | check (CPU) | check / parse | findings | rounds |');
  row('| --- | --- | --- | --- | --- | --- | --- |');
  const timings = new Map<number, { parse: number; check: number }>();
  const cases = [
    { size: 1000, label: '1000', expressions: false },
    { size: 10000, label: '10000', expressions: false },
    { size: 10000, label: '10000, budgets by matchExpressions only', expressions: true },
  ];
  for (const { size, label, expressions } of cases) {
    const text = manifestsYaml(size, expressions);
    const input = [{ name: 'bench.yaml', text }];
    const report = checkManifests(input);
    if (report.workloads.length !== size) throw new Error(`expected ${size} workloads, checked ${report.workloads.length}`);
    const rounds = size === 1000 ? 9 : largeRounds;
    const { parse, check } = measureInterleaved(
      rounds,
      1,
      { parse: () => parseOnly(text), check: () => checkManifests(input) },
      cpuTimeOnce,
    );
    if (!expressions) timings.set(size, { parse, check });
    row(
      `| ${label} | ${(Buffer.byteLength(text) / 2 ** 20).toFixed(1)} MiB | ${ms(parse)} | ${ms(check)} | ${(check / parse).toFixed(2)} | ` +
        `${report.findings.length} | 1 warm-up + ${rounds} |`,
    );
  }
  // The line that says when, on what and under which load comes first; the table follows it.
  say(
    `Measured ${started} UTC at commit ${commit}, on ${cpus().length} x ${cpus()[0]?.model.trim()}, Node.js ${process.version}; ` +
      `load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end of the table. ` +
      'Times are CPU time (user + system) of the benchmark process, medians of interleaved rounds (parse, check, parse, …).',
  );
  say();
  for (const line of lines) say(line);
  const [small, large] = [timings.get(1000)!, timings.get(10000)!];
  say();
  say(
    `Growth from 1,000 to 10,000 (10x): check ${(large.check / small.check).toFixed(1)}x, parse ${(large.parse / small.parse).toFixed(1)}x.`,
  );
  const folder = mkdtempSync(join(tmpdir(), 'hardened-bench-check-'));
  const small1 = join(folder, 'small.yaml');
  writeFileSync(small1, synthesizeYaml(readDeclarations(join(ROOT, 'examples', 'fastapi-uvicorn.yaml')) as WorkloadSpec[]));
  const bin = join(ROOT, 'lib', 'cli', 'main.js');
  const rounds = 21;
  const cold = coldStarts({ node: ['-e', '0'], version: [bin, '--version'], check: [bin, 'check', small1] }, rounds);
  say(
    `Cold start (medians of ${rounds} interleaved rounds after 2 warm-up rounds): \`node -e 0\` ${ms(cold.node!)}, ` +
      `\`--version\` ${ms(cold.version!)} (${(cold.version! / cold.node!).toFixed(2)}x), ` +
      `\`check small.yaml\` (one synthesized example, 6 objects) ${ms(cold.check!)} (${(cold.check! / cold.node!).toFixed(2)}x).`,
  );
}

/** `adopt` of N workloads against `check` of the same manifests, in one process; then where adopt's time goes. */
function adoptFigures(say: (line?: string) => void): void {
  const size = 1000;
  const text = manifestsYaml(size);
  const input = [{ name: 'bench.yaml', text }];
  const read = () => parseSourcedManifests(input[0]!).objects.map(({ object }) => object);
  const adopt = () => reviewDeclarations(adoptManifests(read()), { writeDeclaration }, SYNTHESIZER, false);
  const adopted = adoptManifests(read());
  if (adopted.length !== size) throw new Error(`expected ${size} workloads, adopted ${adopted.length}`);
  const rounds = 3;
  // CPU time, as check's figures: on a shared machine wall time also counts the waits for a core, which hit the longer run harder.
  const { check, adopt: whole } = measureInterleaved(rounds, 1, { check: () => checkManifests(input), adopt }, cpuTimeOnce);
  say('| N workloads (Deployments + Services + PDBs) | check | adopt | adopt / check | rounds |');
  say('| --- | --- | --- | --- | --- |');
  say(`| ${size} | ${ms(check)} | ${ms(whole)} | ${(whole / check).toFixed(1)} | 1 warm-up + ${rounds} |`);
  say();
  const texts = adopted.map((workload) => writeDeclaration(workload));
  const declarations = texts.map((declaration, index) => parseDeclarations(declaration, `${index}.yaml`)[0]);
  const synthesized = declarations.map((declaration) => SYNTHESIZER.synthesize(declaration));
  const parts = {
    reading: measure(3, 1, read, cpuTimeOnce),
    inference: measure(3, 1, () => adoptManifests(read()).map((workload) => writeDeclaration(workload)), cpuTimeOnce),
    synthesis: measure(3, 1, () => declarations.map((declaration) => SYNTHESIZER.synthesize(declaration)), cpuTimeOnce),
    review: measure(
      3,
      1,
      () =>
        adopted.map((workload, index) =>
          reviewAdoption(workload.input, synthesized[index]!.objects, { explanations: synthesized[index]!.explanations }),
        ),
      cpuTimeOnce,
    ),
  };
  say(
    `Where adopt goes at N = ${size}: reading the YAML ${ms(parts.reading)}, grouping, inference and writing the declarations ${ms(parts.inference - parts.reading)}, ` +
      `synthesis of each written declaration (validation, derivation, cdk8s) ${ms(parts.synthesis)}, the review ${ms(parts.review)}.`,
  );
}

function writeFigures(lines: readonly string[], start: string, end: string): void {
  const path = join(ROOT, 'BENCHMARKS.md');
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, `${text.slice(0, text.indexOf(start) + start.length)}\n${lines.join('\n')}\n${text.slice(text.indexOf(end))}`);
}

function main(): void {
  const lines: string[] = [];
  const say = (line = '') => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };
  const checkLines: string[] = [];
  const sayCheck = (line = '') => {
    checkLines.push(line);
    process.stdout.write(`${line}\n`);
  };
  const adoptLines: string[] = [];
  const sayAdopt = (line = '') => {
    adoptLines.push(line);
    process.stdout.write(`${line}\n`);
  };
  if (process.argv.includes('--adopt-only')) {
    adoptFigures(sayAdopt);
    if (process.argv.includes('--write')) writeFigures(adoptLines, '<!-- adopt-figures:start -->', '<!-- adopt-figures:end -->');
    return;
  }
  if (process.argv.includes('--check-only')) {
    checkFigures(sayCheck);
    if (process.argv.includes('--write')) writeFigures(checkLines, '<!-- check-figures:start -->', '<!-- check-figures:end -->');
    return;
  }
  say(
    `Machine: ${cpus().length} x ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node.js ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
  say();
  say(
    '| N | ours | floor (yaml.stringify) | cdk8s-plus-28 by hand | ours / floor | ours / cdk8s-plus | YAML written: ours / cdk8s-plus | heap held by ours | rounds |',
  );
  say('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const results = new Map<number, { ours: number; floor: number; plus: number }>();
  for (const size of SIZES) {
    const declarations = workloads(size);
    const objects = synthesizeObjects(declarations);
    if (floorYaml(objects) !== synthesizeYaml(declarations)) throw new Error('the floor does not reproduce our YAML byte for byte');
    const rounds = size === 100 ? 21 : 9;
    const warmup = size === 100 ? 5 : 2;
    const { ours, floor, plus } = measureInterleaved(rounds, warmup, {
      ours: () => synthesizeYaml(declarations),
      floor: () => floorYaml(objects),
      plus: () => cdk8sPlusYaml(declarations),
    });
    const held = heapAfter(() => synthesizeYaml(declarations));
    const kib = (text: string) => `${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`;
    const written = `${kib(synthesizeYaml(declarations))} / ${kib(cdk8sPlusYaml(declarations))}`;
    results.set(size, { ours, floor, plus });
    say(
      `| ${size} | ${ms(ours)} | ${ms(floor)} | ${ms(plus)} | ${(ours / floor).toFixed(2)} | ` +
        `${(ours / plus).toFixed(2)} | ${written} | ${held.toFixed(0)} MiB | ${warmup} warm-up + ${rounds} |`,
    );
  }
  const small = results.get(100)!;
  const large = results.get(1000)!;
  say();
  say(
    `Growth from N = 100 to N = 1000 (10x the workloads): ours ${(large.ours / small.ours).toFixed(1)}x, ` +
      `floor ${(large.floor / small.floor).toFixed(1)}x, cdk8s-plus-28 ${(large.plus / small.plus).toFixed(1)}x.`,
  );
  say(breakdown(workloads(1000)));
  const helm = helmSample(workloads(20));
  say(
    helm
      ? `Helm face: helm template takes ${ms(helm.perDeclaration)} per declaration (median of ${helm.sample}; one process per release), ` +
          // 1000 declarations × t ms = t seconds.
          `about ${helm.perDeclaration.toFixed(0)} s for 1000 declarations, against ${ms(large.ours)} for ours in one process.`
      : 'Helm face: no Chart.yaml yet, not measured.',
  );
  say(
    `CLI cold start (median of 9 runs of the built bin): --version ${ms(cliColdStart(['--version'], 9))}, ` +
      `synth of one example ${ms(cliColdStart(['synth', 'examples/phoenix-bandit.yaml'], 9))}.`,
  );
  say(`Peak resident memory of this benchmark process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB.`);

  say();
  checkFigures(sayCheck);
  sayAdopt();
  adoptFigures(sayAdopt);
  if (process.argv.includes('--write')) {
    writeFigures(lines, '<!-- figures:start -->', '<!-- figures:end -->');
    writeFigures(checkLines, '<!-- check-figures:start -->', '<!-- check-figures:end -->');
    writeFigures(adoptLines, '<!-- adopt-figures:start -->', '<!-- adopt-figures:end -->');
  }
}

// Imported (for a single measurement of its own), it runs nothing.
if (require.main === module) main();
