import { stringify } from 'yaml';
import { parseSourcedManifests } from '../src/files/manifests';
import { annotatedTimes, parseDeclaredTimes } from '../src/manifests/declared-times';
import { acknowledgements } from '../src/manifests/suppressions';
import { workloadsOf } from '../src/manifests/workloads';

/**
 * The acknowledgement annotation, read strictly (src/manifests/suppressions.ts), and our `declared`
 * annotation, read back (src/manifests/declared-times.ts), each called directly on one workload.
 */
const ANNOTATION = 'hardened-workloads.io/acknowledged';
const IMAGE = 'registry.example/app:1.0.0';
const workloadOf = (object: object) => workloadsOf(parseSourcedManifests({ name: 'input.yaml', text: stringify(object) }).objects)[0]!;
const deployment = (annotations?: Record<string, unknown>, templateAnnotations?: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', ...(annotations ? { annotations } : {}) },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' }, ...(templateAnnotations ? { annotations: templateAnnotations } : {}) },
      spec: { containers: [{ name: 'app', image: IMAGE }] },
    },
  },
});
const read = (text: unknown) => acknowledgements(workloadOf(deployment({ [ANNOTATION]: text })));
const messages = (text: unknown) => read(text).problems.map((problem) => problem.message);
const reasons = (text: unknown) => Object.fromEntries(read(text).reasons);

describe('acknowledgements: what is acknowledged', () => {
  test('each `ruleId: reason` line acknowledges its rule with its reason', () => {
    expect(reasons('cpuLimit: latency-sensitive\nnoLiveness: a batch worker')).toEqual({
      cpuLimit: 'latency-sensitive',
      noLiveness: 'a batch worker',
    });
  });

  test('the id and the reason are read without the blanks around them', () => {
    expect(reasons('  cpuLimit :   latency-sensitive  ')).toEqual({ cpuLimit: 'latency-sensitive' });
  });

  test('a reason keeps every colon after the first', () => {
    expect(reasons('cpuLimit: see runbook: section 2')).toEqual({ cpuLimit: 'see runbook: section 2' });
  });

  test('blank lines and lines of spaces are skipped, never a problem', () => {
    expect(read('\ncpuLimit: measured\n   \n\n')).toEqual({ reasons: new Map([['cpuLimit', 'measured']]), problems: [] });
  });

  test('a renamed id acknowledges the rule that replaced it', () => {
    expect(reasons('noCpuLimit: deployed before the rename')).toEqual({ cpuLimit: 'deployed before the rename' });
  });

  test('a workload without the annotation acknowledges nothing and has no problem', () => {
    expect(acknowledgements(workloadOf(deployment()))).toEqual({ reasons: new Map(), problems: [] });
    expect(acknowledgements(workloadOf(deployment({ other: 'x' }, {})))).toEqual({ reasons: new Map(), problems: [] });
  });

  test('an empty annotation (YAML null) acknowledges nothing and has no problem', () => {
    expect(read(null)).toEqual({ reasons: new Map(), problems: [] });
  });

  test('the pod template’s annotation is read as well as the workload’s', () => {
    const workload = workloadOf(deployment({ [ANNOTATION]: 'cpuLimit: measured' }, { [ANNOTATION]: 'noLiveness: a worker' }));
    expect(Object.fromEntries(acknowledgements(workload).reasons)).toEqual({ cpuLimit: 'measured', noLiveness: 'a worker' });
  });

  test('a bare Pod is its own pod template: its annotation is read once', () => {
    const bare = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'debug', annotations: { [ANNOTATION]: 'cpuLimit: measured\nnoCPULimit: typo' } },
      spec: { containers: [{ name: 'app', image: IMAGE }] },
    };
    expect(acknowledgements(workloadOf(bare))).toEqual({
      reasons: new Map([['cpuLimit', 'measured']]),
      problems: [
        {
          path: ['metadata', 'annotations', ANNOTATION],
          message: `${ANNOTATION}: "noCPULimit" is not a rule id (\`hardened-workloads rules\` lists them)`,
        },
      ],
    });
  });
});

describe('acknowledgements: each wrong line is a problem at the annotation, and silences nothing', () => {
  test('an annotation that is not text', () => {
    expect(read(5)).toEqual({
      reasons: new Map(),
      problems: [
        { path: ['metadata', 'annotations', ANNOTATION], message: `${ANNOTATION}: must be a string of "<ruleId>: <reason>" lines` },
      ],
    });
  });

  test('an unknown id', () => {
    expect(messages('noCPULimit: throttling')).toEqual([
      `${ANNOTATION}: "noCPULimit" is not a rule id (\`hardened-workloads rules\` lists them)`,
    ]);
  });

  test('a line without an id before its colon', () => {
    expect(messages(': because')).toEqual([`${ANNOTATION}: "" is not a rule id (\`hardened-workloads rules\` lists them)`]);
  });

  test('a line without a colon is an id without a reason', () => {
    expect(read('cpuLimit')).toEqual({
      reasons: new Map(),
      problems: [
        {
          path: ['metadata', 'annotations', ANNOTATION],
          message: `${ANNOTATION}: cpuLimit needs a reason: write "cpuLimit: <why this workload departs from it>"`,
        },
      ],
    });
  });

  test('a reason of blanks is no reason', () => {
    expect(messages('cpuLimit:    ')).toEqual([
      `${ANNOTATION}: cpuLimit needs a reason: write "cpuLimit: <why this workload departs from it>"`,
    ]);
  });

  test('a rule that is not acknowledgeable (an API rule, or one unsafe in every case)', () => {
    expect(messages('distinctProbes: later')).toEqual([
      `${ANNOTATION}: distinctProbes cannot be acknowledged (it is an API rule or unsafe in every case)`,
    ]);
  });

  test('a rule of the whole input', () => {
    expect(messages('duplicateObject: on purpose')).toEqual([
      `${ANNOTATION}: duplicateObject cannot be acknowledged (it is an API rule or unsafe in every case)`,
    ]);
  });

  test('a Pod Security control no declaration may waive names the four that can be', () => {
    expect(messages('privileged: needs the host')).toEqual([
      `${ANNOTATION}: privileged cannot be acknowledged: no workload may depart from this control of the restricted Pod Security Standard (the controls that can be waived, each with a reason: volumeTypes, runAsNonRoot, runAsUser, capabilities); fix the pod instead`,
    ]);
  });

  test('a Pod Security control that can be waived is acknowledged', () => {
    expect(reasons('volumeTypes: reads the node logs')).toEqual({ volumeTypes: 'reads the node logs' });
  });

  test('a control character in a reason', () => {
    expect(messages('cpuLimit: measured\u001b[2K')).toEqual([
      `${ANNOTATION}: cpuLimit: the reason contains a control character; write it as plain text on one line`,
    ]);
  });

  test('a tab in a reason is a control character too', () => {
    expect(messages('cpuLimit: measured\tlater')).toEqual([
      `${ANNOTATION}: cpuLimit: the reason contains a control character; write it as plain text on one line`,
    ]);
  });

  test('a rule given twice, once under its old id: the first reason stands', () => {
    expect(read('cpuLimit: measured\nnoCpuLimit: measured again')).toEqual({
      reasons: new Map([['cpuLimit', 'measured']]),
      problems: [
        { path: ['metadata', 'annotations', ANNOTATION], message: `${ANNOTATION}: cpuLimit is acknowledged twice; keep one line for it` },
      ],
    });
  });

  test('every wrong line is a problem of its own, and the right lines still count', () => {
    expect(read('noCPULimit: x\ncpuLimit: measured\nprivileged: y')).toMatchObject({
      reasons: new Map([['cpuLimit', 'measured']]),
      problems: [{ message: expect.stringContaining('"noCPULimit"') }, { message: expect.stringContaining('privileged cannot') }],
    });
  });

  test('a wrong line on the pod template is named as the pod template’s, at its path', () => {
    const workload = workloadOf(deployment(undefined, { [ANNOTATION]: 'noCPULimit: x' }));
    expect(acknowledgements(workload).problems).toEqual([
      {
        path: ['spec', 'template', 'metadata', 'annotations', ANNOTATION],
        message: `${ANNOTATION} (pod template): "noCPULimit" is not a rule id (\`hardened-workloads rules\` lists them)`,
      },
    ]);
  });

  test('a rule acknowledged on the workload and on its pod template is acknowledged twice', () => {
    const workload = workloadOf(deployment({ [ANNOTATION]: 'cpuLimit: measured' }, { [ANNOTATION]: 'cpuLimit: measured' }));
    expect(acknowledgements(workload).problems.map((problem) => problem.message)).toEqual([
      `${ANNOTATION} (pod template): cpuLimit is acknowledged twice; keep one line for it`,
    ]);
  });
});

describe('our declared annotation', () => {
  test('the workload’s own times are `key=number` pairs', () => {
    expect(parseDeclaredTimes('startupMaxSeconds=60 drainSeconds=30 propagationSeconds=5')).toEqual({
      startupMaxSeconds: 60,
      drainSeconds: 30,
      propagationSeconds: 5,
    });
  });

  test('an annotation without container times has no `containers` key', () => {
    expect(Object.keys(parseDeclaredTimes('drainSeconds=30'))).toEqual(['drainSeconds']);
  });

  test('the times of other containers are prefixed with the container’s name', () => {
    expect(
      parseDeclaredTimes('drainSeconds=30 migrate.maxSeconds=300 cloud-sql-proxy.stopSeconds=10 cloud-sql-proxy.startSeconds=4'),
    ).toEqual({
      drainSeconds: 30,
      containers: { migrate: { maxSeconds: 300 }, 'cloud-sql-proxy': { stopSeconds: 10, startSeconds: 4 } },
    });
  });

  test('the newer inputs that only adopt reads are read too, and an older annotation reads the same without them', () => {
    expect(parseDeclaredTimes('drainSeconds=30 startupTypicalSeconds=12 probeLatencyMs=250 preStopSeconds=5')).toEqual({
      drainSeconds: 30,
      startupTypicalSeconds: 12,
      probeLatencyMs: 250,
      preStopSeconds: 5,
    });
    expect(parseDeclaredTimes('drainSeconds=30')).toEqual({ drainSeconds: 30 });
  });

  test('no annotation is no time', () => {
    expect(parseDeclaredTimes(undefined)).toEqual({});
  });

  test('annotatedTimes leaves out the hidden preStop delay and the inputs only adopt reads', () => {
    const object = {
      kind: 'Deployment',
      metadata: {
        annotations: {
          'hardened-workloads.io/declared':
            'drainSeconds=30 preStopSeconds=5 startupTypicalSeconds=12 probeLatencyMs=250 migrate.maxSeconds=300',
        },
      },
    };
    expect(annotatedTimes({ source: { object } })).toEqual({ drainSeconds: 30, containers: { migrate: { maxSeconds: 300 } } });
  });

  test('annotatedTimes of an object without metadata or annotations is no time', () => {
    expect(annotatedTimes({ source: { object: { kind: 'Deployment' } } })).toEqual({});
    expect(annotatedTimes({ source: { object: { kind: 'Deployment', metadata: {} } } })).toEqual({});
  });
});
