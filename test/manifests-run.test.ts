import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { type CheckReport, checkManifests, DEFAULT_CONFIG, type Finding, InputError, type InputText } from '../src';
import { atOrAbove, failure, podTemplateNote, undecidedCount } from '../src/manifests/run';
import type { FailOn } from '../src/manifests/config';
import type { Severity } from '../src/rules/catalogue';

/**
 * `checkManifests` as a library, end to end on small inputs, and the verdict helpers of
 * src/manifests/run.ts: what is checked, in which order findings come, what fails a run. The
 * behaviour the CLI suites (check-cli, check-sarif) show through lib/, held where Stryker reaches it.
 */
const one = (text: string, options = {}) => checkManifests([{ name: 'input.yaml', text }], options);
const yaml = (...objects: object[]) => objects.map((object) => stringify(object)).join('---\n');
const ids = (report: CheckReport) => report.findings.map((finding) => finding.ruleId);
const problemsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError)
      return error.problems.map(({ file, line, column, message }) => `${file}:${line}:${column}: ${message}`);
    throw error;
  }
  throw new Error('expected an input error');
};

const IMAGE = 'registry.example/app@sha256:0123456789012345678901234567890123456789012345678901234567890123';
const deployment = (name: string, extra: { namespace?: string; replicas?: number; labels?: Record<string, string> } = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, ...(extra.namespace ? { namespace: extra.namespace } : {}) },
  spec: {
    replicas: extra.replicas ?? 2,
    selector: { matchLabels: extra.labels ?? { app: name } },
    template: { metadata: { labels: extra.labels ?? { app: name } }, spec: { containers: [{ name: 'app', image: IMAGE }] } },
  },
});
const pod = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { ...spec, containers: [{ name: 'app', image: IMAGE }] },
});
const service = (name: string, selector: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { selector, ports: [{ port: 80 }] },
});

describe('the verdict of a run', () => {
  test('podTemplateNote names the kind and where its pod template is', () => {
    expect(podTemplateNote('Rollout', 'spec.template')).toBe(
      'not checked: Rollout carries a pod template that check does not read (spec.template)',
    );
  });

  const SEVERITY_AT: Array<[FailOn, Record<Severity, boolean>]> = [
    ['error', { error: true, warning: false, note: false }],
    ['warning', { error: true, warning: true, note: false }],
    ['note', { error: true, warning: true, note: true }],
    ['undecided', { error: true, warning: true, note: true }],
    ['never', { error: false, warning: false, note: false }],
  ];
  test.each(SEVERITY_AT)('atOrAbove: with failOn %s, the severities that fail are %j', (failOn, expected) => {
    expect({ error: atOrAbove('error', failOn), warning: atOrAbove('warning', failOn), note: atOrAbove('note', failOn) }).toEqual(expected);
  });

  const finding = (severity: Severity, suppressed = false) =>
    ({ severity, ...(suppressed ? { suppressed: { reason: 'on purpose' } } : {}) }) as Finding;
  const report = (failOn: FailOn, findings: Finding[], undecided: number[] = [0]): CheckReport => ({
    rules: [],
    failOn,
    workloads: undecided.map((count, index) => ({
      subject: `Deployment/w${index}`,
      object: { kind: 'Deployment', name: `w${index}` },
      file: 'input.yaml',
      line: 1,
      column: 1,
      declared: {},
      undecided: Array.from({ length: count }, () => ({ ruleId: 'graceCoversShutdown' as const, detail: 'drain time not known' })),
    })),
    findings,
    skipped: [],
    skippedFiles: [],
  });

  test('undecidedCount adds the undecided rules of every workload', () => {
    expect(undecidedCount(report('warning', [], [2, 0, 3]))).toBe(5);
  });

  test('a run without any workload fails, whatever failOn says', () => {
    expect(failure({ ...report('never', []), workloads: [] })).toBe('no workload found: nothing was checked');
  });

  test('a run passes when no finding is at or above failOn', () => {
    expect(failure(report('error', [finding('warning'), finding('note')]))).toBeUndefined();
  });

  test('a run fails on the count of unsuppressed findings at or above failOn', () => {
    expect(failure(report('warning', [finding('error'), finding('warning'), finding('note'), finding('error', true)]))).toBe(
      '2 finding(s) at or above warning',
    );
  });

  test('a suppressed finding fails nothing', () => {
    expect(failure(report('note', [finding('error', true)]))).toBeUndefined();
  });

  test('failOn never passes every finding and every undecided rule', () => {
    expect(failure(report('never', [finding('error')], [4]))).toBeUndefined();
  });

  test('failOn undecided fails on a note (named as such) and on every undecided rule, both reasons joined', () => {
    expect(failure(report('undecided', [finding('note')], [1, 2]))).toBe(
      '1 finding(s) at or above note, 3 undecided (--fail-on undecided)',
    );
  });

  test('failOn undecided fails on undecided rules alone', () => {
    expect(failure(report('undecided', [], [1]))).toBe('1 undecided (--fail-on undecided)');
  });

  test('undecided rules fail no other failOn', () => {
    expect(failure(report('note', [], [3]))).toBeUndefined();
  });
});

describe('workloads', () => {
  test('each workload is reported with its object, position, declared times and undecided rules', () => {
    const report = one(yaml(deployment('web', { namespace: 'shop' })));
    expect(report.workloads).toEqual([
      {
        subject: 'Deployment/shop/web',
        object: { kind: 'Deployment', name: 'web', namespace: 'shop' },
        file: 'input.yaml',
        line: 1,
        column: 1,
        declared: {},
        undecided: [
          { ruleId: 'graceCoversShutdown', detail: 'grace 30 s, preStop 0 s; drain time not known' },
          { ruleId: 'progressDeadline', detail: 'progressDeadlineSeconds 600; worst-case start not known' },
        ],
      },
    ]);
  });

  test('a workload without a namespace has none in its object reference', () => {
    expect(one(yaml(deployment('web'))).workloads[0]!.object).toEqual({ kind: 'Deployment', name: 'web' });
  });

  test('workloads are reported in input order, each at its own file, line and column', () => {
    const report = checkManifests([
      { name: 'b.yaml', text: yaml(deployment('second'), deployment('third')) },
      { name: 'a.yaml', text: yaml(deployment('fourth')) },
    ]);
    expect(report.workloads.map(({ subject, file, line, column }) => `${subject} ${file}:${line}:${column}`)).toEqual([
      'Deployment/second b.yaml:1:1',
      'Deployment/third b.yaml:19:1',
      'Deployment/fourth a.yaml:1:1',
    ]);
  });

  test('an object written twice is one workload, checked at its first copy only', () => {
    const report = one(yaml(deployment('web', { replicas: 1 }), deployment('web', { replicas: 3 })));
    expect(report.workloads.map(({ subject, line }) => `${subject}:${line}`)).toEqual(['Deployment/web:1']);
    expect(report.findings.filter((finding) => finding.ruleId === 'singleReplica').map((finding) => finding.line)).toEqual([6]);
  });

  test('an object named by generateName is named with a star, and two of them are two workloads, never duplicates', () => {
    const generated = { ...pod('ignored'), metadata: { generateName: 'task-' } };
    const report = one(yaml(generated, generated));
    expect(report.workloads.map((workload) => workload.object)).toEqual([
      { kind: 'Pod', name: 'task-*' },
      { kind: 'Pod', name: 'task-*' },
    ]);
    expect(ids(report)).not.toContain('duplicateObject');
  });
});

describe('which rules a workload gets', () => {
  test.each([
    ['a bare Pod without restartPolicy (Always) is a serving pod', pod('p'), true],
    ['a bare Pod with restartPolicy Always is a serving pod', pod('p', { restartPolicy: 'Always' }), true],
    ['a bare Pod with restartPolicy Never runs to completion: the rules of Jobs', pod('p', { restartPolicy: 'Never' }), false],
    ['a bare Pod with restartPolicy OnFailure runs to completion: the rules of Jobs', pod('p', { restartPolicy: 'OnFailure' }), false],
    [
      'a PodTemplate with restartPolicy Never describes a pod that runs to completion',
      { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 't' }, template: { spec: { ...pod('t').spec, restartPolicy: 'Never' } } },
      false,
    ],
    [
      'a PodTemplate without restartPolicy describes a serving pod',
      { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 't' }, template: { spec: pod('t').spec } },
      true,
    ],
  ])('%s', (_, object, serving) => {
    const found = ids(one(yaml(object)));
    // noLiveness is a rule of serving pods only; the Pod Security Standard applies to every pod.
    expect(found.includes('noLiveness')).toBe(serving);
    expect(found).toContain('privilegeEscalation');
  });

  test('a CronJob whose pods run to completion keeps the rules of CronJobs: runFitsSchedule, not only those of Jobs', () => {
    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'sync' },
      spec: {
        schedule: '*/30 * * * *',
        concurrencyPolicy: 'Replace',
        jobTemplate: { spec: { activeDeadlineSeconds: 600, template: { spec: { ...pod('x').spec, restartPolicy: 'Never' } } } },
      },
    };
    // Without a starting deadline, a missed run starts whenever the controller catches up: into the next run.
    expect(ids(one(yaml(cronJob)))).toContain('runFitsSchedule');
  });

  test('a container rule sees the containers of its roles only: an init container needs no liveness probe', () => {
    const withInit = deployment('web');
    withInit.spec.template.spec = { ...withInit.spec.template.spec, initContainers: [{ name: 'setup', image: IMAGE }] } as never;
    const found = one(yaml(withInit)).findings.filter((finding) => finding.ruleId === 'noLiveness');
    expect(found.map((finding) => finding.message)).toEqual(['container app: no liveness probe']);
  });

  test('a rule turned off is not run, and not listed among the rules', () => {
    const report = one(yaml(deployment('web')), { config: { ...DEFAULT_CONFIG, rules: { noLiveness: 'off' } } });
    expect(ids(report)).not.toContain('noLiveness');
    expect(report.rules.map((rule) => rule.id)).not.toContain('noLiveness');
    expect(report.rules.every((rule) => typeof rule === 'object' && rule.severity !== ('off' as never))).toBe(true);
  });

  test('a severity set in the configuration is the severity of the rule and of its findings', () => {
    const report = one(yaml(deployment('web')), { config: { ...DEFAULT_CONFIG, rules: { cpuLimit: 'error' } } });
    expect(report.rules.find((rule) => rule.id === 'cpuLimit')).toEqual({ id: 'cpuLimit', severity: 'error' });
    expect(report.findings.filter((finding) => finding.ruleId === 'cpuLimit').map((finding) => finding.severity)).toEqual(['error']);
  });
});

describe('declared times', () => {
  const job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate' },
    spec: { template: { spec: { ...pod('x').spec, restartPolicy: 'Never' } } },
  };
  const cronJob = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'report' },
    spec: { schedule: '0 3 * * *', jobTemplate: { spec: job.spec } },
  };
  const flags = { drainSeconds: 20, runMaxSeconds: 100 };
  const declared = (...objects: object[]) =>
    Object.fromEntries(one(yaml(...objects), { declared: flags }).workloads.map((workload) => [workload.subject, workload.declared]));

  test('the flags apply whole to a workload a Service sends traffic to', () => {
    expect(declared(deployment('web'), service('web', { app: 'web' }))).toEqual({ 'Deployment/web': flags });
  });

  test('the flags give only the run time to a workload no Service sends traffic to', () => {
    expect(declared(deployment('exporter'))).toEqual({ 'Deployment/exporter': { runMaxSeconds: 100 } });
  });

  test('the flags apply whole to a Job and a CronJob, which no Service serves', () => {
    expect(declared(job, cronJob)).toEqual({ 'Job/migrate': flags, 'CronJob/report': flags });
  });
});

describe('findings', () => {
  test('a finding carries the rule, severity, subject, object, position, field path, message and the rule’s fix', () => {
    const finding = one(yaml(deployment('web', { namespace: 'shop' }))).findings.find((candidate) => candidate.ruleId === 'cpuLimit');
    expect(finding).toEqual({
      ruleId: 'cpuLimit',
      severity: 'warning',
      subject: 'Deployment/shop/web',
      object: { kind: 'Deployment', name: 'web', namespace: 'shop' },
      file: 'input.yaml',
      line: 17,
      column: 11,
      fieldPath: 'spec.template.spec.containers[0].resources.limits',
      message: 'container app: no CPU limit',
      fix: 'Set resources.limits.cpu generously (for example 4 × the request), or acknowledge cpuLimit with a reason.',
    });
  });

  test('a finding the workload acknowledges carries the reason; the others carry no suppressed key', () => {
    const acknowledged = deployment('web');
    (acknowledged.metadata as Record<string, unknown>).annotations = {
      'hardened-workloads.io/acknowledged': 'cpuLimit: latency-sensitive',
    };
    const findings = one(yaml(acknowledged)).findings;
    expect(findings.filter((finding) => 'suppressed' in finding).map((finding) => [finding.ruleId, finding.suppressed])).toEqual([
      ['cpuLimit', { reason: 'latency-sensitive' }],
    ]);
  });

  test('a finding the rule gives as a note has severity note, whatever the rule’s severity, and its own fix as a sentence', () => {
    const text = readFileSync(
      join(__dirname, 'fixtures', 'rules', 'automountServiceAccountToken', 'passes.bound-service-account.yaml'),
      'utf8',
    );
    const notes = one(text).findings.filter((finding) => finding.ruleId === 'automountServiceAccountToken');
    expect(notes.map(({ severity, fix }) => [severity, fix])).toEqual([
      [
        'note',
        'Nothing to change if the workload calls the Kubernetes API with that role; otherwise remove the binding and set automountServiceAccountToken: false.',
      ],
    ]);
  });

  test('a fix of the finding itself is written as a sentence: capital first letter, full stop', () => {
    const limited = deployment('web');
    (limited.spec.template.spec as Record<string, unknown>).terminationGracePeriodSeconds = 5;
    const finding = one(yaml(limited, service('web', { app: 'web' })), { declared: { drainSeconds: 30 } }).findings.find(
      (candidate) => candidate.ruleId === 'graceCoversShutdown',
    );
    // The invariant's own fix is "raise terminationGracePeriodSeconds to at least 35".
    expect(finding?.fix).toBe('Raise terminationGracePeriodSeconds to at least 35.');
  });

  test('a finding of a document under a `# Source:` comment names the chart template; without one it names none', () => {
    const text = `---\n# Source: shop/templates/web.yaml\n${yaml(deployment('web'))}`;
    const findings = one(text).findings;
    expect(new Set(findings.map((finding) => finding.template))).toEqual(new Set(['shop/templates/web.yaml']));
    expect(one(yaml(deployment('web'))).findings.every((finding) => !('template' in finding))).toBe(true);
  });

  test('a finding of the whole input (duplicateObject) names the chart template of the later copy; without one it names none', () => {
    const copy = yaml(deployment('web'));
    const duplicate = (text: string) => one(text).findings.filter((finding) => finding.ruleId === 'duplicateObject');
    expect(duplicate(`${copy}---\n# Source: shop/templates/again.yaml\n${copy}`).map((finding) => finding.template)).toEqual([
      'shop/templates/again.yaml',
    ]);
    expect(duplicate(`${copy}---\n${copy}`).map((finding) => 'template' in finding)).toEqual([false]);
  });
});

describe('the order of findings', () => {
  test('within a file: by line, then by column, then in catalogue order, whatever order the rules ran in', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  replicas: 1',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec:',
      '      automountServiceAccountToken: false',
      '      securityContext: {seccompProfile: {type: RuntimeDefault}}',
      '      containers:',
      `        - {name: app, image: "${IMAGE}", securityContext: {capabilities: {drop: [NET_RAW]}, allowPrivilegeEscalation: true, runAsNonRoot: false}}`,
      '',
    ].join('\n');
    expect(one(text).findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual([
      '5:3 singleReplica',
      '13:11 resourceRequests',
      '13:11 memoryLimit',
      '13:11 cpuLimit',
      '13:11 noLiveness',
      '13:126 readOnlyRootFilesystem',
      '13:159 capabilities',
      '13:177 privilegeEscalation',
      '13:209 runAsNonRoot',
    ]);
  });

  test('across files: in the order the files were given, not by name, and a finding of the whole input among its own file’s', () => {
    const report = checkManifests([
      { name: 'b.yaml', text: yaml(deployment('web', { replicas: 1 }), deployment('web', { replicas: 1 })) },
      { name: 'a.yaml', text: yaml(pod('debug')) },
    ]);
    const files = report.findings.map((finding) => finding.file);
    expect(files.lastIndexOf('b.yaml')).toBeLessThan(files.indexOf('a.yaml'));
    expect(report.findings.filter((finding) => finding.file === 'b.yaml').at(-1)).toMatchObject({ ruleId: 'duplicateObject', line: 22 });
  });

  test('at one position and rule: by message', () => {
    const acknowledged = deployment('web');
    (acknowledged.metadata as Record<string, unknown>).annotations = { 'hardened-workloads.io/acknowledged': 'zzz: later\naaa: sooner' };
    const messages = one(yaml(acknowledged))
      .findings.filter((finding) => finding.ruleId === 'validAcknowledgement')
      .map((finding) => finding.message);
    expect(messages).toEqual([
      'hardened-workloads.io/acknowledged: "aaa" is not a rule id (`hardened-workloads rules` lists them)',
      'hardened-workloads.io/acknowledged: "zzz" is not a rule id (`hardened-workloads rules` lists them)',
    ]);
  });

  test('at one position and rule: by message, also when the findings came in that order', () => {
    const acknowledged = deployment('web');
    (acknowledged.metadata as Record<string, unknown>).annotations = {
      'hardened-workloads.io/acknowledged': 'aaa: sooner\nmmm: meanwhile\nzzz: later',
    };
    const messages = one(yaml(acknowledged))
      .findings.filter((finding) => finding.ruleId === 'validAcknowledgement')
      .map((finding) => finding.message.split(' ')[1]);
    expect(messages).toEqual(['"aaa"', '"mmm"', '"zzz"']);
  });

  test('findings equal up to the message (one budget, two workloads) stay in workload order', () => {
    const budget = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'shared' },
      spec: { maxUnavailable: 1, selector: { matchLabels: { tier: 'shop' } } },
    };
    const labels = { tier: 'shop' };
    const report = one(yaml(deployment('first', { labels }), deployment('second', { labels }), budget));
    const onBudget = report.findings.filter((finding) => finding.ruleId === 'unhealthyPodEviction');
    expect(onBudget.map(({ subject, object, message }) => `${subject} ${object.kind}/${object.name}: ${message}`)).toEqual([
      'Deployment/first PodDisruptionBudget/shared: PodDisruptionBudget/shared uses the default policy (IfHealthyBudget)',
      'Deployment/second PodDisruptionBudget/shared: PodDisruptionBudget/shared uses the default policy (IfHealthyBudget)',
    ]);
  });
});

describe('objects that are not workloads', () => {
  test('an object of a kind check neither checks nor reads is listed as skipped, with its position; read kinds are not', () => {
    const report = one(
      yaml(deployment('web'), service('web', { app: 'web' }), {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'settings', namespace: 'shop' },
      }),
    );
    expect(report.skipped).toEqual([
      { object: { kind: 'ConfigMap', name: 'settings', namespace: 'shop' }, file: 'input.yaml', line: 29, column: 1 },
    ]);
  });

  test('a skipped object that carries a pod template says where', () => {
    const rollout = { ...deployment('canary'), apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout' };
    expect(one(yaml(deployment('web'), rollout)).skipped).toEqual([
      { object: { kind: 'Rollout', name: 'canary' }, file: 'input.yaml', line: 19, column: 1, podTemplate: 'spec.template' },
    ]);
  });

  test('the entries of the folders that were not read are passed through to the report', () => {
    const skippedFiles = [{ file: 'charts/notes.txt', reason: 'not a manifest (.txt)' }];
    expect(one(yaml(deployment('web')), { skippedFiles }).skippedFiles).toEqual(skippedFiles);
  });

  test('without entries not read, the report lists none', () => {
    expect(one(yaml(deployment('web'))).skippedFiles).toEqual([]);
  });
});

describe('input errors', () => {
  test('a malformed field is an input error naming the object, with its position, and nothing is checked', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: many\n  template: 5\n';
    expect(problemsOf(() => one(text))).toEqual([
      'input.yaml:5:3: Deployment/web: spec.replicas must be a whole number, not "many"',
      'input.yaml:6:3: Deployment/web: spec.template must be a mapping, not 5',
    ]);
  });

  test('a configuration entry naming no workload of the input is an input error', () => {
    const config = { ...DEFAULT_CONFIG, file: 'gate.yaml', declared: [{ name: 'missing', drainSeconds: 5 }] };
    expect(problemsOf(() => one(yaml(deployment('web')), { config }))).toHaveLength(1);
  });

  test('a configuration entry naming a workload of the input applies to it and is no error', () => {
    const config = { ...DEFAULT_CONFIG, declared: [{ kind: 'Deployment', name: 'web', namespace: 'shop', drainSeconds: 5 }] };
    expect(one(yaml(deployment('web', { namespace: 'shop' })), { config }).workloads[0]!.declared).toEqual({ drainSeconds: 5 });
  });

  test('while the input has problems, configuration entries are not matched against its workloads', () => {
    const config = { ...DEFAULT_CONFIG, declared: [{ name: 'missing', drainSeconds: 5 }] };
    const inputs: InputText[] = [
      { name: 'broken.yaml', text: 'kind: [' },
      { name: 'ok.yaml', text: yaml(deployment('web')) },
    ];
    expect(problemsOf(() => checkManifests(inputs, { config })).map((problem) => problem.split(':')[0])).toEqual(['broken.yaml']);
  });
});
