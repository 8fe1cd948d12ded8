import { stringify } from 'yaml';
import { DECLARED_ANNOTATION } from '../src/annotations';
import { parseSourcedManifests } from '../src/files/manifests';
import { containerFacts, describeManifestHandler, replicasOf, workloadFacts, workloadsFromManifests } from '../src/manifests/facts';
import { durationSeconds, meshProxyFacts } from '../src/manifests/mesh';
import { isWorkloadKind, podTemplateOf, podTemplatePathIn, WORKLOAD_KINDS } from '../src/manifests/pod-templates';
import { servingContainers, withSidecarRoles } from '../src/manifests/roles';
import { loadBalancersOf } from '../src/manifests/load-balancers';
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
  test('a workload without metadata (no annotation to read) has no hidden delay', () => {
    // workloadsFromManifests takes objects as they are; the parser of `check` refuses them first.
    const { metadata: _none, ...nameless } = deployment({ containers: [container('app')] });
    expect(workloadsFromManifests([nameless]).map((entry) => entry.facts.preStopSeconds)).toStrictEqual([0]);
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
  test('a PodTemplate, which has no spec, describes one pod', () => {
    const podTemplate = {
      apiVersion: 'v1',
      kind: 'PodTemplate',
      metadata: { name: 'blueprint' },
      template: { spec: { containers: [container('app')] } },
    };
    expect(replicasOf(only(podTemplate))).toBe(1);
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

describe('workloadFacts: the facts of the whole pod', () => {
  const startupProbe = (port: number, failureThreshold: number) => ({ tcpSocket: { port }, periodSeconds: 10, failureThreshold });
  test('the probes of the first main container, the longest preStop delay of all of them', () => {
    const facts = workloadFacts(
      only(
        deployment({
          containers: [
            container('app', { readinessProbe: { httpGet: { port: 8080 } }, lifecycle: { preStop: { sleep: { seconds: 5 } } } }),
            container('worker', { readinessProbe: { tcpSocket: { port: 9000 } }, lifecycle: { preStop: { sleep: { seconds: 20 } } } }),
          ],
        }),
      ),
    );
    expect(facts.readiness?.handler).toBe('httpGet HTTP :8080/');
    expect(facts.preStopSeconds).toBe(20);
  });
  test('init containers and sidecars are not read as main containers', () => {
    const pod = {
      initContainers: [
        container('migrate', { lifecycle: { preStop: { sleep: { seconds: 50 } } } }),
        container('proxy', { restartPolicy: 'Always', readinessProbe: { tcpSocket: { port: 15021 } } }),
      ],
      containers: [container('app', { readinessProbe: { httpGet: { port: 8080 } }, lifecycle: { preStop: { sleep: { seconds: 5 } } } })],
    };
    const facts = workloadFacts(only(deployment(pod)));
    expect([facts.readiness?.handler, facts.preStopSeconds]).toStrictEqual(['httpGet HTTP :8080/', 5]);
  });
  test('the load balancers with IP targets in front of the pods', () => {
    const nlb = {
      ...service([{ port: 443, targetPort: 8080 }]),
      metadata: {
        name: 'web',
        annotations: {
          'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
          'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        },
      },
    };
    (nlb.spec as Json).type = 'LoadBalancer';
    const workload = only(deployment({ containers: [container('app', { ports: [{ containerPort: 8080 }] })] }), nlb);
    const found = loadBalancersOf(workload).map((loadBalancer) => loadBalancer.facts);
    expect(found).toHaveLength(1);
    expect(workloadFacts(workload).loadBalancers).toStrictEqual(found);
    expect(workloadFacts(only(deployment({ containers: [container('app')] }))).loadBalancers).toStrictEqual([]);
  });
  test('a preStop delay that one main container hides makes the pod delay unknown', () => {
    const facts = workloadFacts(
      only(
        deployment({
          containers: [
            container('app', { lifecycle: { preStop: { sleep: { seconds: 5 } } } }),
            container('worker', { lifecycle: { preStop: { httpGet: { port: 9000 } } } }),
          ],
        }),
      ),
    );
    expect(facts.preStopSeconds).toBeUndefined();
  });
  test('the startup probe with the longest window, whichever container it is in', () => {
    const pod = {
      containers: [
        container('app', { startupProbe: startupProbe(8080, 3) }),
        container('worker', { startupProbe: startupProbe(9000, 10) }),
      ],
    };
    expect(workloadFacts(only(deployment(pod))).startup?.handler).toBe('tcpSocket :9000');
  });
  test('of two startup windows of the same length, the first container’s', () => {
    const pod = {
      containers: [container('app', { startupProbe: startupProbe(8080, 6) }), container('worker', { startupProbe: startupProbe(9000, 6) })],
    };
    expect(workloadFacts(only(deployment(pod))).startup?.handler).toBe('tcpSocket :8080');
  });
  test('a main container without a startup probe does not hide the startup probe of another', () => {
    const pod = { containers: [container('app'), container('worker', { startupProbe: startupProbe(9000, 3) })] };
    expect(workloadFacts(only(deployment(pod))).startup?.handler).toBe('tcpSocket :9000');
    expect(workloadFacts(only(deployment({ containers: [container('app')] }))).startup).toBeUndefined();
  });
  test('the pod serves traffic when a Service sends it to any of its main containers', () => {
    // Both containers declare a stop time, so both stay main (a pod is never all sidecars); the Service serves the second.
    const objects = [
      deployment(
        {
          containers: [
            container('app', { ports: [{ name: 'admin', containerPort: 9000 }] }),
            container('web', { ports: [{ name: 'http', containerPort: 8080 }] }),
          ],
        },
        { annotations: { [DECLARED_ANNOTATION]: 'app.stopSeconds=5 web.stopSeconds=5' } },
      ),
      service([{ port: 80, targetPort: 'http' }]),
    ];
    const workload = only(...objects);
    expect(workload.pod.containers.map((view) => view.role)).toStrictEqual(['main', 'main']);
    expect(workloadFacts(workload).servesTraffic).toBe(true);
    expect(firstContainerFacts(workload).servesTraffic).toBe(false);
  });
  test('without a Service the pod serves no traffic', () => {
    expect(workloadFacts(only(deployment({ containers: [container('app')] }))).servesTraffic).toBe(false);
  });
  test('facts are read once per workload: a second read returns the same facts, built on the cached container facts', () => {
    const workload = only(deployment({ containers: [container('app', { readinessProbe: { tcpSocket: { port: 8080 } } })] }));
    const fromContainer = firstContainerFacts(workload);
    const first = workloadFacts(workload);
    expect(workloadFacts(workload)).toBe(first);
    expect(first.readiness).toBe(fromContainer.readiness);
  });
});

describe('the node disk: ephemeral-storage limits and emptyDirs', () => {
  test('the limits of the main containers first, then of the sidecars; init containers do not run beside them', () => {
    const pod = {
      initContainers: [
        container('migrate', { resources: { limits: { 'ephemeral-storage': '1Gi' } } }),
        container('proxy', { restartPolicy: 'Always', resources: { limits: { 'ephemeral-storage': '100Mi' } } }),
      ],
      containers: [container('app', { resources: { limits: { 'ephemeral-storage': 2000000 } } })],
    };
    expect(workloadFacts(only(deployment(pod))).ephemeralStorage?.limits).toStrictEqual([
      { name: 'app', quantity: '2000000', bytes: 2000000 },
      { name: 'proxy', quantity: '100Mi', bytes: 100 * 2 ** 20 },
    ]);
  });
  test('a container without a limit, with a null one, or with a request only, has none', () => {
    const pod = {
      containers: [
        container('app', { resources: { limits: { 'ephemeral-storage': null, memory: '1Gi' } } }),
        container('worker'),
        container('cache', { resources: { requests: { 'ephemeral-storage': '1Gi' } } }),
      ],
    };
    expect(workloadFacts(only(deployment(pod))).ephemeralStorage?.limits).toStrictEqual([]);
  });
  test('the emptyDirs on disk, with their size limit when they have one; not those in memory, nor other volumes', () => {
    const pod = {
      containers: [container('app')],
      volumes: [
        { name: 'cache', emptyDir: { sizeLimit: '500Mi' } },
        { name: 'scratch', emptyDir: {} },
        { name: 'shm', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
        { name: 'config', configMap: { name: 'web' } },
        { name: 'counted', emptyDir: { sizeLimit: 1000 } },
      ],
    };
    expect(workloadFacts(only(deployment(pod))).ephemeralStorage?.folders).toStrictEqual([
      { name: 'cache', quantity: '500Mi', bytes: 500 * 2 ** 20 },
      { name: 'scratch' },
      { name: 'counted', quantity: '1000', bytes: 1000 },
    ]);
  });
  test('a size limit that is no quantity is kept as written, without bytes', () => {
    const pod = { containers: [container('app')], volumes: [{ name: 'cache', emptyDir: { sizeLimit: true } }] };
    expect(workloadFacts(only(deployment(pod))).ephemeralStorage?.folders).toStrictEqual([
      { name: 'cache', quantity: 'true', bytes: undefined },
    ]);
  });
});

describe('what runs beside the application', () => {
  const gatingSidecar = (name: string, failureThreshold: number) =>
    container(name, { restartPolicy: 'Always', startupProbe: { tcpSocket: { port: 15021 }, periodSeconds: 2, failureThreshold } });
  test('a pod of main containers alone has no init phase, no sidecars and no mesh proxy', () => {
    const facts = workloadFacts(only(deployment({ containers: [container('app')] })));
    expect(facts).not.toHaveProperty('initPhase');
    expect(facts).not.toHaveProperty('sidecars');
    expect(facts).not.toHaveProperty('meshProxy');
  });
  test('init containers make an init phase, in their order, with no sidecar window', () => {
    const pod = { initContainers: [container('migrate'), container('seed')], containers: [container('app')] };
    expect(workloadFacts(only(deployment(pod))).initPhase).toStrictEqual({ initContainers: ['migrate', 'seed'], sidecarWindowSeconds: 0 });
  });
  test('native sidecars with a startup probe hold the app back: the init phase sums their windows', () => {
    const pod = { initContainers: [gatingSidecar('proxy', 5), gatingSidecar('agent', 10)], containers: [container('app')] };
    expect(workloadFacts(only(deployment(pod))).initPhase).toStrictEqual({ initContainers: [], sidecarWindowSeconds: 2 * 5 + 2 * 10 });
  });
  test('a native sidecar without a startup probe holds nothing back, nor does an ordinary sidecar with one', () => {
    const pod = {
      initContainers: [container('proxy', { restartPolicy: 'Always' })],
      containers: [container('app'), container('agent', { startupProbe: { tcpSocket: { port: 9000 } } })],
    };
    const facts = workloadFacts(only(deployment(pod, { annotations: { [DECLARED_ANNOTATION]: 'agent.stopSeconds=5' } })));
    expect(facts).not.toHaveProperty('initPhase');
    expect(facts.sidecars?.map((sidecar) => sidecar.name)).toStrictEqual(['proxy', 'agent']);
  });
  test('the sidecars: native ones without a preStop delay, ordinary ones with their hook’s, when it can be read', () => {
    const pod = {
      initContainers: [container('proxy', { restartPolicy: 'Always', lifecycle: { preStop: { sleep: { seconds: 30 } } } })],
      containers: [
        container('app'),
        container('agent', { lifecycle: { preStop: { exec: { command: ['sleep', '10'] } } } }),
        container('shipper', { lifecycle: { preStop: { httpGet: { port: 2020 } } } }),
        container('cache'),
      ],
    };
    const annotations = { [DECLARED_ANNOTATION]: 'agent.stopSeconds=15 shipper.stopSeconds=15 cache.stopSeconds=5' };
    expect(workloadFacts(only(deployment(pod, { annotations }))).sidecars).toStrictEqual([
      { name: 'proxy', native: true },
      { name: 'agent', native: false, preStopSeconds: 10 },
      { name: 'shipper', native: false },
      { name: 'cache', native: false, preStopSeconds: 0 },
    ]);
  });
  test("the mesh proxy the pod's annotations ask for", () => {
    const podMetadata = { labels: { app: 'web' }, annotations: { 'linkerd.io/inject': 'enabled' } };
    expect(workloadFacts(only(deployment({ containers: [container('app')] }, { podMetadata }))).meshProxy).toStrictEqual({
      mesh: 'linkerd',
      drainSeconds: 0,
    });
  });
});

describe('workloadsFromManifests: facts without positions, for callers that only need facts', () => {
  test('one entry per workload, with its facts and the times our annotation declares', () => {
    const objects = [
      deployment({ containers: [container('app')] }, { annotations: { [DECLARED_ANNOTATION]: 'startupMaxSeconds=40 drainSeconds=10' } }),
      service([{ port: 80, targetPort: 8080 }]),
    ];
    const [entry, ...rest] = workloadsFromManifests(objects);
    expect(rest).toStrictEqual([]);
    expect(entry!.facts).toMatchObject({ subject: 'Deployment/web', servesTraffic: true, replicas: 1 });
    expect(entry!.declared).toStrictEqual({ startupMaxSeconds: 40, drainSeconds: 10 });
  });
  test('an object whose shape is wrong is left out rather than read', () => {
    const broken = { ...deployment({ containers: [container('app')] }), metadata: { name: 'broken' } };
    (broken.spec.template.spec as Json).containers = 'app';
    const entries = workloadsFromManifests([broken, { ...deployment({ containers: [container('app')] }), metadata: { name: 'good' } }]);
    expect(entries.map((entry) => entry.facts.subject)).toStrictEqual(['Deployment/good']);
  });
});

describe('the workload kinds and where each keeps its pod template', () => {
  const pod = { containers: [container('app')] };
  const template = { metadata: { labels: { app: 'web' } }, spec: pod };
  const OBJECTS: Record<string, Json> = {
    Deployment: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a' }, spec: { template } },
    StatefulSet: { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'a' }, spec: { template } },
    DaemonSet: { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'a' }, spec: { template } },
    ReplicaSet: { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'a' }, spec: { template } },
    ReplicationController: { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'a' }, spec: { template } },
    Job: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'a' }, spec: { template } },
    CronJob: {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'a' },
      spec: { schedule: '@daily', jobTemplate: { spec: { template } } },
    },
    Pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', labels: { app: 'web' } }, spec: pod },
    PodTemplate: { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 'a' }, template },
  };
  const PATHS: Record<string, readonly string[]> = {
    Deployment: ['spec', 'template'],
    StatefulSet: ['spec', 'template'],
    DaemonSet: ['spec', 'template'],
    ReplicaSet: ['spec', 'template'],
    ReplicationController: ['spec', 'template'],
    Job: ['spec', 'template'],
    CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
    Pod: [],
    PodTemplate: ['template'],
  };
  test('the nine kinds of the core API that run or describe pods', () => {
    expect([...WORKLOAD_KINDS]).toStrictEqual(Object.keys(OBJECTS));
    for (const kind of WORKLOAD_KINDS) expect(isWorkloadKind(kind)).toBe(true);
  });
  test('other kinds, and what is no kind, are not workload kinds', () => {
    for (const kind of ['Rollout', 'Service', 'deployment', '', undefined, null]) expect(isWorkloadKind(kind)).toBe(false);
  });
  test.each(Object.keys(PATHS))('%s: the pod template, its spec and its containers, each with its path', (kind) => {
    const view = podTemplateOf(OBJECTS[kind] as never);
    expect(view.path).toStrictEqual(PATHS[kind]);
    expect(view.spec).toStrictEqual(pod);
    expect(view.containers).toStrictEqual([
      { role: 'main', name: 'app', container: pod.containers[0], path: [...PATHS[kind]!, 'spec', 'containers', 0] },
    ]);
  });
  test("a Pod's metadata is its own; a template without metadata has none", () => {
    expect(podTemplateOf(OBJECTS.Pod as never).metadata).toStrictEqual({ name: 'a', labels: { app: 'web' } });
    expect(podTemplateOf({ ...OBJECTS.Job, spec: { template: { spec: pod } } } as never).metadata).toStrictEqual({});
  });
  test('the role of each container: init, native sidecar (restartPolicy Always), main, ephemeral; in that order', () => {
    const spec = {
      ephemeralContainers: [container('debug')],
      containers: [container('app'), container('worker')],
      initContainers: [
        container('migrate'),
        container('proxy', { restartPolicy: 'Always' }),
        container('once', { restartPolicy: 'Never' }),
      ],
    };
    const view = podTemplateOf({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec } as never);
    expect(view.containers.map(({ role, name, path }) => [role, name, path.join('.')])).toStrictEqual([
      ['init', 'migrate', 'spec.initContainers.0'],
      ['sidecar', 'proxy', 'spec.initContainers.1'],
      ['init', 'once', 'spec.initContainers.2'],
      ['main', 'app', 'spec.containers.0'],
      ['main', 'worker', 'spec.containers.1'],
      ['ephemeral', 'debug', 'spec.ephemeralContainers.0'],
    ]);
  });
  test('a null list of containers is an empty one', () => {
    const spec = { initContainers: null, containers: [container('app')] };
    expect(
      podTemplateOf({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec } as never).containers.map((view) => view.name),
    ).toStrictEqual(['app']);
  });
});

describe('podTemplatePathIn: where a kind check does not read carries a pod template', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [container('app')] } };
  test('an Argo Rollout or an OpenKruise CloneSet: spec.template', () => {
    expect(
      podTemplatePathIn({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'a' }, spec: { replicas: 2, template } }),
    ).toStrictEqual(['spec', 'template']);
  });
  test('a KEDA ScaledJob: spec.jobTargetRef.template', () => {
    expect(
      podTemplatePathIn({ kind: 'ScaledJob', spec: { pollingInterval: 30, jobTargetRef: { parallelism: 1, template } } }),
    ).toStrictEqual(['spec', 'jobTargetRef', 'template']);
  });
  test('an object that is a pod itself: the empty path', () => {
    expect(podTemplatePathIn({ kind: 'Workspace', metadata: { name: 'a' }, spec: { containers: [container('app')] } })).toStrictEqual([]);
  });
  test('a template in a list: its index in the path', () => {
    const object = {
      kind: 'TFJob',
      spec: {
        replicaSpecs: [
          { replicas: 1, note: 'chief', empty: null },
          { replicas: 2, template },
        ],
      },
    };
    expect(podTemplatePathIn(object)).toStrictEqual(['spec', 'replicaSpecs', 1, 'template']);
  });
  test('the shallowest template is named', () => {
    const object = { kind: 'Pipeline', spec: { steps: { first: { run: { template } } }, template } };
    expect(podTemplatePathIn(object)).toStrictEqual(['spec', 'template']);
  });
  test('it looks five levels deep, not six', () => {
    expect(podTemplatePathIn({ a: { b: { c: { d: { e: template } } } } })).toStrictEqual(['a', 'b', 'c', 'd', 'e']);
    expect(podTemplatePathIn({ a: { b: { c: { d: { e: { f: template } } } } } })).toBeUndefined();
  });
  test('metadata and status are not searched', () => {
    expect(podTemplatePathIn({ kind: 'Thing', metadata: { template }, status: { template } })).toBeUndefined();
  });
  test('a ConfigMap, nulls, numbers and texts carry none', () => {
    expect(
      podTemplatePathIn({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'a' },
        data: { key: 'value' },
        binaryData: null,
        count: 3,
      }),
    ).toBeUndefined();
  });
  test('a template needs at least one container, and every container is a mapping with an image', () => {
    const withContainers = (containers: unknown) => ({ kind: 'Thing', spec: { template: { spec: { containers } } } });
    expect(podTemplatePathIn(withContainers([]))).toBeUndefined();
    expect(podTemplatePathIn(withContainers({ app: container('app') }))).toBeUndefined();
    expect(podTemplatePathIn(withContainers([container('app'), { name: 'worker' }]))).toBeUndefined();
    expect(podTemplatePathIn(withContainers([container('app'), null]))).toBeUndefined();
    expect(podTemplatePathIn(withContainers([container('app'), 'worker']))).toBeUndefined();
    expect(podTemplatePathIn(withContainers([container('app'), [container('worker')]]))).toBeUndefined();
    expect(podTemplatePathIn(withContainers([container('app'), { image: 'registry.example/worker:1.0.0' }]))).toStrictEqual([
      'spec',
      'template',
    ]);
  });
});

describe('servingContainers: the main containers a Service sends traffic to', () => {
  const serving = (pod: Json, ...ports: Array<Json[] | undefined>) =>
    servingContainers(only(deployment(pod), ...ports.map((list) => service(list))));
  const app = container('app', { ports: [{ name: 'admin', containerPort: 9000 }] });
  const web = container('web', { ports: [{ name: 'http', containerPort: 8080 }] });
  test('the container declaring the port the Service targets by name', () => {
    expect([...serving({ containers: [app, web] }, [{ port: 80, targetPort: 'http' }])]).toStrictEqual(['web']);
  });
  test('the container declaring the port the Service targets by number', () => {
    expect([...serving({ containers: [app, web] }, [{ port: 80, targetPort: 8080 }])]).toStrictEqual(['web']);
  });
  test('a Service port without targetPort targets its own number', () => {
    expect([...serving({ containers: [app, web] }, [{ port: 8080 }])]).toStrictEqual(['web']);
  });
  test('the targetPort, not the port, names the container', () => {
    expect([...serving({ containers: [web, app] }, [{ port: 8080, targetPort: 9000 }])]).toStrictEqual(['app']);
  });
  test('every container a port of any Service targets', () => {
    expect([
      ...serving({ containers: [app, web] }, [{ port: 80, targetPort: 'http' }], [{ port: 9000, targetPort: 'admin' }]),
    ]).toStrictEqual(['app', 'web']);
  });
  test('when no declared port matches, the first main container (not an init container) is taken to serve', () => {
    const pod = { initContainers: [container('migrate')], containers: [container('app'), container('web')] };
    expect([...serving(pod, [{ port: 80, targetPort: 8080 }])]).toStrictEqual(['app']);
  });
  test("an init container's or sidecar's port is not served", () => {
    const pod = {
      initContainers: [container('proxy', { restartPolicy: 'Always', ports: [{ name: 'http', containerPort: 8080 }] })],
      containers: [app],
    };
    expect([...serving(pod, [{ port: 80, targetPort: 'http' }])]).toStrictEqual(['app']);
  });
  test('a Service without ports (headless, for DNS names) sends no traffic; nor does no Service', () => {
    expect([...serving({ containers: [container('app', { ports: [{ containerPort: 8080 }] })] }, undefined)]).toStrictEqual([]);
    expect([...serving({ containers: [app] })]).toStrictEqual([]);
  });
});

describe('withSidecarRoles: the ordinary sidecars of a pod marked as such', () => {
  const roles = (pod: Json, declared?: string, ...services: Json[]) =>
    only(deployment(pod, declared ? { annotations: { [DECLARED_ANNOTATION]: declared } } : {}), ...services).pod.containers.map(
      (view) => `${view.name}:${view.role}`,
    );
  const app = container('app', { ports: [{ name: 'http', containerPort: 8080 }] });
  const agent = container('agent', { ports: [{ name: 'metrics', containerPort: 9100 }] });
  test('a main container our annotation gives a stop time is a sidecar', () => {
    expect(roles({ containers: [app, agent] }, 'agent.stopSeconds=10')).toStrictEqual(['app:main', 'agent:sidecar']);
  });
  test('a main container a Service sends none of its traffic to is a sidecar, when the Service sends the pod some', () => {
    expect(roles({ containers: [app, agent] }, undefined, service([{ port: 80, targetPort: 'http' }]))).toStrictEqual([
      'app:main',
      'agent:sidecar',
    ]);
  });
  test('without a Service and without the annotation every container stays main', () => {
    expect(roles({ containers: [app, agent] })).toStrictEqual(['app:main', 'agent:main']);
  });
  test('init containers keep their role', () => {
    const pod = { initContainers: [container('migrate')], containers: [app, agent] };
    expect(roles(pod, undefined, service([{ port: 80, targetPort: 'http' }]))).toStrictEqual(['migrate:init', 'app:main', 'agent:sidecar']);
  });
  test('a pod is never all sidecars: when every main container would be one, they all stay main', () => {
    expect(roles({ containers: [app, agent] }, 'app.stopSeconds=5 agent.stopSeconds=10')).toStrictEqual(['app:main', 'agent:main']);
  });
  test('a lone main container stays main, even beside an init container and with a stop time', () => {
    expect(roles({ initContainers: [container('migrate')], containers: [app] }, 'app.stopSeconds=5')).toStrictEqual([
      'migrate:init',
      'app:main',
    ]);
  });
  test('a pod with one main container is returned as it is', () => {
    const workload = only(
      deployment({ initContainers: [container('migrate')], containers: [app] }),
      service([{ port: 80, targetPort: 'http' }]),
    );
    expect(withSidecarRoles(workload)).toBe(workload.pod);
  });
});

/**
 * Go durations, as Istio's ProxyConfig writes terminationDrainDuration: "a possibly signed sequence
 * of decimal numbers, each with optional fraction and a unit suffix, such as "300ms", "-1.5h" or
 * "2h45m". Valid time units are "ns", "us" (or "µs"), "ms", "s", "m", "h""
 * (https://pkg.go.dev/time#ParseDuration). A drain is never negative: signs are refused.
 */
describe('durationSeconds: a Go duration in seconds', () => {
  test.each([
    ['2h', 7200],
    ['3m', 180],
    ['45s', 45],
    ['500ms', 0.5],
    ['250us', 0.00025],
    ['250µs', 0.00025],
    ['5000000000ns', 5],
  ])('each unit: %s is %d s', (text, seconds) => {
    expect(durationSeconds(text)).toBeCloseTo(seconds, 12);
  });
  test('fractions', () => {
    expect(durationSeconds('1.5h')).toBe(5400);
    expect(durationSeconds('0.25s')).toBe(0.25);
    expect(durationSeconds('2.75m')).toBe(165);
  });
  test('compound durations add up', () => {
    expect(durationSeconds('1m30s')).toBe(90);
    expect(durationSeconds('2h45m')).toBe(9900);
    expect(durationSeconds('1h1m1s500ms')).toBe(3661.5);
    expect(durationSeconds('10s10s')).toBe(20);
  });
  test('refused: no unit, an unknown unit, a sign, spaces, a bare point, text around it, or no text at all', () => {
    for (const text of ['45', '45sec', '3d', '-1.5h', '+5s', ' 5s', '5s ', '1 m', '.5s', '5.s', 's', 'x5s', '5sx', '', 'ms']) {
      expect([text, durationSeconds(text)]).toStrictEqual([text, undefined]);
    }
  });
  test('refused: what is not a text', () => {
    expect(durationSeconds(45)).toBeUndefined();
    expect(durationSeconds(undefined)).toBeUndefined();
    expect(durationSeconds(['45s'])).toBeUndefined();
  });
});

/**
 * The pod annotations and labels of https://istio.io/latest/docs/reference/config/annotations/ and
 * https://linkerd.io/2/reference/proxy-configuration/ (src/meshes/annotations.ts). Istio drains for
 * ProxyConfig.terminationDrainDuration, 5 s when unset; Linkerd's proxy-wait-before-exit-seconds
 * "Defaults to 0".
 */
describe('meshProxyFacts: the mesh proxy a pod asks for, and how long it drains', () => {
  const istioConfig = 'proxy.istio.io/config';
  test('Istio by its inject annotation or label: the default drain of 5 s', () => {
    expect(meshProxyFacts({ annotations: { 'sidecar.istio.io/inject': 'true' } })).toStrictEqual({ mesh: 'istio', drainSeconds: 5 });
    expect(meshProxyFacts({ labels: { 'sidecar.istio.io/inject': 'true' } })).toStrictEqual({ mesh: 'istio', drainSeconds: 5 });
  });
  test('Istio by its proxy config: the drain it sets', () => {
    expect(meshProxyFacts({ annotations: { [istioConfig]: 'terminationDrainDuration: 45s\n' } })).toStrictEqual({
      mesh: 'istio',
      drainSeconds: 45,
    });
    expect(meshProxyFacts({ annotations: { [istioConfig]: '{"terminationDrainDuration": "1m30s"}' } })).toStrictEqual({
      mesh: 'istio',
      drainSeconds: 90,
    });
  });
  test('a proxy config without a readable drain: the default', () => {
    for (const config of [
      'holdApplicationUntilProxyStarts: true',
      'terminationDrainDuration: 45',
      'terminationDrainDuration: [',
      '',
      'null',
    ]) {
      expect([config, meshProxyFacts({ annotations: { [istioConfig]: config } })]).toStrictEqual([
        config,
        { mesh: 'istio', drainSeconds: 5 },
      ]);
    }
  });
  test('injection switched off, or asked for with another word, is no proxy', () => {
    expect(
      meshProxyFacts({ annotations: { 'sidecar.istio.io/inject': 'false' }, labels: { 'sidecar.istio.io/inject': 'false' } }),
    ).toBeUndefined();
    expect(meshProxyFacts({ annotations: { 'linkerd.io/inject': 'disabled' } })).toBeUndefined();
    expect(meshProxyFacts({ annotations: { 'linkerd.io/inject': 'true' } })).toBeUndefined();
  });
  test('Linkerd by its inject annotation: no wait before exit', () => {
    expect(meshProxyFacts({ annotations: { 'linkerd.io/inject': 'enabled' } })).toStrictEqual({ mesh: 'linkerd', drainSeconds: 0 });
  });
  test('Linkerd by its wait before exit, in whole seconds; a wait that is not one is none', () => {
    const wait = (value: string) => meshProxyFacts({ annotations: { 'config.alpha.linkerd.io/proxy-wait-before-exit-seconds': value } });
    expect(wait('15')).toStrictEqual({ mesh: 'linkerd', drainSeconds: 15 });
    expect(wait('15s')).toStrictEqual({ mesh: 'linkerd', drainSeconds: 0 });
    expect(wait('x15')).toStrictEqual({ mesh: 'linkerd', drainSeconds: 0 });
  });
  test('Istio is read first when a pod names both', () => {
    const annotations = { 'sidecar.istio.io/inject': 'true', 'linkerd.io/inject': 'enabled' };
    expect(meshProxyFacts({ annotations })).toStrictEqual({ mesh: 'istio', drainSeconds: 5 });
  });
  test('a pod without annotations or labels has no proxy', () => {
    expect(meshProxyFacts({})).toBeUndefined();
    expect(meshProxyFacts({ annotations: { 'prometheus.io/scrape': 'true' } })).toBeUndefined();
  });
});
