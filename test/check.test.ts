import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { type CheckReport, checkManifests, DEFAULT_CONFIG, failure, type InputText, InputError, RULE_IDS, synthesizeYaml } from '../src';
import { buildApp } from '../examples/main';
import { checkText } from '../src/manifests/formats/text';
import { deprecationNote, parseConfig } from '../src/manifests/config';
import { parseSourcedManifests } from '../src/files/manifests';
import { workloadsOf } from '../src/manifests/workloads';
import { SEED, validDeclaration } from './support/arbitraries';

/** `check` as a library: what it reads, what it reports and where. The CLI's exit codes are in cli.test.ts. */
const check = (text: string, options = {}) => checkManifests([{ name: 'input.yaml', text }], options);
const ids = (report: CheckReport, subject?: string) =>
  report.findings.filter((finding) => subject === undefined || finding.subject === subject).map((finding) => finding.ruleId);

const container = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  image: `registry.example/${name}:1.0.0`,
  ...extra,
});
const template = (spec: Record<string, unknown>) => ({ metadata: { labels: { app: 'shop' } }, spec });
const POD = { containers: [container('app', { livenessProbe: { httpGet: { path: '/', port: 80 } } })] };

/** One object of every workload kind, each with the same pod. */
const EVERY_KIND = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { strategy: { type: 'Recreate' }, template: template(POD) },
  },
  { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { template: template(POD) } },
  { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { template: template(POD) } },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'legacy' }, spec: { template: template(POD) } },
  { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' }, spec: { template: template({ ...POD, restartPolicy: 'Never' }) } },
  {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'report' },
    spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: template({ ...POD, restartPolicy: 'OnFailure' }) } } },
  },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'debug' }, spec: POD },
  // v1, like a ReplicaSet but with a selector that is a plain map of labels.
  {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'older' },
    spec: { replicas: 1, selector: { app: 'shop' }, template: template(POD) },
  },
  // v1, a pod template stored on its own: the template at the top level, no controller.
  { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 'blueprint' }, template: template(POD) },
];
const everyKind = check(EVERY_KIND.map((object) => stringify(object)).join('---\n'));

describe('every workload kind', () => {
  test('is checked', () => {
    expect(everyKind.workloads.map((workload) => workload.subject)).toEqual([
      'Deployment/web',
      'StatefulSet/db',
      'DaemonSet/agent',
      'ReplicaSet/legacy',
      'Job/migrate',
      'CronJob/report',
      'Pod/debug',
      'ReplicationController/older',
      'PodTemplate/blueprint',
    ]);
  });

  test('gets the rules that apply to every kind, such as the Pod Security Standard', () => {
    for (const workload of everyKind.workloads) expect(ids(everyKind, workload.subject)).toContain('privilegeEscalation');
  });

  test('never gets a rule that does not apply to its kind', () => {
    // The rollout rules exist only for Deployments; replicas and budgets not for DaemonSets, Jobs or Pods.
    expect(ids(everyKind, 'Deployment/web')).toEqual(expect.arrayContaining(['rolloutMaxUnavailable', 'singleReplica']));
    for (const subject of ['StatefulSet/db', 'DaemonSet/agent', 'ReplicaSet/legacy', 'Job/migrate', 'CronJob/report', 'Pod/debug']) {
      expect(ids(everyKind, subject)).not.toContain('rolloutMaxUnavailable');
    }
    for (const subject of ['DaemonSet/agent', 'Job/migrate', 'CronJob/report', 'Pod/debug'])
      expect(ids(everyKind, subject)).not.toContain('singleReplica');
  });

  test('a ReplicationController gets the rules of a ReplicaSet: replicas, but no rollout rule (it has no rolling update)', () => {
    expect(ids(everyKind, 'ReplicationController/older')).toEqual(expect.arrayContaining(['singleReplica', 'probeTimeout']));
    expect(ids(everyKind, 'ReplicationController/older')).not.toContain('rolloutMaxUnavailable');
  });

  test('a PodTemplate is checked as the pod it describes: no controller, so no rollout, replica, budget or spread rule', () => {
    const blueprint = ids(everyKind, 'PodTemplate/blueprint');
    expect(blueprint).toEqual(expect.arrayContaining(['privilegeEscalation', 'probeTimeout', 'resourceRequests']));
    for (const id of ['rolloutMaxUnavailable', 'singleReplica', 'podDisruptionBudget', 'zoneSpread', 'progressDeadline'])
      expect(blueprint).not.toContain(id);
    const finding = everyKind.findings.find((entry) => entry.subject === 'PodTemplate/blueprint' && entry.ruleId === 'privilegeEscalation');
    expect(finding?.fieldPath).toMatch(/^template\.spec\.containers\[0\]/);
  });

  test('a PodTemplate with restartPolicy Never describes a pod that runs to completion: the rules of Jobs', () => {
    const podTemplate = (name: string, restartPolicy: string) =>
      stringify({
        apiVersion: 'v1',
        kind: 'PodTemplate',
        metadata: { name },
        template: template({ containers: [container('task')], restartPolicy }),
      });
    const report = check(`${podTemplate('task', 'Never')}---\n${podTemplate('server', 'Always')}`);
    expect(ids(report, 'PodTemplate/task')).not.toContain('noLiveness');
    expect(ids(report, 'PodTemplate/server')).toContain('noLiveness');
  });

  test('Jobs, CronJobs and run-to-completion Pods are not held to the rules of serving pods', () => {
    const runToCompletion = check(
      stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'task' },
        spec: { restartPolicy: 'Never', containers: [container('task')] },
      }),
    );
    for (const report of [everyKind, runToCompletion]) {
      for (const subject of ['Job/migrate', 'CronJob/report', 'Pod/task']) {
        expect(ids(report, subject)).not.toContain('noLiveness');
        expect(ids(report, subject)).not.toContain('distinctProbes');
      }
    }
    expect(ids(everyKind, 'Pod/debug')).not.toContain('noLiveness'); // it has one
  });

  test('a Job without a deadline and without a declared run is told the numbers it can know, never a `?`', () => {
    const finding = everyKind.findings.find((entry) => entry.ruleId === 'deadlineCoversAttempts' && entry.subject === 'Job/migrate')!;
    expect(`${finding.message} ${finding.fix}`).not.toContain('?');
    expect(finding.message).toMatch(/needed 7 attempts \(backoffLimit 6 \+ 1\) × \(init 0 s \+ the slowest run\) \+ back-off \d+ s\)$/);
    expect(finding.fix).toMatch(/^Set activeDeadlineSeconds to at least 7 attempts .*; declare runMaxSeconds to have it worked out\.$/);
  });

  test('reads the pod template of a CronJob through its jobTemplate, with the field path to match', () => {
    const finding = everyKind.findings.find((entry) => entry.subject === 'CronJob/report' && entry.ruleId === 'probeTimeout');
    expect(finding?.fieldPath).toBe('spec.jobTemplate.spec.template.spec.containers[0].livenessProbe.timeoutSeconds');
  });
});

describe('every container, init container and native sidecar', () => {
  const pod = {
    initContainers: [
      container('migrate', { securityContext: { privileged: true } }),
      container('proxy', { restartPolicy: 'Always', readinessProbe: { tcpSocket: { port: 15021 }, timeoutSeconds: 1 } }),
    ],
    containers: [container('app'), container('worker', { readinessProbe: { tcpSocket: { port: 9000 }, timeoutSeconds: 1 } })],
  };
  const report = check(
    stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'shop' }, spec: { template: template(pod) } }),
  );
  const paths = (id: string) => report.findings.filter((finding) => finding.ruleId === id).map((finding) => finding.fieldPath);

  test('container rules see the second main container and the sidecar, not only the first container', () => {
    expect(paths('probeTimeout')).toEqual([
      'spec.template.spec.initContainers[1].readinessProbe.timeoutSeconds',
      'spec.template.spec.containers[1].readinessProbe.timeoutSeconds',
    ]);
  });

  test('Pod Security rules see init containers', () => {
    expect(paths('privileged')).toEqual(['spec.template.spec.initContainers[0].securityContext.privileged']);
  });

  test('rules about serving (liveness) see main containers only', () => {
    expect(paths('noLiveness')).toEqual([
      'spec.template.spec.containers[0].livenessProbe',
      'spec.template.spec.containers[1].livenessProbe',
    ]);
  });
});

describe('ordinary sidecars, init phases and mesh proxies', () => {
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'shop' },
    spec: { selector: { app: 'shop' }, ports: [{ port: 80, targetPort: 'http' }] },
  };
  const deployment = (spec: Record<string, unknown>, annotations: Record<string, string> = {}) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'shop', annotations },
    spec: { template: template(spec) },
  });
  const app = container('app', { ports: [{ name: 'http', containerPort: 8080 }], lifecycle: { preStop: { sleep: { seconds: 10 } } } });
  const declared = { 'hardened-workloads.io/declared': 'startupMaxSeconds=60 drainSeconds=30 propagationSeconds=10' };

  test('a container the Service sends no traffic to is an ordinary sidecar: it is held to invariant 13, not to the rules of serving', () => {
    const report = check(
      [deployment({ containers: [app, container('proxy')] }, declared), service].map((object) => stringify(object)).join('---\n'),
    );
    const about = (id: string) => report.findings.filter((finding) => finding.ruleId === id).map((finding) => finding.fieldPath);
    expect(about('noLiveness')).toEqual(['spec.template.spec.containers[0].livenessProbe']);
    expect(about('sidecarsOutliveDrain')).toEqual(['spec.template.spec.containers[1].lifecycle.preStop']);
    expect(report.findings.find((finding) => finding.ruleId === 'sidecarsOutliveDrain')!.fix).toBe(
      'Delay SIGTERM to sidecar proxy by at least 40 s in its preStop hook.',
    );
  });
  test('without a declared stop time, a sidecar that outlives the drain leaves invariant 13 undecided unless even 0 s is too long', () => {
    const proxy = container('proxy', { lifecycle: { preStop: { exec: { command: ['sleep', '40'] } } } });
    const pod = (grace: number, annotations: Record<string, string>) =>
      [deployment({ containers: [app, proxy], terminationGracePeriodSeconds: grace }, annotations), service]
        .map((object) => stringify(object))
        .join('---\n');
    expect(check(pod(60, declared)).workloads[0]!.undecided.find((entry) => entry.ruleId === 'sidecarsOutliveDrain')?.detail).toBe(
      'sidecar proxy: SIGTERM at 40 s vs drain end 10 + 30 = 40 s, grace 60 s vs 40 + stop ? + 5 = ? s',
    );
    expect(check(pod(30, declared)).findings.find((finding) => finding.ruleId === 'sidecarsOutliveDrain')?.fix).toBe(
      'Raise terminationGracePeriodSeconds to at least 45.',
    );
    // With its stop time declared, the grace of 60 s is too short for it.
    const annotated = { 'hardened-workloads.io/declared': `${declared['hardened-workloads.io/declared']} proxy.stopSeconds=25` };
    expect(check(pod(60, annotated)).findings.find((finding) => finding.ruleId === 'sidecarsOutliveDrain')?.message).toBe(
      'sidecar proxy: SIGTERM at 40 s vs drain end 10 + 30 = 40 s, grace 60 s vs 40 + stop 25 + 5 = 70 s',
    );
  });
  test("an init container's run time comes from the declared annotation; without it the progress deadline is undecided", () => {
    const pod = { initContainers: [container('migrate')], containers: [app] };
    const undecided = check(stringify(deployment(pod, declared))).workloads[0]!.undecided.map((entry) => entry.ruleId);
    expect(undecided).toContain('progressDeadline');
    const annotated = { 'hardened-workloads.io/declared': `${declared['hardened-workloads.io/declared']} migrate.maxSeconds=900` };
    const report = check(stringify(deployment(pod, annotated)));
    expect(report.findings.find((finding) => finding.ruleId === 'progressDeadline')?.message).toBe(
      'progressDeadlineSeconds 600 vs init 900 + worst start 60 + minReady 0 = 960 s',
    );
  });
  test("a native sidecar's startup window is held to its own declared start, not the application's", () => {
    const proxy = container('proxy', {
      restartPolicy: 'Always',
      startupProbe: { httpGet: { path: '/startup', port: 9090 }, periodSeconds: 3, timeoutSeconds: 2, failureThreshold: 5 },
    });
    const annotated = { 'hardened-workloads.io/declared': `${declared['hardened-workloads.io/declared']} proxy.startSeconds=20` };
    const report = check(stringify(deployment({ initContainers: [proxy], containers: [app] }, annotated)));
    expect(report.findings.filter((finding) => finding.ruleId === 'startupWindow').map((finding) => finding.message)).toEqual([
      'container proxy: startup window 3 s × 5 = 15 s vs 1.5 × 20 s',
    ]);
  });
  test.each([
    [
      'an Istio proxy configured to drain 40s',
      { 'proxy.istio.io/config': 'terminationDrainDuration: 40s' },
      'istio proxy: SIGTERM at 40 s',
    ],
    [
      'an Istio proxy configured in JSON, 1m',
      { 'proxy.istio.io/config': '{"terminationDrainDuration": "1m"}' },
      'istio proxy: SIGTERM at 60 s',
    ],
    ['a Linkerd proxy waiting 40 s', { 'config.alpha.linkerd.io/proxy-wait-before-exit-seconds': '40' }, 'linkerd proxy: SIGTERM at 40 s'],
  ])('%s is read from the pod annotations', (_, annotations, detail) => {
    const pod = deployment({ containers: [app], terminationGracePeriodSeconds: 30 }, declared);
    (pod.spec.template.metadata as Record<string, unknown>).annotations = annotations;
    const finding = check(stringify(pod)).findings.find((each) => each.ruleId === 'sidecarsOutliveDrain');
    expect(finding?.message).toContain(detail);
  });
});

describe('related objects', () => {
  const deployment = (namespace: string, replicas = 3) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'shop', namespace },
    spec: { replicas, template: template(POD) },
  });
  const budget = (namespace: string) => ({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'shop', namespace },
    spec: { selector: { matchLabels: { app: 'shop' } }, maxUnavailable: 1, unhealthyPodEvictionPolicy: 'AlwaysAllow' },
  });

  test("a workload's Ingresses and routes are those sending to any of its Services, each once, in input order", () => {
    const service = (name: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: 'shop' } } });
    const ingress = (name: string, ...services: string[]) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name },
      spec: { rules: [{ http: { paths: services.map((backend) => ({ path: '/', backend: { service: { name: backend } } })) } }] },
    });
    const route = (name: string, service: string) => ({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name },
      spec: { rules: [{ backendRefs: [{ name: service, port: 80 }] }] },
    });
    const objects = [
      route('late-route', 'web'),
      ingress('both', 'web', 'admin'),
      ingress('other', 'elsewhere'),
      { ...deployment(''), metadata: { name: 'shop' } },
      ingress('web-only', 'web'),
      service('admin'),
      service('web'),
      ingress('admin-only', 'admin'),
      route('admin-route', 'admin'),
    ];
    const [workload] = workloadsOf(
      parseSourcedManifests({ name: 'input.yaml', text: objects.map((object) => stringify(object)).join('---\n') }).objects,
    );
    const names = (found: readonly { object: { metadata?: { name?: string } } }[]) => found.map((source) => source.object.metadata?.name);
    expect(names(workload!.related.ingresses)).toEqual(['both', 'web-only', 'admin-only']);
    expect(names(workload!.related.routes)).toEqual(['late-route', 'admin-route']);
  });

  test('a PodDisruptionBudget selects pods in its own namespace only', () => {
    const report = check([deployment('a'), deployment('b'), budget('a')].map((object) => stringify(object)).join('---\n'));
    expect(ids(report, 'Deployment/a/shop')).not.toContain('podDisruptionBudget');
    expect(ids(report, 'Deployment/b/shop')).toContain('podDisruptionBudget');
  });

  describe('names like constructor and __proto__ in the input are only names', () => {
    const inherited = (expression: Record<string, unknown>, annotations: Record<string, string> = {}) =>
      [
        { ...deployment('a'), metadata: { name: 'shop', namespace: 'a', annotations } },
        {
          ...budget('a'),
          spec: { selector: { matchExpressions: [expression] }, maxUnavailable: 1, unhealthyPodEvictionPolicy: 'AlwaysAllow' },
        },
      ]
        .map((object) => stringify(object))
        .join('---\n');

    test('a budget selecting pods with a label `constructor` selects nothing when the pods have no such label', () => {
      expect(ids(check(inherited({ key: 'constructor', operator: 'Exists' })), 'Deployment/a/shop')).toContain('podDisruptionBudget');
    });

    test('a budget selecting pods without a label `__proto__` selects the pods that have none', () => {
      expect(ids(check(inherited({ key: '__proto__', operator: 'DoesNotExist' })), 'Deployment/a/shop')).not.toContain(
        'podDisruptionBudget',
      );
    });

    test('a declared time of a container named `constructor` is its own entry, and the run completes', () => {
      const report = check(
        inherited({ key: 'app', operator: 'Exists' }, { 'hardened-workloads.io/declared': 'constructor.keys=1 drainSeconds=5' }),
      );
      expect(report.workloads[0]!.declared).toMatchObject({ drainSeconds: 5, containers: { constructor: { keys: 1 } } });
      expect(typeof Object.keys).toBe('function');
    });
  });

  // The index files such budgets under an In expression's values or an Exists expression's key (relations.ts), so it must still find exactly these.
  test.each([
    [{ key: 'app', operator: 'In', values: ['other', 'shop'] }, true],
    [{ key: 'app', operator: 'In', values: ['other'] }, false],
    [{ key: 'app', operator: 'Exists' }, true],
    [{ key: 'tier', operator: 'Exists' }, false],
    [{ key: 'app', operator: 'NotIn', values: ['other'] }, true],
    [{ key: 'app', operator: 'DoesNotExist' }, false],
  ])('a budget selecting with matchExpressions only, %j, selects the pods Kubernetes says it does (%s)', (expression, selects) => {
    const selector = { matchExpressions: [expression, { key: 'app', operator: 'NotIn', values: ['legacy'] }] };
    const text = [deployment('a'), { ...budget('a'), spec: { ...budget('a').spec, selector } }]
      .map((object) => stringify(object))
      .join('---\n');
    expect(ids(check(text)).includes('podDisruptionBudget')).toBe(!selects);
  });

  test('a HorizontalPodAutoscaler targeting the workload decides its replicas', () => {
    const autoscaler = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'shop', namespace: 'a' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'shop' }, minReplicas: 1, maxReplicas: 4 },
    };
    const report = check([deployment('a', 5), budget('a'), autoscaler].map((object) => stringify(object)).join('---\n'));
    expect(report.findings.filter((finding) => finding.ruleId === 'singleReplica')).toEqual([
      expect.objectContaining({
        object: { kind: 'HorizontalPodAutoscaler', name: 'shop', namespace: 'a' },
        fieldPath: 'spec.minReplicas',
        line: 43,
      }),
    ]);
  });
});

describe('consistency of the input', () => {
  const deployment = (name: string, namespace?: string) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: { replicas: 2, selector: { matchLabels: { app: 'shop' } }, template: template(POD) },
  });
  const yaml = (...objects: object[]) => objects.map((object) => stringify(object)).join('---\n');

  test('an object written twice is reported once, at the later copy, and every other rule checks the first copy only', () => {
    const once = check(yaml(deployment('web')));
    const text = yaml(deployment('web'), deployment('web'));
    const twice = check(text);
    const names = text.split('\n').flatMap((line, index) => (line === '  name: web' ? [index + 1] : []));
    expect(twice.workloads).toHaveLength(1);
    expect(twice.findings.filter((finding) => finding.ruleId !== 'duplicateObject')).toEqual(once.findings);
    expect(twice.findings.filter((finding) => finding.ruleId === 'duplicateObject')).toEqual([
      expect.objectContaining({ severity: 'error', subject: 'Deployment/web', fieldPath: 'metadata.name', line: names[1] }),
    ]);
  });

  test('apps/v1 and apps/v1beta2 name one object; a namespace-less copy is not the one in `default`', () => {
    const older = { ...deployment('web', 'default'), apiVersion: 'apps/v1beta2' };
    expect(ids(check(yaml(deployment('web', 'default'), older)))).toContain('duplicateObject');
    expect(ids(check(yaml(deployment('web'), deployment('web', 'default'))))).not.toContain('duplicateObject');
  });

  test('a Service that selects nothing is not judged in a file without workloads, such as one template of a chart', () => {
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
    };
    expect(ids(check(yaml(service)))).not.toContain('serviceSelectsPods');
    expect(ids(check(yaml(service, deployment('other'))))).toContain('serviceSelectsPods');
  });

  test("a ReplicationController's selector is read as the plain map of labels it is, and a left-out one as the pod template's labels", () => {
    const controller = (selector?: Record<string, string>, labels: Record<string, string> = { app: 'shop' }) => ({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'older' },
      spec: { replicas: 2, ...(selector ? { selector } : {}), template: { metadata: { labels }, spec: POD } },
    });
    const messages = (object: object) =>
      check(yaml(object))
        .findings.filter((finding) => finding.ruleId === 'selectorMatchesTemplate')
        .map((finding) => `${finding.fieldPath}: ${finding.message}`);
    expect(messages(controller({ app: 'shop' }, { app: 'shop', tier: 'web' }))).toEqual([]);
    expect(messages(controller())).toEqual([]);
    expect(messages(controller({ app: 'shop', tier: 'frontend' }, { app: 'shop', tier: 'web' }))).toEqual([
      'spec.selector: the selector app=shop,tier=frontend does not select its own pod template\'s labels (app=shop,tier=web): the API server rejects it ("`selector` does not match template `labels`")',
    ]);
    expect(messages(controller(undefined, {}))).toEqual([
      'spec: no spec.selector and no pod template labels to default it to: the API server rejects a ReplicationController that does not select its pods',
    ]);
  });

  test('the rules of the input cannot be acknowledged: the annotation naming one is a validAcknowledgement error of its workload', () => {
    const acknowledged = {
      ...deployment('web'),
      metadata: { name: 'web', annotations: { 'hardened-workloads.io/acknowledged': 'duplicateObject: on purpose' } },
    };
    const report = check(yaml(acknowledged));
    expect(report.findings.find((finding) => finding.ruleId === 'validAcknowledgement')?.message).toMatch(/duplicateObject/);
  });
});

describe('input', () => {
  const problems = (inputs: InputText[]) => {
    try {
      checkManifests(inputs);
    } catch (error) {
      if (error instanceof InputError) return error.message;
      throw error;
    }
    throw new Error('expected an input error');
  };

  test('a List (kubectl get -o yaml) is read item by item, with each item at its own line', () => {
    const report = check(stringify({ apiVersion: 'v1', kind: 'List', items: [EVERY_KIND[0], EVERY_KIND[1]] }));
    expect(report.workloads.map(({ subject, line }) => [subject, line])).toEqual([
      ['Deployment/web', 4],
      ['StatefulSet/db', 23],
    ]);
  });

  test('a document that is not a Kubernetes object is an error with its position', () => {
    expect(problems([{ name: 'values.yaml', text: '---\n# a declaration by mistake\nname: checkout\nimage: app:1.0.0\n' }])).toBe(
      'values.yaml:3:1: document 1 is not a Kubernetes object: it has no apiVersion and kind (its fields: name, image); is it a declaration or values file?',
    );
  });

  test('a malformed field is an error naming the object, the field and its position', () => {
    expect(problems([{ name: 'app.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: 5\n' }])).toBe(
      'app.yaml:4:1: Deployment/web: spec must be a mapping, not 5',
    );
    expect(
      problems([{ name: 'app.yaml', text: stringify({ ...EVERY_KIND[0], spec: { replicas: 'three', template: template(POD) } }) }]),
    ).toBe('app.yaml:6:3: Deployment/web: spec.replicas must be a whole number, not "three"');
  });

  test('every problem of every input is reported at once, and nothing is checked', () => {
    const message = problems([
      { name: 'a.yaml', text: 'kind: [unclosed\n' },
      { name: 'b.yaml', text: '- 1\n- 2\n' },
    ]);
    expect(message.split('\n')).toEqual([
      expect.stringMatching(/^a\.yaml:2:1: invalid YAML: /),
      'b.yaml:1:1: document 1 is not a Kubernetes object: it is not a mapping of fields',
    ]);
  });

  test('kinds that are not read are listed as not checked, never dropped silently', () => {
    const report = check(
      `${stringify(EVERY_KIND[0])}---\n${stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: {} })}`,
    );
    expect(report.skipped).toEqual([{ object: { kind: 'ConfigMap', name: 'settings' }, file: 'input.yaml', line: 21, column: 1 }]);
  });

  describe('a kind check does not read that carries a pod template (a custom resource that runs pods)', () => {
    const rollout = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: 'canary' },
      spec: { strategy: { canary: { steps: [{ setWeight: 20 }] } }, template: template(POD) },
    };
    const cloneSet = {
      apiVersion: 'apps.kruise.io/v1alpha1',
      kind: 'CloneSet',
      metadata: { name: 'clones' },
      spec: { template: template(POD) },
    };
    const scaledJob = {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledJob',
      metadata: { name: 'queue' },
      spec: { jobTargetRef: { template: template(POD) } },
    };
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { containers: '[]' } };
    const report = check([EVERY_KIND[0], rollout, cloneSet, scaledJob, configMap].map((object) => stringify(object)).join('---\n'));

    test('is named as not checked, with where its pod template is', () => {
      expect(report.skipped.map(({ object, podTemplate }) => [`${object.kind}/${object.name}`, podTemplate])).toEqual([
        ['Rollout/canary', 'spec.template'],
        ['CloneSet/clones', 'spec.template'],
        ['ScaledJob/queue', 'spec.jobTargetRef.template'],
        ['ConfigMap/settings', undefined],
      ]);
    });

    test('the text report says so and counts them in the summary', () => {
      const text = checkText(report);
      expect(text).toContain('Rollout/canary: not checked: Rollout carries a pod template that check does not read (spec.template)');
      expect(text).toContain('4 object(s) not checked (3 carrying a pod template)');
    });
  });

  test('the text report escapes control characters from the manifests, so that they cannot rewrite CI log lines', () => {
    const forged = 'web\r\u001b[2K0 workload(s) checked. Passed.\n\u202e';
    const text = checkText(check(stringify({ ...EVERY_KIND[0], metadata: { name: forged } })));
    expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    expect(text).toContain('Deployment/web\\r\\u001b[2K0 workload(s) checked. Passed.\\n\\u202e: ');
  });

  test('an input error escapes control characters too', () => {
    expect(() => check('kind: Deployment\napiVersion: apps/v1\nmetadata: {name: "a\\u001b[2K"}\nspec: 5\n')).toThrow(
      'Deployment/a\\u001b[2K: ',
    );
  });

  test('input without any workload fails the gate with the reason', () => {
    const report = check(stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } }));
    expect(report.workloads).toEqual([]);
    expect(failure(report)).toBe('no workload found: nothing was checked');
  });
});

describe('acknowledgements', () => {
  const acknowledged = (text: string) =>
    stringify({
      ...EVERY_KIND[0],
      metadata: { name: 'web', annotations: { 'hardened-workloads.io/acknowledged': text } },
    });

  test('a finding the workload acknowledges with a reason is reported as suppressed, with the reason', () => {
    const report = check(acknowledged('startupWindow: checked later\ncpuLimit: latency-sensitive, throttling hurts more'));
    expect(report.findings.filter((finding) => finding.ruleId === 'cpuLimit')).toEqual([
      expect.objectContaining({ suppressed: { reason: 'latency-sensitive, throttling hurts more' } }),
    ]);
    expect(report.findings.filter((finding) => finding.ruleId === 'resourceRequests')[0]!.suppressed).toBeUndefined();
  });

  test.each([
    ['without a reason', 'noCpuLimit:', 'noCpuLimit needs a reason: write "noCpuLimit: <why this workload departs from it>"'],
    ['with an unknown id', 'noCPULimit: throttling', '"noCPULimit" is not a rule id (`hardened-workloads rules` lists them)'],
    [
      'of a rule that cannot be acknowledged',
      'distinctProbes: later',
      'distinctProbes cannot be acknowledged (it is an API rule or unsafe in every case)',
    ],
    [
      'of a Pod Security control that no declaration may waive',
      'privileged: needs the host',
      'privileged cannot be acknowledged: no workload may depart from this control of the restricted Pod Security Standard (the controls that can be waived, each with a reason: volumeTypes, runAsNonRoot, runAsUser, capabilities); fix the pod instead',
    ],
    [
      'given twice, once under its old id',
      'cpuLimit: measured\nnoCpuLimit: measured again',
      'cpuLimit is acknowledged twice; keep one line for it',
    ],
    [
      'with a control character in its reason',
      'noCpuLimit: measured\r\u001b[2K',
      'noCpuLimit: the reason contains a control character; write it as plain text on one line',
    ],
  ])('an acknowledgement %s is a validAcknowledgement error at the annotation, naming the workload', (_, text, message) => {
    expect(check(acknowledged(text)).findings.filter((finding) => finding.ruleId === 'validAcknowledgement')).toEqual([
      expect.objectContaining({
        subject: 'Deployment/web',
        severity: 'error',
        file: 'input.yaml',
        line: 6,
        column: 5,
        fieldPath: 'metadata.annotations[hardened-workloads.io/acknowledged]',
        message: `hardened-workloads.io/acknowledged: ${message}`,
      }),
    ]);
  });

  test('a line forged into a reason cannot silence a privileged container: the line is reported and the finding stays', () => {
    const privileged = stringify({
      ...EVERY_KIND[0],
      metadata: { name: 'web', annotations: { 'hardened-workloads.io/acknowledged': 'singleReplica: preview\nprivileged: preview' } },
      spec: { template: template({ containers: [container('app', { securityContext: { privileged: true } })] }) },
    });
    const report = check(privileged);
    expect(report.findings.filter((finding) => finding.ruleId === 'privileged').map((finding) => finding.suppressed)).toEqual([undefined]);
    expect(report.findings.find((finding) => finding.ruleId === 'validAcknowledgement')?.message).toMatch(
      /^hardened-workloads\.io\/acknowledged: privileged cannot be acknowledged/,
    );
    expect(failure(report)).toMatch(/finding\(s\) at or above warning/);
  });

  test('a wrong acknowledgement on one workload aborts nothing: the other workload is checked and reported as well', () => {
    const other = stringify({
      ...EVERY_KIND[1],
      metadata: { name: 'db', annotations: { 'hardened-workloads.io/acknowledged': 'cpuLimit: measured' } },
    });
    const report = check(`${acknowledged('privileged: needs the host')}---\n${other}`);
    expect(report.workloads.map((workload) => workload.subject)).toEqual(['Deployment/web', 'StatefulSet/db']);
    expect(report.findings.filter((finding) => finding.ruleId === 'validAcknowledgement').map((finding) => finding.subject)).toEqual([
      'Deployment/web',
    ]);
    expect(report.findings.filter((finding) => finding.subject === 'StatefulSet/db' && finding.ruleId === 'cpuLimit')).toEqual([
      expect.objectContaining({ suppressed: { reason: 'measured' } }),
    ]);
  });

  test.each([
    ['noCpuLimit', 'cpuLimit'],
    ['readinessTimeout', 'probeTimeout'],
  ])('a renamed id, %s, still acknowledges the rule that replaced it, %s', (old, id) => {
    const report = check(
      stringify({
        ...EVERY_KIND[0],
        metadata: { name: 'web', annotations: { 'hardened-workloads.io/acknowledged': `${old}: deployed before the rename` } },
      }),
    );
    const findings = report.findings.filter((finding) => finding.ruleId === id);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.suppressed?.reason === 'deployed before the rename')).toBe(true);
  });

  test('the host paths of a node agent (volumeTypes, a documented waiver) can still be acknowledged', () => {
    expect(ids(check(acknowledged('volumeTypes: reads the node logs')))).not.toContain('validAcknowledgement');
  });

  test('an acknowledgement on the pod template is honoured, and named as the pod template’s when it is wrong', () => {
    const onTemplate = (text: string) =>
      stringify({
        ...EVERY_KIND[0],
        spec: {
          template: {
            ...template(POD),
            metadata: { labels: { app: 'shop' }, annotations: { 'hardened-workloads.io/acknowledged': text } },
          },
        },
      });
    const report = check(onTemplate('cpuLimit: latency-sensitive'));
    expect(report.findings.filter((finding) => finding.ruleId === 'cpuLimit')).toEqual([
      expect.objectContaining({ suppressed: { reason: 'latency-sensitive' } }),
    ]);
    expect(check(onTemplate('noCPULimit: x')).findings.find((finding) => finding.ruleId === 'validAcknowledgement')).toMatchObject({
      subject: 'Deployment/web',
      fieldPath: 'spec.template.metadata.annotations[hardened-workloads.io/acknowledged]',
      message: 'hardened-workloads.io/acknowledged (pod template): "noCPULimit" is not a rule id (`hardened-workloads rules` lists them)',
    });
  });
});

describe('configuration', () => {
  const legacy = stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'legacy', annotations: { 'hardened-workloads.io/declared': 'drainSeconds=20' } },
    spec: { template: template({ terminationGracePeriodSeconds: 30, containers: [container('app')] }) },
  });
  const graceFinding = (report: CheckReport) => report.findings.find((finding) => finding.ruleId === 'graceCoversShutdown')?.message;

  test('rules can be turned off or given another severity', () => {
    const report = check(legacy, { config: { ...DEFAULT_CONFIG, rules: { noLiveness: 'off', cpuLimit: 'note' } } });
    expect(ids(report)).not.toContain('noLiveness');
    expect(report.findings.find((finding) => finding.ruleId === 'cpuLimit')?.severity).toBe('note');
    expect(report.rules).toHaveLength(RULE_IDS.length - 1);
  });

  test('a renamed id in the configuration sets the rule that replaced it', () => {
    const { config, problems } = parseConfig({ rules: { noCpuLimit: 'off', readinessTimeout: 'note' } }, 'gate.yaml');
    expect(problems).toEqual([]);
    expect(config.rules).toEqual({ cpuLimit: 'off', probeTimeout: 'note' });
    expect(deprecationNote('noCpuLimit')).toMatch(/^noCpuLimit is now called cpuLimit \(.+\); the old id still works, but write cpuLimit$/);
    expect(deprecationNote('cpuLimit')).toBeUndefined();
  });

  test('failOn decides which severities fail the run', () => {
    const notes = check(legacy, { config: { ...DEFAULT_CONFIG, failOn: 'error', rules: {} } });
    expect(failure(notes)).toMatch(/at or above error$/);
    expect(failure({ ...notes, failOn: 'never' })).toBeUndefined();
  });

  const service = stringify({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'legacy' },
    spec: { selector: { app: 'shop' }, ports: [{ port: 80 }] },
  });

  test('declared times: flags for every serving workload, the annotation over them, a named entry over both', () => {
    expect(check(legacy).workloads[0]!.declared).toEqual({ drainSeconds: 20 });
    expect(check(`${legacy}---\n${service}`, { declared: { drainSeconds: 40, propagationSeconds: 10 } }).workloads[0]!.declared).toEqual({
      drainSeconds: 20,
      propagationSeconds: 10,
    });
    const config = { ...DEFAULT_CONFIG, declared: [{ drainSeconds: 5 }, { name: 'legacy', kind: 'Deployment', drainSeconds: 60 }] };
    expect(check(legacy, { config }).workloads[0]!.declared).toEqual({ drainSeconds: 60 });
    expect(graceFinding(check(legacy))).toBeUndefined();
    expect(graceFinding(check(legacy, { config }))).toBe('grace 30 s vs preStop 0 + drain 60 + 5 = 65 s');
  });

  test('an entry that names no workload of the input is an input error naming the entry', () => {
    const config = {
      ...DEFAULT_CONFIG,
      file: 'gate.yaml',
      declared: [
        { name: 'legacy', drainSeconds: 5 },
        { name: 'legacy', kind: 'StatefulSet', drainSeconds: 60 },
      ],
    };
    expect(() => check(legacy, { config })).toThrow(
      'gate.yaml: declared[1]: names StatefulSet/legacy, which is no workload of the input; correct kind, namespace or name, or remove the entry',
    );
  });

  test('flags and entries without a name do not apply to a workload no Service sends traffic to (a metrics exporter, an agent)', () => {
    const config = { ...DEFAULT_CONFIG, declared: [{ drainSeconds: 5, runMaxSeconds: 60 }] };
    expect(check(legacy, { config, declared: { propagationSeconds: 10, startupMaxSeconds: 30 } }).workloads[0]!.declared).toEqual({
      drainSeconds: 20,
      runMaxSeconds: 60,
    });
  });
});

describe('our own output', () => {
  const folder = mkdtempSync(join(tmpdir(), 'hardened-check-'));
  buildApp(folder).synth();
  const inputs = readdirSync(folder).map((file) => ({ name: file, text: readFileSync(join(folder, file), 'utf8') }));

  test('every example checks clean: every rule decided, no finding but the acknowledged ones, only NetworkPolicies, ConfigMaps and monitors not checked', () => {
    const report = checkManifests(inputs);
    expect(report.workloads.length).toBeGreaterThanOrEqual(5);
    // The log shipper's host path, API token and root (both controls that report it) are its acknowledged departures, each with the reason its declaration gives.
    expect(report.findings.map(({ ruleId, subject, suppressed }) => ({ ruleId, subject, acknowledged: suppressed !== undefined }))).toEqual(
      [
        { ruleId: 'automountServiceAccountToken', subject: 'DaemonSet/log-shipper', acknowledged: true },
        { ruleId: 'runAsNonRoot', subject: 'DaemonSet/log-shipper', acknowledged: true },
        { ruleId: 'runAsUser', subject: 'DaemonSet/log-shipper', acknowledged: true },
        { ruleId: 'volumeTypes', subject: 'DaemonSet/log-shipper', acknowledged: true },
      ],
    );
    expect(report.workloads.flatMap((workload) => workload.undecided)).toEqual([]);
    // The Prometheus Operator's monitors (metrics) are no workloads either.
    expect(new Set(report.skipped.map((entry) => entry.object.kind))).toEqual(new Set(['NetworkPolicy', 'ConfigMap', 'ServiceMonitor']));
  });

  test('any accepted declaration synthesizes to manifests with no finding that is not acknowledged', () => {
    fc.assert(
      fc.property(validDeclaration, (declaration) => {
        const report = checkManifests([{ name: 'out.yaml', text: synthesizeYaml([declaration]) }]);
        expect(report.findings.filter((finding) => !finding.suppressed).map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual(
          [],
        );
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});

describe('load balancers in front of a workload (AWS Load Balancer Controller, IP targets)', () => {
  const DEPLOYMENT = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'shop',
      annotations: { 'hardened-workloads.io/declared': 'drainSeconds=25 propagationSeconds=10' },
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          terminationGracePeriodSeconds: 45,
          containers: [
            container('app', {
              ports: [{ name: 'http', containerPort: 8080 }],
              readinessProbe: { httpGet: { path: '/readyz', port: 'http' }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 3 },
            }),
          ],
        },
      },
    },
  };
  const service = (annotations: Record<string, string> = {}, spec: Record<string, unknown> = {}) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'shop', annotations },
    spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], ...spec },
  });
  const ingress = (annotations: Record<string, string>, className = 'alb', backend = 'web') => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'shop', annotations },
    spec: {
      ingressClassName: className,
      rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: backend, port: { name: 'http' } } } }] } }],
    },
  });
  const ALB_GOOD = {
    'alb.ingress.kubernetes.io/target-type': 'ip',
    'alb.ingress.kubernetes.io/healthcheck-path': '/readyz',
    'alb.ingress.kubernetes.io/target-group-attributes': 'deregistration_delay.timeout_seconds=40',
  };
  const run = (...objects: object[]) => check(objects.map((object) => stringify(object)).join('---\n'));
  const findings = (report: CheckReport, id: string) =>
    report.findings
      .filter((finding) => finding.ruleId === id)
      .map(({ object, fieldPath, message }) => ({ object: `${object.kind}/${object.name}`, fieldPath, message }));

  test('an ALB Ingress with the controller defaults: a 300 s delay past the grace period, and a health check of /', () => {
    const report = run(DEPLOYMENT, service(), ingress({ 'alb.ingress.kubernetes.io/target-type': 'ip' }));
    expect(findings(report, 'deregistrationDelay')).toEqual([
      {
        object: 'Ingress/web',
        fieldPath: 'metadata.annotations[alb.ingress.kubernetes.io/target-group-attributes]',
        message: 'Ingress/shop/web (ALB): deregistration delay 300 s vs propagation 10 + drain 25 = 35 s, grace 45 s',
      },
    ]);
    expect(findings(report, 'loadBalancerHealthCheck')).toEqual([
      {
        object: 'Ingress/web',
        fieldPath: 'metadata.annotations[alb.ingress.kubernetes.io/healthcheck-path]',
        message: 'Ingress/shop/web (ALB) checks HTTP /, readiness checks httpGet HTTP :8080/readyz',
      },
    ]);
  });

  test('settings that fit the pod pass', () => {
    const report = run(DEPLOYMENT, service(), ingress(ALB_GOOD));
    expect([...findings(report, 'deregistrationDelay'), ...findings(report, 'loadBalancerHealthCheck')]).toEqual([]);
  });

  test("an annotation on the Service wins over the Ingress's, and the finding points at the Service", () => {
    const report = run(
      DEPLOYMENT,
      service({ 'alb.ingress.kubernetes.io/target-group-attributes': 'deregistration_delay.timeout_seconds=90' }),
      ingress(ALB_GOOD),
    );
    expect(findings(report, 'deregistrationDelay').map(({ object }) => object)).toEqual(['Service/web']);
  });

  test('an Ingress of another class is an ALB Ingress when an IngressClass of the controller names it', () => {
    const ipOnService = service({ 'alb.ingress.kubernetes.io/target-type': 'ip' });
    const ingressClass = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'public' },
      spec: { controller: 'ingress.k8s.aws/alb' },
    };
    expect(findings(run(DEPLOYMENT, ipOnService, ingress({}, 'public')), 'deregistrationDelay')).toEqual([]);
    expect(findings(run(DEPLOYMENT, ipOnService, ingress({}, 'public'), ingressClass), 'deregistrationDelay')).toHaveLength(1);
  });

  test('instance targets, another class, or an Ingress to another Service configure nothing for the pods', () => {
    for (const other of [
      ingress({ 'alb.ingress.kubernetes.io/target-type': 'instance' }),
      ingress({}, 'nginx'),
      ingress({ 'alb.ingress.kubernetes.io/target-type': 'ip' }, 'alb', 'other'),
    ]) {
      expect(findings(run(DEPLOYMENT, service(), other), 'deregistrationDelay')).toEqual([]);
    }
  });

  test('an NLB Service with IP targets is read from its own annotations (defaults: TCP check every 10 s)', () => {
    const nlb = service(
      {
        'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
      },
      { type: 'LoadBalancer' },
    );
    const report = run(DEPLOYMENT, nlb);
    expect(findings(report, 'deregistrationDelay').map(({ message }) => message)).toEqual([
      'Service/shop/web (NLB): deregistration delay 300 s vs propagation 10 + drain 25 = 35 s, grace 45 s',
    ]);
    expect(findings(report, 'loadBalancerHealthCheck')).toEqual([]);
  });

  test('a setting that is no number leaves the invariant undecided, never passed', () => {
    const report = run(DEPLOYMENT, service(), ingress({ ...ALB_GOOD, 'alb.ingress.kubernetes.io/healthcheck-interval-seconds': 'often' }));
    expect(report.workloads[0]!.undecided.map(({ ruleId }) => ruleId)).toContain('loadBalancerHealthCheck');
    expect(report.findings.filter((finding) => finding.ruleId === 'loadBalancerHealthCheck')).toEqual([]);
  });

  test('the readiness-gate label is reported on the Namespace, when the Namespace is in the input', () => {
    const namespace = (labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels } });
    expect(findings(run(DEPLOYMENT, service(), ingress(ALB_GOOD)), 'podReadinessGate')).toEqual([]);
    expect(findings(run(namespace({ team: 'shop' }), DEPLOYMENT, service(), ingress(ALB_GOOD)), 'podReadinessGate')).toEqual([
      {
        object: 'Namespace/shop',
        fieldPath: 'metadata.labels',
        message:
          'namespace shop is not labelled elbv2.k8s.aws/pod-readiness-gate-inject=enabled: no pod readiness gates, so a rollout may stop old pods before Ingress/shop/web (ALB) sends requests to new ones',
      },
    ]);
    expect(
      findings(
        run(namespace({ 'elbv2.k8s.aws/pod-readiness-gate-inject': 'enabled' }), DEPLOYMENT, service(), ingress(ALB_GOOD)),
        'podReadinessGate',
      ),
    ).toEqual([]);
  });

  test('Ingresses, routes, IngressClasses and Namespaces are read, not listed as unchecked', () => {
    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { parentRefs: [{ name: 'public' }], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] },
    };
    const report = run(DEPLOYMENT, service(), ingress(ALB_GOOD), route, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop' },
    });
    expect(report.skipped).toEqual([]);
  });

  test('a route or Ingress field of the wrong type is an input error', () => {
    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'GRPCRoute',
      metadata: { name: 'web' },
      spec: { rules: [{ backendRefs: [{ name: 'web', port: '80' }] }] },
    };
    expect(() => run(DEPLOYMENT, route)).toThrow('GRPCRoute/web: spec.rules[0].backendRefs[0].port must be a whole number, not "80"');
  });
});

describe('a ServiceAccount bound to a role in the input', () => {
  const text = readFileSync(
    join(__dirname, 'fixtures', 'rules', 'automountServiceAccountToken', 'passes.bound-service-account.yaml'),
    'utf8',
  );
  const report = check(text);
  const notes = report.findings.filter((finding) => finding.ruleId === 'automountServiceAccountToken');

  test('needs its token: the automount rule leaves a note naming the binding, not a warning', () => {
    expect(notes).toEqual([
      expect.objectContaining({
        severity: 'note',
        subject: 'Deployment/cert-manager/cert-manager',
        message: expect.stringContaining('ClusterRoleBinding/cert-manager-controller-issuers grant it a role'),
      }),
    ]);
  });

  test('a note does not fail the default gate (failOn warning)', () => {
    expect(failure({ ...report, findings: notes })).toBeUndefined();
  });
});

describe('a preStop hook whose duration cannot be read (ingress-nginx: exec /wait-shutdown)', () => {
  const report = check(
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: controller }',
      'spec:',
      '  selector: { matchLabels: { app: controller } }',
      '  template:',
      '    metadata: { labels: { app: controller } }',
      '    spec:',
      '      terminationGracePeriodSeconds: 300',
      '      containers:',
      '        - name: controller',
      '          image: registry.k8s.io/ingress-nginx/controller:v1.12.0',
      '          ports: [{ name: http, containerPort: 80 }]',
      '          lifecycle: { preStop: { exec: { command: [/wait-shutdown] } } }',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: { name: controller }',
      'spec: { selector: { app: controller }, ports: [{ port: 80, targetPort: http }] }',
    ].join('\n'),
    { declared: { drainSeconds: 30, propagationSeconds: 10 } },
  );
  const [workload] = report.workloads;

  test('makes the rules that need it undecided, never "preStop 0 s"', () => {
    expect(workload!.undecided.map(({ ruleId }) => ruleId)).toEqual(
      expect.arrayContaining(['preStopCoversPropagation', 'graceCoversShutdown']),
    );
    expect(ids(report)).not.toContain('preStopCoversPropagation');
    expect(ids(report)).not.toContain('graceCoversShutdown');
    expect(JSON.stringify(report)).not.toMatch(/preStop 0 s/);
  });

  test('an undecided rule about one container names the container and says why', () => {
    expect(workload!.undecided.find(({ ruleId }) => ruleId === 'preStopCoversPropagation')?.detail).toBe(
      'container controller: the preStop delay cannot be read from the manifest',
    );
  });
});

describe('declared times of containers', () => {
  test("a sidecar's startup window is undecided without a start of its own, though another container declares times", () => {
    const report = check(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        '  annotations:',
        '    hardened-workloads.io/declared: "startupMaxSeconds=60 drainSeconds=30 propagationSeconds=10 migrate.maxSeconds=300"',
        'spec:',
        '  selector: { matchLabels: { app: web } }',
        '  template:',
        '    metadata: { labels: { app: web } }',
        '    spec:',
        '      initContainers:',
        '        - name: migrate',
        '          image: registry.example/migrate:1.0.0',
        '        - name: proxy',
        '          image: registry.example/proxy:1.0.0',
        '          restartPolicy: Always',
        '          ports: [{ containerPort: 15000 }]',
        '          startupProbe: { tcpSocket: { port: 15000 }, failureThreshold: 10, periodSeconds: 1 }',
        '      containers:',
        '        - name: app',
        '          image: registry.example/app:1.0.0',
      ].join('\n'),
    );
    expect(report.workloads[0]!.undecided.filter(({ ruleId }) => ruleId === 'startupWindow')).toEqual([
      { ruleId: 'startupWindow', detail: 'container proxy: startup window 10 s; the slowest start is not known' },
    ]);
  });
});
