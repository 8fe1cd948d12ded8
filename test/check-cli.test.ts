import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { RULE_IDS } from '../src';
import { ALIAS_BOMB, cli } from './support/cli';
import { HELM_BINARY } from './support/helm-binary';
import { helmDescribe } from './support/helm';
import { sarifValidationProblems } from './support/sarif';

/**
 * `hardened-workloads check` as a CI gate, run as a child process of the built bin: exit 0 clean,
 * 1 findings at or above --fail-on (or no workload at all), 2 wrong usage or unreadable input.
 */
const scratch = () => mkdtempSync(join(tmpdir(), 'hardened-check-cli-'));
function file(contents: string, name = 'manifests.yaml', folder = scratch()): string {
  const path = join(folder, name);
  writeFileSync(path, contents);
  return path;
}

const LEGACY = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'legacy' },
  spec: {
    selector: { matchLabels: { app: 'legacy' } },
    template: {
      metadata: { labels: { app: 'legacy' } },
      spec: {
        containers: [
          {
            name: 'app',
            image: 'legacy:1.0.0',
            readinessProbe: { httpGet: { path: '/health', port: 8080 } },
            livenessProbe: { httpGet: { path: '/health', port: 8080 } },
          },
        ],
      },
    },
  },
};
const synthesized = () => file(cli(['synth', 'examples/spring-boot-alb.yaml']).stdout, 'orders.yaml');

describe('exit codes', () => {
  test('0: our own synthesized manifests pass', () => {
    const result = cli(['check', synthesized()]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`^1 workload\\(s\\) checked with ${RULE_IDS.length} rules; no findings; 2 object\\(s\\) not checked\\. Passed\\.$`, 'm'),
    );
  });

  test('1: findings at or above the chosen severity, each at file:line with its rule and fix', () => {
    const path = file(stringify(LEGACY));
    const result = cli(['check', path]);
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(path);
    expect(result.stdout).toContain(
      '  21:11   error      distinctProbes  Deployment/legacy: container app: both probes check httpGet HTTP :8080/health\n' +
        '                     fix: Let liveness check only that the process responds (e.g. tcpSocket on the port) and keep readiness for "can serve now".',
    );
    expect(result.stdout).toMatch(/FAILED: \d+ finding\(s\) at or above warning\.\n$/);
  });

  test('a renamed rule id in --rule or the configuration still works, with a deprecation note on stderr', () => {
    const path = file(stringify(LEGACY));
    const config = file('rules:\n  readinessTimeout: off\n', 'gate.yaml');
    const result = cli(['check', path, '--rule', 'noCpuLimit=off', '--config', config, '--json']);
    const ids = JSON.parse(result.stdout).findings.map((finding: { ruleId: string }) => finding.ruleId);
    expect(ids).not.toContain('cpuLimit');
    expect(ids).not.toContain('probeTimeout');
    expect(result.stderr).toContain(`${config}: rules.readinessTimeout: readinessTimeout is now called probeTimeout (`);
    expect(result.stderr).toContain('hardened-workloads check: --rule noCpuLimit: noCpuLimit is now called cpuLimit (');
  });

  test('--fail-on chooses the severity that fails; never only reports', () => {
    const path = file(stringify(LEGACY));
    expect(cli(['check', path, '--rule', 'probeTimeout=note', '--fail-on', 'error']).status).toBe(1);
    expect(cli(['check', path, '--fail-on', 'never']).status).toBe(0);
    const onlyNotes = file(
      stringify({ ...LEGACY, metadata: { name: 'legacy', annotations: { 'hardened-workloads.io/acknowledged': 'noCpuLimit: measured' } } }),
    );
    expect(cli(['check', synthesized(), onlyNotes, '--fail-on', 'never']).status).toBe(0);
  });

  test('a file holding only a StatefulSet is checked, not passed as "nothing to check"', () => {
    const result = cli(['check', file(stringify({ ...LEGACY, kind: 'StatefulSet' })), '--format', 'json']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).workloads.map((workload: { subject: string }) => workload.subject)).toEqual(['StatefulSet/legacy']);
  });

  test('1: no workload in the input fails with the reason, listing what was not checked', () => {
    const result = cli(['check', file(stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } }))]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/Not checked \(kinds check does not read\):\n {2}.*manifests\.yaml:1:1: ConfigMap\/settings\n/);
    expect(result.stdout).toMatch(/FAILED: no workload found: nothing was checked\.\n$/);
  });

  test.each([
    [
      'a declaration passed by mistake',
      'examples/queue-worker.yaml',
      /queue-worker\.yaml:8:1: document 1 is not a Kubernetes object: it has no apiVersion \(its fields: name, kind, image/,
    ],
    ['a missing file', 'nope.yaml', /^nope\.yaml: cannot be read: ENOENT/],
    [
      'a YAML alias bomb',
      file(ALIAS_BOMB, 'alias-bomb.yaml'),
      /alias-bomb\.yaml:1:1: invalid YAML: Excessive alias count indicates a resource exhaustion attack/,
    ],
  ])('2: %s is an input error naming the file and position', (_, path, message) => {
    const result = cli(['check', path]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  test('2: a malformed object names file, line, column and field, and nothing is reported', () => {
    const path = file('apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: 5\n');
    const result = cli(['check', path]);
    expect(result).toMatchObject({ status: 2, stdout: '', stderr: `${path}:4:1: Deployment/web: spec must be a mapping, not 5\n` });
  });

  test.each([
    [
      'an unknown rule in --rule',
      ['--rule', 'noCPULimit=off'],
      /'--rule <id=severity>' argument 'noCPULimit=off' is invalid: unknown rule id/,
    ],
    ['a wrong severity in --rule', ['--rule', 'cpuLimit=fatal'], /"fatal" must be one of error, warning, note, off/],
    ['an unknown format', ['--format', 'xml'], /argument 'xml' is invalid. Allowed choices are text, json, sarif/],
    ['an unknown --fail-on', ['--fail-on', 'info'], /Allowed choices are error, warning, note, undecided, never/],
  ])('2: %s is a usage error', (_, args, message) => {
    const result = cli(['check', synthesized(), ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  test.each([
    [
      'json',
      (text: string) =>
        expect(JSON.parse(text)).toMatchObject({ passed: false, error: expect.stringMatching(/nope\.yaml: cannot be read/) }),
    ],
    [
      'sarif',
      (text: string) => {
        expect(sarifValidationProblems(text)).toEqual([]);
        expect(JSON.parse(text).runs[0]).toMatchObject({
          results: [],
          invocations: [
            {
              executionSuccessful: false,
              toolExecutionNotifications: [{ level: 'error', message: { text: expect.stringMatching(/^nope\.yaml: cannot be read/) } }],
            },
          ],
        });
      },
    ],
  ])('2: an unreadable input still writes the requested %s file, with the error in it', (format, expectations) => {
    const folder = scratch();
    const result = cli(['check', 'nope.yaml', '--format', format, '--output', 'report.out'], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^nope\.yaml: cannot be read/);
    expectations(readFileSync(join(folder, 'report.out'), 'utf8'));
  });

  test('2: a configuration file with an unknown setting names it', () => {
    const config = file('failOn: warning\nrules: { zoneSpred: off }\n', 'config.yaml');
    const result = cli(['check', synthesized(), '--config', config]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${config}: rules.zoneSpred: unknown rule id (\`hardened-workloads rules\` lists them)\n`);
  });
});

test.each([
  ['check', ['check', 'examples/queue-worker.yaml', '--fail-on', 'never']],
  ['--version', ['--version']],
])(
  '%s loads no cdk8s, cdk8s-plus-28, constructs or zod, nor our constructs, derivation or explanations (start-up time of a gate)',
  (_, args) => {
    const script =
      "require('./lib/cli/program').run(process.argv.slice(1), { stdout() {}, stderr() {}, readStdin: () => '' });" +
      'console.log(Object.keys(require.cache).filter((file) => /node_modules[\\/](cdk8s|cdk8s-plus-28|constructs|zod)[\\/]|lib[\\/](constructs[\\/]|explain[\\/]|timing[\\/]derive)/.test(file)).length)';
    const synthesizedFile = synthesized();
    const result = spawnSync(
      process.execPath,
      ['-e', script, '--', ...args.map((arg) => (arg.startsWith('examples/') ? synthesizedFile : arg))],
      {
        cwd: join(__dirname, '..'),
        encoding: 'utf8',
      },
    );
    expect(result.stdout.trim()).toBe('0');
  },
);

describe('input from anywhere in a pipeline', () => {
  test('standard input with -, as `helm template … | hardened-workloads check -`', () => {
    const result = cli(['check', '-'], undefined, stringify(LEGACY));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^<stdin>\n/);
    expect(result.stdout).toContain(
      '\n  21:11   error      distinctProbes  Deployment/legacy: container app: both probes check httpGet HTTP :8080/health\n',
    );
  });

  describe('a folder walk names every entry it does not read, with the reason', () => {
    const folder = scratch();
    const elsewhere = scratch();
    mkdirSync(join(folder, '.git'));
    file(stringify({ ...LEGACY, metadata: { name: 'upper' } }), 'deploy.YAML', folder);
    file(stringify({ ...LEGACY, metadata: { name: 'shared' } }), 'shared.yaml', elsewhere);
    symlinkSync(join(elsewhere, 'shared.yaml'), join(folder, 'linked.yaml'));
    symlinkSync(elsewhere, join(folder, 'linked-folder'));
    symlinkSync(join(elsewhere, 'gone.yaml'), join(folder, 'broken.yaml'));
    file('# notes', 'notes.md', folder);
    const json = JSON.parse(cli(['check', folder, '--format', 'json']).stdout);

    test('extensions in any case are read, and a link to a file is followed', () => {
      expect(json.workloads.map((workload: { subject: string; file: string }) => [workload.subject, workload.file])).toEqual([
        ['Deployment/upper', join(folder, 'deploy.YAML')],
        ['Deployment/shared', join(folder, 'linked.yaml')],
      ]);
    });

    test('hidden entries, links to folders or to nothing, and other files are named, in walk order', () => {
      expect(json.skippedFiles).toEqual([
        { file: join(folder, '.git'), reason: 'hidden (its name starts with a dot): the folder is not walked' },
        { file: join(folder, 'broken.yaml'), reason: 'a symbolic link to nothing (broken)' },
        {
          file: join(folder, 'linked-folder'),
          reason:
            'a symbolic link to a folder, not followed (it may lead back up the tree or out of it); give its target as an argument to check it',
        },
        { file: join(folder, 'notes.md'), reason: 'not a .yaml, .yml or .json file' },
      ]);
    });

    test('the text report lists them and counts them in the summary; SARIF has a tool notification for each', () => {
      const text = cli(['check', folder]).stdout;
      expect(text).toContain(`Not read (entries of the folders walked):\n  ${join(folder, '.git')}: hidden`);
      expect(text).toContain(`  ${join(folder, 'notes.md')}: not a .yaml, .yml or .json file\n`);
      expect(text).toMatch(/; 4 file\(s\) not read[;.]/);
      const log = cli(['check', folder, '--format', 'sarif']).stdout;
      expect(sarifValidationProblems(log)).toEqual([]);
      const sarif = JSON.parse(log);
      const notes = sarif.runs[0].invocations[0].toolExecutionNotifications.map((note: { message: { text: string } }) => note.message.text);
      expect(notes).toContain(`${join(folder, 'notes.md')} was not read: not a .yaml, .yml or .json file`);
    });
  });

  test('a folder is walked for .yaml, .yml and .json files, in name order, hidden folders skipped', () => {
    const folder = scratch();
    mkdirSync(join(folder, 'nested'));
    mkdirSync(join(folder, '.git'));
    file(stringify(LEGACY), 'b.yml', join(folder, 'nested'));
    file(JSON.stringify({ ...LEGACY, metadata: { name: 'first' } }), 'a.json', folder);
    file(stringify(LEGACY), 'ignored.yaml', join(folder, '.git'));
    file('not a manifest', 'notes.txt', folder);
    const result = cli(['check', folder, '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(report.workloads.map((workload: { subject: string; file: string }) => [workload.subject, workload.file])).toEqual([
      ['Deployment/first', join(folder, 'a.json')],
      ['Deployment/legacy', join(folder, 'nested', 'b.yml')],
    ]);
  });
});

describe('formats', () => {
  const legacy = () =>
    file(
      stringify({ ...LEGACY, metadata: { name: 'legacy', annotations: { 'hardened-workloads.io/acknowledged': 'noCpuLimit: measured' } } }),
    );

  test('--json is --format json: the findings, the verdict and what was undecided', () => {
    const path = legacy();
    const asFlag = cli(['check', path, '--json']);
    expect(asFlag.stdout).toBe(cli(['check', path, '--format', 'json']).stdout);
    expect(asFlag.stderr).toMatch(/^hardened-workloads check: \d+ finding\(s\) at or above warning\n$/);
    const report = JSON.parse(asFlag.stdout);
    expect(report).toMatchObject({ passed: false, failOn: 'warning', skipped: [] });
    expect(report.findings.find((finding: { ruleId: string }) => finding.ruleId === 'probeTimeout')).toEqual({
      ruleId: 'probeTimeout',
      severity: 'error',
      subject: 'Deployment/legacy',
      object: { kind: 'Deployment', name: 'legacy' },
      file: path,
      line: 19, // two lines below the same field in LEGACY: the annotation takes them
      column: 11,
      fieldPath: 'spec.template.spec.containers[0].readinessProbe.timeoutSeconds',
      message: 'container app: readiness timeout 1 s, period 10 s; liveness timeout 1 s, period 10 s',
      fix: 'Set the readiness timeoutSeconds to at least 2.',
    });
    expect(report.findings.find((finding: { ruleId: string }) => finding.ruleId === 'cpuLimit').suppressed).toEqual({
      reason: 'measured',
    });
    expect(report.workloads[0].undecided.map((entry: { ruleId: string }) => entry.ruleId)).toEqual([
      'startupWindow', // no startup probe, and the slowest start is not declared
      'graceCoversShutdown',
      'progressDeadline',
    ]);
  });

  test('--format sarif writes SARIF 2.1.0 that the SARIF multitool (with GitHub code scanning rules) accepts', () => {
    const folder = scratch();
    file(stringify(LEGACY), 'legacy.yaml', folder);
    writeFileSync(join(folder, 'orders.yaml'), readFileSync(synthesized()));
    file(
      stringify({ ...LEGACY, metadata: { name: 'acked', annotations: { 'hardened-workloads.io/acknowledged': 'noCpuLimit: measured' } } }),
      'acked.yaml',
      folder,
    );
    const result = cli(['check', 'legacy.yaml', 'acked.yaml', 'orders.yaml', '--format', 'sarif', '--output', 'check.sarif'], folder);
    expect(result.status).toBe(1);
    const log = readFileSync(join(folder, 'check.sarif'), 'utf8');
    expect(sarifValidationProblems(log)).toEqual([]);

    const run = JSON.parse(log).runs[0];
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(RULE_IDS);
    expect(run.tool.driver.rules[0]).toMatchObject({
      id: 'startupWindow',
      shortDescription: { text: 'The startup window covers 1.5 × the slowest start, and liveness is gated by a startup probe.' },
      help: { markdown: expect.stringContaining('## Fix') },
      defaultConfiguration: { level: 'error' },
    });
    const readiness = run.results.find((result: { ruleId: string }) => result.ruleId === 'probeTimeout');
    expect(readiness).toMatchObject({
      level: 'error',
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'legacy.yaml' }, region: { startLine: 17, startColumn: 11 } },
          logicalLocations: [{ name: 'Deployment/legacy', kind: 'resource' }],
        },
      ],
    });
    const suppressed = run.results.filter((result: { suppressions?: unknown }) => result.suppressions);
    expect(suppressed).toEqual([
      expect.objectContaining({ ruleId: 'cpuLimit', suppressions: [{ kind: 'inSource', justification: 'measured' }] }),
    ]);
  });
});

helmDescribe("helm create's chart, rendered and piped in", () => {
  const HELM = HELM_BINARY.path!;
  const folder = scratch();
  spawnSync(HELM, ['create', 'mychart'], { cwd: folder, encoding: 'utf8' });
  const rendered = spawnSync(HELM, ['template', 'rel', join(folder, 'mychart')], { encoding: 'utf8' }).stdout;
  const result = cli(['check', '-', '--format', 'json'], undefined, rendered);
  const report = JSON.parse(result.stdout);

  test('fails the gate', () => {
    expect(result.status).toBe(1);
  });

  test("names the template that rendered each finding, from helm's `# Source:` comments", () => {
    const templates = report.findings.map((finding: { subject: string; template?: string }) => [finding.subject, finding.template]);
    expect(new Map(templates)).toEqual(
      new Map([
        ['Deployment/rel-mychart', 'mychart/templates/deployment.yaml'],
        ['Pod/rel-mychart-test-connection', 'mychart/templates/tests/test-connection.yaml'],
      ]),
    );
  });

  test('gives the findings a reviewer expects: 4 invariants, 4 Pod Security controls, the hardening gaps', () => {
    const found = report.findings.map((finding: { subject: string; ruleId: string; line: number }) => [
      finding.subject,
      finding.ruleId,
      finding.line,
    ]);
    expect(found).toEqual([
      // A single replica and the default token automount; the default rollout's 25% of 1 replica is 0 pods, so no rollout finding.
      ['Deployment/rel-mychart', 'singleReplica', 49],
      ['Deployment/rel-mychart', 'automountServiceAccountToken', 62], // its ServiceAccount sets automount: true
      // A Service selects it and it has no preStop hook: stale endpoints on every platform.
      ['Deployment/rel-mychart', 'preStopCoversPropagation', 65],
      // securityContext: {} in values.yaml: the restricted profile fails on four controls.
      ['Deployment/rel-mychart', 'runAsNonRoot', 65],
      ['Deployment/rel-mychart', 'seccomp', 65],
      ['Deployment/rel-mychart', 'privilegeEscalation', 65],
      ['Deployment/rel-mychart', 'capabilities', 65],
      // resources: {} in values.yaml.
      ['Deployment/rel-mychart', 'resourceRequests', 65],
      ['Deployment/rel-mychart', 'memoryLimit', 65],
      ['Deployment/rel-mychart', 'cpuLimit', 65],
      ['Deployment/rel-mychart', 'readOnlyRootFilesystem', 65],
      // Both probes GET / on the same port with the API defaults (1 s timeout, 10 s x 3).
      ['Deployment/rel-mychart', 'livenessAfterReadiness', 72],
      ['Deployment/rel-mychart', 'distinctProbes', 72],
      ['Deployment/rel-mychart', 'probeTimeout', 76],
      // The `helm test` Pod (restartPolicy Never: held to the rules of Jobs), busybox without a tag.
      ['Pod/rel-mychart-test-connection', 'automountServiceAccountToken', 94],
      ['Pod/rel-mychart-test-connection', 'runAsNonRoot', 96],
      ['Pod/rel-mychart-test-connection', 'seccomp', 96],
      ['Pod/rel-mychart-test-connection', 'privilegeEscalation', 96],
      ['Pod/rel-mychart-test-connection', 'capabilities', 96],
      ['Pod/rel-mychart-test-connection', 'resourceRequests', 96],
      ['Pod/rel-mychart-test-connection', 'memoryLimit', 96],
      ['Pod/rel-mychart-test-connection', 'cpuLimit', 96],
      ['Pod/rel-mychart-test-connection', 'readOnlyRootFilesystem', 96],
      ['Pod/rel-mychart-test-connection', 'imagePinned', 97],
    ]);
  });

  test('says which invariants need declared times instead of passing them', () => {
    expect(
      report.workloads.map((workload: { subject: string; undecided: Array<{ ruleId: string }> }) => [
        workload.subject,
        workload.undecided.map((entry) => entry.ruleId),
      ]),
    ).toEqual([
      // No startup probe: liveness's 0 + 30 s is compared with a slowest start nobody declared.
      ['Deployment/rel-mychart', ['startupWindow', 'graceCoversShutdown', 'progressDeadline']],
      // A test hook runs to completion like a Job's pod, which may be stopped mid-run too: its drain is not declared.
      ['Pod/rel-mychart-test-connection', ['graceCoversShutdown']],
    ]);
  });
});

describe('the README section "Use it as a CI gate"', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Use it as a CI gate'), readme.indexOf('## The declaration'));
  const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map(([, block]) => block!.replace(/^ {2}/gm, ''));

  test('has a pipeline example that uploads SARIF', () => {
    expect(blocks[0]).toContain('hardened-workloads check rendered/ --config hardened-workloads.yaml --format sarif --output check.sarif');
    expect(blocks[0]).toContain('github/codeql-action/upload-sarif');
  });

  test('its configuration example is a valid configuration', () => {
    const config = file(
      blocks.find((block) => block.startsWith('failOn:'))!,
      'hardened-workloads.yaml',
    );
    expect(cli(['check', synthesized(), '--config', config])).toMatchObject({ status: 0, stderr: '' });
  });

  test('its acknowledgement example is accepted and suppresses the findings it names', () => {
    const annotation = blocks.find((block) => block.includes('hardened-workloads.io/acknowledged'))!;
    const metadata = (parse(annotation) as { metadata: { annotations: Record<string, string> } }).metadata;
    const result = cli(['check', file(stringify({ ...LEGACY, metadata: { name: 'legacy', ...metadata } })), '--json']);
    const suppressed = JSON.parse(result.stdout).findings.filter((finding: { suppressed?: unknown }) => finding.suppressed);
    expect(suppressed.map((finding: { ruleId: string }) => finding.ruleId)).toEqual(['singleReplica', 'cpuLimit']);
  });
});

describe('undecided rules are an outcome of their own', () => {
  // LEGACY declares no times: several invariants cannot be decided.
  const undecidedOnly = () =>
    file(
      stringify({
        ...LEGACY,
        metadata: { name: 'legacy', annotations: { 'hardened-workloads.io/acknowledged': 'noCpuLimit: measured' } },
      }),
    );

  test('the summary never says "Passed." while a rule is undecided', () => {
    const result = cli(['check', undecidedOnly(), '--fail-on', 'never']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /undecided — declare the times they need to decide them\. Not failed, but not everything was decided \(--fail-on never\)\.\n$/,
    );
    expect(result.stdout).not.toMatch(/Passed/);
  });

  test('--fail-on undecided fails the run on undecided rules', () => {
    const path = undecidedOnly();
    const result = cli(['check', path, '--fail-on', 'undecided', '--rule', 'readinessTimeout=off', '--rule', 'livenessAfterReadiness=off']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/FAILED: .*\d+ undecided \(--fail-on undecided\)\.\n$/);
  });

  test('in SARIF each undecided rule is a result with level note, at the workload', () => {
    const folder = scratch();
    file(stringify(LEGACY), 'legacy.yaml', folder);
    cli(['check', 'legacy.yaml', '--format', 'sarif', '--output', 'check.sarif'], folder);
    const log = readFileSync(join(folder, 'check.sarif'), 'utf8');
    expect(sarifValidationProblems(log)).toEqual([]);
    const notes = JSON.parse(log).runs[0].results.filter(
      (result: { properties?: { undecided?: boolean } }) => result.properties?.undecided,
    );
    expect(notes.map((result: { ruleId: string }) => result.ruleId)).toEqual(['startupWindow', 'graceCoversShutdown', 'progressDeadline']);
    expect(notes[0]).toMatchObject({
      level: 'note',
      message: { text: expect.stringMatching(/^Deployment\/legacy: startupWindow is undecided/) },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'legacy.yaml' }, region: { startLine: 1 } } }],
    });
  });
});
