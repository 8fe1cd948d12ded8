import { stringify } from 'yaml';
import { DECLARED_ANNOTATION } from '../src/annotations';
import { parseSourcedManifests } from '../src/files/manifests';
import { containerFacts, describeManifestHandler, replicasOf, workloadFacts, workloadsFromManifests } from '../src/manifests/facts';
import { durationSeconds, meshProxyFacts } from '../src/manifests/mesh';
import { isWorkloadKind, podTemplateOf, podTemplatePathIn, WORKLOAD_KINDS } from '../src/manifests/pod-templates';
import { servingContainers, withSidecarRoles } from '../src/manifests/roles';
import { type Workload, workloadsOf } from '../src/manifests/workloads';

/**
 * How `check` reads a workload's facts out of manifests (src/manifests/facts.ts, pod-templates.ts,
 * roles.ts, mesh.ts), called as a library on small manifests shaped like a chart's: the probe
 * handlers, the preStop delay, the rollout budgets, the replicas, the Job and CronJob facts, the
 * sidecars, the node disk, the mesh proxy; where each kind keeps its pod template; which containers
 * serve and which are sidecars. The invariants that read these facts are in invariants.test.ts.
 */

type Json = Record<string, unknown>;

const read = (...objects: Json[]) =>
  parseSourcedManifests({ name: 'chart.yaml', text: objects.map((object) => stringify(object)).join('---\n') }).objects;
const workloads = (...objects: Json[]) => workloadsOf(read(...objects));
const only = (...objects: Json[]): Workload => workloads(...objects)[0]!;

const container = (name: string, extra: Json = {}) => ({ name, image: `registry.example/${name}:1.0.0`, ...extra });

interface DeploymentParts {
  readonly spec?: Json;
  readonly annotations?: Record<string, string>;
  readonly podMetadata?: Json;
}
const deployment = (pod: Json, { spec = {}, annotations, podMetadata = {} }: DeploymentParts = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', ...(annotations ? { annotations } : {}) },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    ...spec,
    template: { metadata: { labels: { app: 'web' }, ...podMetadata }, spec: pod },
  },
});
const service = (ports: Json[] | undefined) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { selector: { app: 'web' }, ...(ports ? { ports } : {}) },
});
/** The facts as seen from the first container of a one-container Deployment. */
const firstContainerFacts = (workload: Workload) => containerFacts(workload, workload.pod.containers[0]!);
const preStopOf = (preStop: Json | undefined, annotations?: Record<string, string>) =>
  firstContainerFacts(only(deployment({ containers: [container('app', preStop ? { lifecycle: { preStop } } : {})] }, { annotations })))
    .preStopSeconds;

describe('describeManifestHandler: the canonical text of a probe handler', () => {
  test('httpGet: scheme, port and path, HTTP and / when left out', () => {
    expect(describeManifestHandler({ httpGet: { port: 8080 } })).toBe('httpGet HTTP :8080/');
    expect(describeManifestHandler({ httpGet: { scheme: 'HTTPS', port: 8443, path: '/healthz' } })).toBe('httpGet HTTPS :8443/healthz');
  });
  test('a named port is replaced by the number the container gives it', () => {
    expect(describeManifestHandler({ httpGet: { port: 'http', path: '/ready' } }, { http: 8080 })).toBe('httpGet HTTP :8080/ready');
    expect(describeManifestHandler({ tcpSocket: { port: 'db' } }, { db: 5432 })).toBe('tcpSocket :5432');
  });
  test('a name the container does not declare stays as written', () => {
    expect(describeManifestHandler({ httpGet: { port: 'metrics' } }, { http: 8080 })).toBe('httpGet HTTP :metrics/');
    expect(describeManifestHandler({ tcpSocket: { port: 'db' } })).toBe('tcpSocket :db');
  });
  test('tcpSocket: its port', () => {
    expect(describeManifestHandler({ tcpSocket: { port: 5432 } })).toBe('tcpSocket :5432');
  });
  test('grpc: its port, and its service when named', () => {
    expect(describeManifestHandler({ grpc: { port: 9090 } })).toBe('grpc :9090');
    expect(describeManifestHandler({ grpc: { port: 9090, service: 'health' } })).toBe('grpc :9090 service health');
  });
  test('exec: its command as JSON, an empty list when it has none', () => {
    expect(describeManifestHandler({ exec: { command: ['pg_isready', '-U', 'app'] } })).toBe('exec ["pg_isready","-U","app"]');
    expect(describeManifestHandler({ exec: {} })).toBe('exec []');
  });
  test('a probe with none of the four handlers is an unknown handler', () => {
    expect(describeManifestHandler({ periodSeconds: 5 })).toBe('unknown handler');
  });
});

describe('containerFacts: the facts of the workload as one container sees them', () => {
  test('a bare Deployment takes the API defaults for every field it leaves out', () => {
    expect(firstContainerFacts(only(deployment({ containers: [container('app')] })))).toStrictEqual({
      subject: 'Deployment/web',
      servesTraffic: false,
      readiness: undefined,
      liveness: undefined,
      startup: undefined,
      preStopSeconds: 0,
      terminationGracePeriodSeconds: 30,
      replicas: 1,
      maxSurge: '25%',
      maxUnavailable: '25%',
      minReadySeconds: 0,
      progressDeadlineSeconds: 600,
      podDisruptionBudget: undefined,
    });
  });
  test('a probe takes the API defaults for the fields it leaves out, and no initial delay', () => {
    const app = container('app', { readinessProbe: { httpGet: { port: 8080 } } });
    expect(firstContainerFacts(only(deployment({ containers: [app] }))).readiness).toStrictEqual({
      periodSeconds: 10,
      timeoutSeconds: 1,
      failureThreshold: 3,
      successThreshold: 1,
      terminationGracePeriodSeconds: undefined,
      initialDelaySeconds: 0,
      handler: 'httpGet HTTP :8080/',
    });
  });
  test('each probe is read as written, its named port resolved by the container', () => {
    const probe = (path: string) => ({
      httpGet: { port: 'http', path },
      periodSeconds: 4,
      timeoutSeconds: 2,
      failureThreshold: 5,
      successThreshold: 1,
      initialDelaySeconds: 3,
      terminationGracePeriodSeconds: 9,
    });
    const app = container('app', {
      ports: [{ name: 'http', containerPort: 8080 }, { containerPort: 9000 }],
      readinessProbe: probe('/ready'),
      livenessProbe: probe('/live'),
      startupProbe: probe('/started'),
    });
    const facts = firstContainerFacts(only(deployment({ containers: [app] })));
    const expected = (path: string) => ({
      periodSeconds: 4,
      timeoutSeconds: 2,
      failureThreshold: 5,
      successThreshold: 1,
      terminationGracePeriodSeconds: 9,
      initialDelaySeconds: 3,
      handler: `httpGet HTTP :8080${path}`,
    });
    expect([facts.readiness, facts.liveness, facts.startup]).toStrictEqual([expected('/ready'), expected('/live'), expected('/started')]);
  });
  test('a port without a name is never matched by name', () => {
    // A probe naming a port that the container only declares without a name keeps the name.
    const app = container('app', { ports: [{ containerPort: 8080 }], readinessProbe: { httpGet: { port: 'undefined' } } });
    expect(firstContainerFacts(only(deployment({ containers: [app] }))).readiness?.handler).toBe('httpGet HTTP :undefined/');
  });
  test('the pod, rollout and budget fields are read as written', () => {
    const objects = [
      deployment(
        { terminationGracePeriodSeconds: 45, containers: [container('app')] },
        {
          spec: {
            replicas: 3,
            minReadySeconds: 10,
            progressDeadlineSeconds: 300,
            strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 2, maxUnavailable: '50%' } },
          },
        },
      ),
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'web' },
        spec: { selector: { matchLabels: { app: 'web' } }, maxUnavailable: 1 },
      },
    ];
    expect(firstContainerFacts(only(...objects))).toMatchObject({
      terminationGracePeriodSeconds: 45,
      replicas: 3,
      maxSurge: 2,
      maxUnavailable: '50%',
      minReadySeconds: 10,
      progressDeadlineSeconds: 300,
      podDisruptionBudget: { maxUnavailable: 1, minAvailable: undefined },
    });
  });
  test('a Recreate Deployment surges no pod and removes them all first', () => {
    const facts = firstContainerFacts(only(deployment({ containers: [container('app')] }, { spec: { strategy: { type: 'Recreate' } } })));
    expect([facts.maxSurge, facts.maxUnavailable]).toStrictEqual([0, '100%']);
  });
  test("a DaemonSet's budgets: its rollingUpdate as written, else the DaemonSet defaults (no surge, one unavailable)", () => {
    const daemonSet = (updateStrategy?: Json) => ({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        ...(updateStrategy ? { updateStrategy } : {}),
        template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [container('agent')] } },
      },
    });
    const budgets = (updateStrategy?: Json) => {
      const facts = firstContainerFacts(only(daemonSet(updateStrategy)));
      return [facts.maxSurge, facts.maxUnavailable];
    };
    expect(budgets()).toStrictEqual([0, 1]);
    expect(budgets({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } })).toStrictEqual([1, 0]);
    // OnDelete replaces a pod only when it is deleted: whatever rollingUpdate says is not applied.
    expect(budgets({ type: 'OnDelete', rollingUpdate: { maxSurge: 2, maxUnavailable: 3 } })).toStrictEqual([0, 1]);
  });
  test("a bare Pod's spec is its pod spec: rollout fields written there are not read", () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'debug' },
      spec: { minReadySeconds: 30, progressDeadlineSeconds: 60, strategy: { type: 'Recreate' }, containers: [container('shell')] },
    };
    expect(firstContainerFacts(only(pod))).toMatchObject({
      minReadySeconds: 0,
      progressDeadlineSeconds: 600,
      maxSurge: '25%',
      maxUnavailable: '25%',
    });
  });
  test('facts are read once per container: a second read returns the same facts', () => {
    const workload = only(deployment({ containers: [container('app')] }));
    const first = firstContainerFacts(workload);
    expect(firstContainerFacts(workload)).toBe(first);
  });
});

describe('the preStop delay: seconds between deletion and SIGTERM', () => {
  test('no hook: none', () => {
    expect(preStopOf(undefined)).toBe(0);
  });
  test('the sleep action: its seconds', () => {
    expect(preStopOf({ sleep: { seconds: 7 } })).toBe(7);
  });
  test('exec sleep N, by name or by path', () => {
    expect(preStopOf({ exec: { command: ['sleep', '5'] } })).toBe(5);
    expect(preStopOf({ exec: { command: ['/bin/sleep', '15'] } })).toBe(15);
  });
  test('exec of another program, or sleep with more than its seconds, cannot be read', () => {
    expect(preStopOf({ exec: { command: ['sleeper', '5'] } })).toBeUndefined();
    expect(preStopOf({ exec: { command: ['echo', '5'] } })).toBeUndefined();
    expect(preStopOf({ exec: { command: ['sleep', '5', '6'] } })).toBeUndefined();
    expect(preStopOf({ exec: { command: ['/bin/mysleep', '5'] } })).toBeUndefined();
  });
  test('exec sleep with anything but whole seconds cannot be read', () => {
    expect(preStopOf({ exec: { command: ['sleep', '5s'] } })).toBeUndefined();
    expect(preStopOf({ exec: { command: ['sleep', 'x5'] } })).toBeUndefined();
    expect(preStopOf({ exec: { command: ['sleep', 'infinity'] } })).toBeUndefined();
  });
  test('a shell running sleep N alone, or exec sleep N', () => {
    expect(preStopOf({ exec: { command: ['/bin/sh', '-c', 'sleep 10'] } })).toBe(10);
    expect(preStopOf({ exec: { command: ['sh', '-c', '  sleep  12 '] } })).toBe(12);
    expect(preStopOf({ exec: { command: ['sh', '-c', 'exec  sleep 20'] } })).toBe(20);
  });
  test('a shell script that does more than sleep cannot be read', () => {
    expect(preStopOf({ exec: { command: ['sh', '-c', 'echo bye; sleep 10'] } })).toBeUndefined();
    expect(preStopOf({ exec: { command: ['sh', '-c', 'sleep 10; kill 1'] } })).toBeUndefined();
    expect(preStopOf({ exec: { command: ['sh', '-c', 'execsleep 10'] } })).toBeUndefined();
    expect(preStopOf({ exec: { command: ['sh', '-c', 'sleep 10s'] } })).toBeUndefined();
  });
  test('a shell without -c, or with more arguments, cannot be read', () => {
    expect(preStopOf({ exec: { command: ['sh', '-x', 'sleep 10'] } })).toBeUndefined();
    expect(preStopOf({ exec: { command: ['sh', '-c', 'sleep 10', 'extra'] } })).toBeUndefined();
  });
  test('an httpGet hook hides its delay: our annotation gives it, else it cannot be read', () => {
    const hook = { httpGet: { path: '/drain', port: 8080 } };
    expect(preStopOf(hook)).toBeUndefined();
    expect(preStopOf(hook, { [DECLARED_ANNOTATION]: 'preStopSeconds=12' })).toBe(12);
  });
  test('a readable hook wins over the annotation; without a hook the annotation gives the delay', () => {
    const annotations = { [DECLARED_ANNOTATION]: 'preStopSeconds=9' };
    expect(preStopOf({ exec: { command: ['sleep', '5'] } }, annotations)).toBe(5);
    expect(preStopOf(undefined, annotations)).toBe(9);
  });
});

describe('replicasOf: the desired pods', () => {
  const autoscaler = (spec: Json) => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 10, ...spec },
  });
  const app = (replicas?: number) => deployment({ containers: [container('app')] }, { spec: replicas === undefined ? {} : { replicas } });
  test('spec.replicas, 1 when left out', () => {
    expect(replicasOf(only(app(4)))).toBe(4);
    expect(replicasOf(only(app()))).toBe(1);
  });
  test("an autoscaler's minimum replaces spec.replicas, 1 when it leaves it out", () => {
    expect(replicasOf(only(app(4), autoscaler({ minReplicas: 3 })))).toBe(3);
    expect(replicasOf(only(app(4), autoscaler({})))).toBe(1);
  });
});

describe('the facts of a Job and a CronJob', () => {
  const pod = { restartPolicy: 'Never', containers: [container('task')] };
  test("a Job: its deadline, retry budget and its pods' deadline", () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate' },
      spec: { activeDeadlineSeconds: 600, backoffLimit: 2, template: { spec: { ...pod, activeDeadlineSeconds: 120 } } },
    };
    const facts = firstContainerFacts(only(job));
    expect(facts.job).toStrictEqual({ activeDeadlineSeconds: 600, backoffLimit: 2, attemptDeadlineSeconds: 120 });
    expect(facts).not.toHaveProperty('cronJob');
  });
  test('a Job without them: no deadlines, the default backoff limit of 6', () => {
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' }, spec: { template: { spec: pod } } };
    expect(firstContainerFacts(only(job)).job).toStrictEqual({
      activeDeadlineSeconds: undefined,
      backoffLimit: 6,
      attemptDeadlineSeconds: undefined,
    });
  });
  const cronJob = (spec: Json) => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'report' },
    spec: {
      schedule: '0 3 * * *',
      ...spec,
      jobTemplate: { spec: { activeDeadlineSeconds: 900, backoffLimit: 1, template: { spec: { ...pod, activeDeadlineSeconds: 300 } } } },
    },
  });
  test("a CronJob: its job template's facts, its schedule, time zone, policy and starting deadline", () => {
    const facts = firstContainerFacts(
      only(cronJob({ timeZone: 'Europe/Berlin', concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 120 })),
    );
    expect(facts.job).toStrictEqual({ activeDeadlineSeconds: 900, backoffLimit: 1, attemptDeadlineSeconds: 300 });
    expect(facts.cronJob).toStrictEqual({
      cron: '0 3 * * *',
      timeZone: 'Europe/Berlin',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 120,
    });
  });
  test('a CronJob without a time zone has none; its policy defaults to Allow', () => {
    expect(firstContainerFacts(only(cronJob({}))).cronJob).toStrictEqual({
      cron: '0 3 * * *',
      concurrencyPolicy: 'Allow',
      startingDeadlineSeconds: undefined,
    });
  });
  test('workloads that run until deleted have neither', () => {
    const facts = firstContainerFacts(only(deployment({ containers: [container('app')] })));
    expect(facts).not.toHaveProperty('job');
    expect(facts).not.toHaveProperty('cronJob');
  });
});
