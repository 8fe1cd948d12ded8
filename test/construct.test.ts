import { Chart, JsonPatch, Testing } from 'cdk8s';
import { HardenedStatefulSet, HardenedWebService, HardenedWorker, HardenedWorkload, validateDeclarations, type WorkloadSpec } from '../src';
import { CHECKOUT, checkoutWith, CLOUD_SQL_PROXY, MIGRATE } from './support/declarations';
import { SESSIONS } from './support/edge-rejections';
import type { KubernetesObject } from '../src/manifests/facts';
import { mainContainer, objectsOfKind, theOnly } from './support/manifests';

function synth(declaration: WorkloadSpec): KubernetesObject[] {
  const chart = Testing.chart();
  new HardenedWorkload(chart, 'workload', declaration);
  return Testing.synth(chart) as KubernetesObject[];
}

const WORKER_PROPS = {
  name: 'mailer',
  image: 'ghcr.io/acme/mailer:2.0.0',
  health: { liveness: { exec: ['/bin/alive'] } },
  startup: { maxSeconds: 30 },
  drainSeconds: 60,
};
const WORKER: WorkloadSpec = { ...WORKER_PROPS, kind: 'worker' };

describe('objects of a web workload', () => {
  const objects = synth(CHECKOUT);

  test('ServiceAccount, Deployment, Service, PodDisruptionBudget and NetworkPolicy, all named after the instance', () => {
    expect(objects.map((object) => [object.kind, object.metadata?.name])).toEqual([
      ['ServiceAccount', 'checkout'],
      ['Deployment', 'checkout'],
      ['Service', 'checkout'],
      ['PodDisruptionBudget', 'checkout'],
      ['NetworkPolicy', 'checkout'],
    ]);
  });
  test('the reference timings reach the Deployment', () => {
    const container = mainContainer(objects);
    const pod = theOnly(objects, 'Deployment').spec.template.spec;
    expect(container.startupProbe).toMatchObject({
      periodSeconds: 3,
      failureThreshold: 45,
      timeoutSeconds: 2,
      terminationGracePeriodSeconds: 10,
    });
    expect(container.readinessProbe).toEqual({
      httpGet: { path: '/readyz', port: 8080, scheme: 'HTTP' },
      periodSeconds: 5,
      timeoutSeconds: 2,
      failureThreshold: 3,
      successThreshold: 1,
    });
    expect(container.livenessProbe).toEqual({
      tcpSocket: { port: 8080 },
      periodSeconds: 10,
      timeoutSeconds: 2,
      failureThreshold: 3,
      successThreshold: 1,
      terminationGracePeriodSeconds: 10,
    });
    expect(container.lifecycle).toEqual({ preStop: { exec: { command: ['sleep', '10'] } } });
    expect(pod.terminationGracePeriodSeconds).toBe(45);
    expect(theOnly(objects, 'Deployment').spec).toMatchObject({
      minReadySeconds: 15,
      progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
    });
  });
  test('the PodDisruptionBudget allows one disruption and evicts unhealthy pods', () => {
    expect(theOnly(objects, 'PodDisruptionBudget').spec).toMatchObject({ maxUnavailable: 1, unhealthyPodEvictionPolicy: 'AlwaysAllow' });
  });
  test('the pod runs as a dedicated ServiceAccount without an API token', () => {
    expect(theOnly(objects, 'ServiceAccount')).toMatchObject({ automountServiceAccountToken: false });
    expect(theOnly(objects, 'Deployment').spec.template.spec).toMatchObject({
      serviceAccountName: 'checkout',
      automountServiceAccountToken: false,
    });
  });
  test('memory limit equals the request and the CPU limit is 4 x the request', () => {
    expect(mainContainer(objects).resources).toEqual({ requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '256Mi' } });
  });
  test('pods spread over zones and nodes without blocking scheduling', () => {
    const pod = theOnly(objects, 'Deployment').spec.template.spec;
    expect(
      pod.topologySpreadConstraints.map((constraint: Record<string, unknown>) => [
        constraint.topologyKey,
        constraint.maxSkew,
        constraint.whenUnsatisfiable,
      ]),
    ).toEqual([
      ['topology.kubernetes.io/zone', 1, 'ScheduleAnyway'],
      ['kubernetes.io/hostname', 1, 'ScheduleAnyway'],
    ]);
    expect(pod.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey).toBe(
      'kubernetes.io/hostname',
    );
  });
  test('the NetworkPolicy admits only the serving port and leaves egress open', () => {
    expect(theOnly(objects, 'NetworkPolicy').spec).toMatchObject({
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ ports: [{ port: 8080, protocol: 'TCP' }] }],
      egress: [{}],
    });
  });
  test('the Service targets the named serving port', () => {
    expect(theOnly(objects, 'Service').spec.ports).toEqual([{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }]);
  });
});

describe('variations', () => {
  test('with an autoscaler, spec.replicas is omitted and the PDB still allows one disruption', () => {
    const objects = synth(checkoutWith({ replicas: undefined, autoscaling: { minReplicas: 2, maxReplicas: 6 } }));
    expect(theOnly(objects, 'Deployment').spec.replicas).toBeUndefined();
    expect(theOnly(objects, 'HorizontalPodAutoscaler')).toMatchObject({
      apiVersion: 'autoscaling/v2',
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'checkout' }, minReplicas: 2, maxReplicas: 6 },
    });
    expect(theOnly(objects, 'PodDisruptionBudget').spec.maxUnavailable).toBe(1);
  });
  test('an acknowledged single replica gets no PodDisruptionBudget and records the reason', () => {
    const objects = synth(checkoutWith({ replicas: 1, acknowledge: { singleReplica: 'preview environment, downtime is fine' } }));
    expect(objectsOfKind(objects, 'PodDisruptionBudget')).toHaveLength(0);
    expect(theOnly(objects, 'Deployment').metadata?.annotations?.['hardened-workloads.io/acknowledged']).toBe(
      'singleReplica: preview environment, downtime is fine',
    );
  });
  test('Kubernetes 1.30 uses the preStop sleep action', () => {
    expect(mainContainer(synth(checkoutWith({ kubernetesVersion: '1.30' }))).lifecycle).toEqual({ preStop: { sleep: { seconds: 10 } } });
  });
  test('an httpGet preStop hook calls the declared endpoint', () => {
    const container = mainContainer(synth(checkoutWith({ preStop: { type: 'http', path: '/prestop' } })));
    expect(container.lifecycle).toEqual({ preStop: { httpGet: { path: '/prestop', port: 8080 } } });
  });
  test('a delay inside the application needs no hook but keeps the grace period', () => {
    const objects = synth(checkoutWith({ preStop: { type: 'app' } }));
    expect(mainContainer(objects).lifecycle).toBeUndefined();
    expect(theOnly(objects, 'Deployment').spec.template.spec.terminationGracePeriodSeconds).toBe(45);
    expect(theOnly(objects, 'Deployment').metadata?.annotations?.['hardened-workloads.io/declared']).toContain('preStopSeconds=10');
  });
  test('a worker has no Service and no preStop hook, and admits no ingress without a port', () => {
    const objects = synth(WORKER);
    expect(objects.map((object) => object.kind)).toEqual(['ServiceAccount', 'Deployment', 'PodDisruptionBudget', 'NetworkPolicy']);
    expect(mainContainer(objects).lifecycle).toBeUndefined();
    expect(mainContainer(objects).ports).toBeUndefined();
    expect(theOnly(objects, 'Deployment').spec.template.spec.terminationGracePeriodSeconds).toBe(66);
    expect(theOnly(objects, 'NetworkPolicy').spec.ingress).toEqual([]);
  });
  test('declared egress destinations restrict egress but keep DNS, to the cluster DNS only', () => {
    const objects = synth(checkoutWith({ networkPolicy: { egressTo: [{ cidr: '10.0.0.0/8', ports: [5432] }] } }));
    expect(theOnly(objects, 'NetworkPolicy').spec.egress).toEqual([
      {
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
            podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
          },
        ],
        ports: [
          { port: 53, protocol: 'UDP' },
          { port: 53, protocol: 'TCP' },
        ],
      },
      { to: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 5432, protocol: 'TCP' }] },
    ]);
  });
  test('declared DNS servers, such as node-local DNS, replace the cluster DNS as the destination of name resolution', () => {
    const dns = [{ cidr: '169.254.20.10/32' }, { namespaceLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }];
    const objects = synth(checkoutWith({ networkPolicy: { egressTo: [{ cidr: '10.0.0.0/8' }], dns } }));
    expect(theOnly(objects, 'NetworkPolicy').spec.egress[0].to).toEqual([
      { ipBlock: { cidr: '169.254.20.10/32' } },
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } },
    ]);
  });
  test('a gRPC readiness probe checks the named health service', () => {
    const container = mainContainer(synth(checkoutWith({ health: { readiness: { grpc: { service: 'checkout.v1' } } } })));
    expect(container.readinessProbe.grpc).toEqual({ port: 8080, service: 'checkout.v1' });
  });
  test('environment variables are sorted by name, so output does not depend on key order', () => {
    const container = mainContainer(synth(checkoutWith({ env: { ZONE: 'eu', APP_MODE: 'prod' } })));
    expect(container.env).toEqual([
      { name: 'APP_MODE', value: 'prod' },
      { name: 'ZONE', value: 'eu' },
    ]);
  });
  test('user labels reach every object and pod but never a selector', () => {
    const objects = synth(checkoutWith({ labels: { team: 'payments' } }));
    for (const object of objects) expect(object.metadata?.labels?.team).toBe('payments');
    expect(theOnly(objects, 'Deployment').spec.template.metadata.labels.team).toBe('payments');
    expect(theOnly(objects, 'Deployment').spec.selector.matchLabels.team).toBeUndefined();
  });
  test('a digest-pinned image gets no version label', () => {
    const digest = `ghcr.io/acme/checkout@sha256:${'a'.repeat(64)}`;
    expect(theOnly(synth(checkoutWith({ image: digest })), 'Deployment').metadata?.labels?.['app.kubernetes.io/version']).toBeUndefined();
  });
  test('a distroless debug image has a shell, so exec sleep is allowed', () => {
    expect(
      mainContainer(synth(checkoutWith({ image: 'gcr.io/distroless/base-debian12:debug-nonroot' }))).lifecycle.preStop.exec,
    ).toBeDefined();
  });
});

describe('namespace', () => {
  test('every object takes the namespace of the chart it is in, and none when the chart has none', () => {
    const app = Testing.app();
    const namespaced = new Chart(app, 'shop', { namespace: 'shop' });
    new HardenedWorkload(namespaced, 'checkout', CHECKOUT);
    new HardenedWorkload(new Chart(app, 'plain'), 'checkout', CHECKOUT);
    const namespaces = (chart: Chart) => Testing.synth(chart).map((object: KubernetesObject) => object.metadata?.namespace);
    expect(namespaces(namespaced)).toEqual(Array(5).fill('shop'));
    expect(namespaces(app.node.findChild('plain') as Chart)).toEqual(Array(5).fill(undefined));
  });
});

describe('several workloads in one chart', () => {
  test('a second workload with the same instance fails with the message the CLI gives, and adds nothing', () => {
    const chart = Testing.chart();
    new HardenedWorkload(chart, 'checkout', CHECKOUT);
    new HardenedWorker(chart, 'mailer', WORKER_PROPS);
    const duplicate = checkoutWith({ replicas: 4 });
    expect(() => new HardenedWebService(chart, 'checkout-again', duplicate)).toThrow(
      validateDeclarations([CHECKOUT, WORKER, duplicate])[0]!.message,
    );
    expect(chart.node.tryFindChild('checkout-again')).toBeUndefined();
    expect(Testing.synth(chart)).toHaveLength(9);
  });
  test("a workload named like a stateful workload's headless Service collides with it, in the constructs as in the CLI", () => {
    const chart = Testing.chart();
    const database = { ...SESSIONS, name: 'db' } as unknown as WorkloadSpec;
    const web = checkoutWith({ name: 'db-headless' });
    new HardenedStatefulSet(chart, 'db', database as never);
    const [error] = validateDeclarations([database, web]);
    expect(error?.message).toContain(
      '- [1].name: "db-headless"\n    rule: workload 2 and workload 1 would both make an object named "db-headless"',
    );
    expect(() => new HardenedWorkload(chart, 'web', web)).toThrow(error!.message);
  });
  test('the same instance in two charts is two workloads', () => {
    const app = Testing.app();
    new HardenedWorkload(new Chart(app, 'one'), 'checkout', CHECKOUT);
    expect(() => new HardenedWorkload(new Chart(app, 'two'), 'checkout', CHECKOUT)).not.toThrow();
  });
});

describe('the construct family and escape hatches', () => {
  test('HardenedWebService and HardenedWorker fix the kind', () => {
    const chart = Testing.chart();
    const web = new HardenedWebService(chart, 'web', CHECKOUT);
    const worker = new HardenedWorker(chart, 'worker', WORKER_PROPS);
    expect(web.resolved.spec.kind).toBe('web');
    expect(worker.resolved.spec.kind).toBe('worker');
    expect(worker.service).toBeUndefined();
  });
  test('the underlying objects accept JSON patches, also for fields newer than the 1.28 types', () => {
    const chart = Testing.chart();
    const workload = new HardenedWorkload(chart, 'checkout', CHECKOUT);
    workload.deployment.addJsonPatch(
      JsonPatch.add('/spec/template/spec/containers/0/resizePolicy', [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }]),
    );
    const deployment = (Testing.synth(chart) as KubernetesObject[]).find((object) => object.kind === 'Deployment')!;
    expect(deployment.spec.template.spec.containers[0].resizePolicy).toEqual([{ resourceName: 'cpu', restartPolicy: 'NotRequired' }]);
  });
  test('the derivation and its explanations are available on the construct', () => {
    const workload = new HardenedWorkload(Testing.chart(), 'checkout', CHECKOUT);
    expect(workload.resolved.timings.terminationGracePeriodSeconds).toBe(45);
    expect(workload.resolved.explanations.find((entry) => entry.key === 'terminationGracePeriodSeconds')?.formula).toBe(
      'G = preStop + D + M',
    );
  });
});

describe('init containers, sidecars and a mesh proxy', () => {
  const migrate = MIGRATE;
  const proxy = { ...CLOUD_SQL_PROXY, args: ['--health-check'], resources: { cpu: '100m', memory: '128Mi' } };
  const podOf = (changes: Record<string, unknown>) => theOnly(synth(checkoutWith(changes)), 'Deployment').spec.template;

  test('from Kubernetes 1.29 a sidecar is a native sidecar listed before the init containers, with a startup probe and no hook', () => {
    const { spec } = podOf({ kubernetesVersion: '1.29', initContainers: [migrate], sidecars: [proxy] });
    expect(spec.initContainers.map((container: { name: string }) => container.name)).toEqual(['cloud-sql-proxy', 'migrate']);
    expect(spec.initContainers[0]).toMatchObject({
      restartPolicy: 'Always',
      startupProbe: { httpGet: { path: '/startup', port: 9090 }, periodSeconds: 3, timeoutSeconds: 2, failureThreshold: 15 },
    });
    expect(spec.initContainers[0].lifecycle).toBeUndefined();
    expect(spec.containers.map((container: { name: string }) => container.name)).toEqual(['checkout']);
    expect(spec.terminationGracePeriodSeconds).toBe(55);
  });
  test('on 1.28 a sidecar is an ordinary container that sleeps until the application has drained', () => {
    const { spec } = podOf({ sidecars: [proxy] });
    expect(spec.initContainers).toBeUndefined();
    expect(spec.containers[1]).toMatchObject({ name: 'cloud-sql-proxy', lifecycle: { preStop: { exec: { command: ['sleep', '40'] } } } });
    expect(spec.containers[1].restartPolicy).toBeUndefined();
  });
  test('every added container is hardened like the main one, and takes its resources unless it declares its own', () => {
    const { spec } = podOf({ kubernetesVersion: '1.29', initContainers: [migrate], sidecars: [proxy] });
    const main = spec.containers[0];
    for (const container of spec.initContainers) {
      expect(container.securityContext).toEqual(main.securityContext);
      expect(container.volumeMounts).toEqual(main.volumeMounts);
    }
    expect(spec.initContainers[1]).toMatchObject({ command: ['/app/migrate'], resources: main.resources });
    expect(spec.initContainers[0].resources).toEqual({
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '400m', memory: '128Mi' },
    });
  });
  test.each([
    ['istio', { 'proxy.istio.io/config': 'holdApplicationUntilProxyStarts: true\nterminationDrainDuration: 40s' }],
    ['linkerd', { 'config.alpha.linkerd.io/proxy-wait-before-exit-seconds': '40' }],
  ])('a %s mesh proxy is told to serve until preStop + drain (10 + 30 s)', (mesh, annotations) => {
    expect(podOf({ mesh }).metadata.annotations).toEqual(annotations);
  });
  test("the declared annotation carries the added containers' times for check", () => {
    const deployment = theOnly(
      synth(checkoutWith({ kubernetesVersion: '1.29', initContainers: [migrate], sidecars: [proxy] })),
      'Deployment',
    );
    expect(deployment.metadata!.annotations!['hardened-workloads.io/declared']).toBe(
      'startupMaxSeconds=90 startupTypicalSeconds=20 drainSeconds=30 propagationSeconds=10 probeLatencyMs=300 migrate.maxSeconds=300 cloud-sql-proxy.startSeconds=30 cloud-sql-proxy.stopSeconds=10',
    );
  });
});

describe('the ways in', () => {
  const serviceOf = (declaration: WorkloadSpec) => theOnly(synth(declaration), 'Service');

  test('an upgrade to traffic.platform aws-nlb alone keeps the ClusterIP Service as it was: no NLB without service.type', () => {
    expect(serviceOf(checkoutWith({ traffic: { platform: 'aws-nlb' } }))).toEqual(serviceOf(CHECKOUT));
  });

  test('service.type LoadBalancer changes the type in place: the same name, selector and port, no node ports', () => {
    const before = serviceOf(CHECKOUT);
    const after = serviceOf(checkoutWith({ traffic: { platform: 'aws-nlb' }, service: { type: 'LoadBalancer' } }));
    expect([after.metadata?.name, after.spec.selector, after.spec.ports]).toEqual([
      before.metadata?.name,
      before.spec.selector,
      before.spec.ports,
    ]);
    expect(after.spec).toMatchObject({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: false });
    expect(after.metadata?.annotations).toMatchObject({
      'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
      'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
      'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes': 'deregistration_delay.timeout_seconds=150',
    });
  });

  test('an Ingress and a route are named after the instance and reach the Service by its port', () => {
    const chart = Testing.chart();
    const workload = new HardenedWorkload(
      chart,
      'workload',
      checkoutWith({ ingress: { hosts: ['shop.example.com'] }, route: { parentRefs: [{ name: 'public' }] } }),
    );
    expect([workload.ingress?.name, workload.route?.name, workload.route?.kind]).toEqual(['checkout', 'checkout', 'HTTPRoute']);
    const objects = Testing.synth(chart) as KubernetesObject[];
    expect(theOnly(objects, 'Ingress').spec.rules).toEqual([
      {
        host: 'shop.example.com',
        http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'checkout', port: { name: 'http' } } } }] },
      },
    ]);
    expect(theOnly(objects, 'HTTPRoute').spec.rules[0].backendRefs).toEqual([{ name: 'checkout', port: 8080 }]);
  });

  test('an ALB Ingress carries the derived target group settings and keeps the declared attributes', () => {
    const ingress = theOnly(
      synth(
        checkoutWith({
          traffic: { platform: 'aws-alb' },
          ingress: { annotations: { 'alb.ingress.kubernetes.io/target-group-attributes': 'slow_start.duration_seconds=30' } },
        }),
      ),
      'Ingress',
    );
    expect(ingress.spec.ingressClassName).toBe('alb');
    expect(ingress.metadata?.annotations).toEqual({
      'alb.ingress.kubernetes.io/target-type': 'ip',
      'alb.ingress.kubernetes.io/healthcheck-protocol': 'HTTP',
      'alb.ingress.kubernetes.io/healthcheck-port': 'traffic-port',
      'alb.ingress.kubernetes.io/healthcheck-path': '/readyz',
      'alb.ingress.kubernetes.io/healthcheck-interval-seconds': '5',
      'alb.ingress.kubernetes.io/healthcheck-timeout-seconds': '2',
      'alb.ingress.kubernetes.io/healthy-threshold-count': '2',
      'alb.ingress.kubernetes.io/unhealthy-threshold-count': '3',
      'alb.ingress.kubernetes.io/success-codes': '200-399',
      'alb.ingress.kubernetes.io/target-group-attributes': 'slow_start.duration_seconds=30,deregistration_delay.timeout_seconds=60',
    });
  });

  test('the NetworkPolicy admits the peers declared anywhere, in order; none declared, anyone', () => {
    const policy = (declaration: WorkloadSpec) => theOnly(synth(declaration), 'NetworkPolicy').spec.ingress[0];
    expect(policy(checkoutWith({ ingress: {} })).from).toBeUndefined();
    expect(
      policy(
        checkoutWith({
          networkPolicy: { ingressFrom: [{ podLabels: { role: 'frontend' } }] },
          ingress: { from: [{ namespaceLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } }] },
          route: { parentRefs: [{ name: 'public' }], from: [{ cidr: '10.0.0.0/16' }] },
        }),
      ).from,
    ).toEqual([
      { podSelector: { matchLabels: { role: 'frontend' } } },
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
      { ipBlock: { cidr: '10.0.0.0/16' } },
    ]);
  });
});

describe('what a resolved workload explains', () => {
  // Held by every construct of a chart but read only by explain: worked out when read.
  const resolved = new HardenedWebService(Testing.chart(), 'checkout', CHECKOUT).resolved;

  test('its explanations are the derivation of its own timings', () => {
    const explained = new Map(resolved.explanations.map(({ key, value }) => [key, value]));
    expect(explained.get('terminationGracePeriodSeconds')).toBe(resolved.timings.terminationGracePeriodSeconds);
    expect(explained.get('readiness.periodSeconds')).toBe(resolved.timings.readiness.periodSeconds);
  });
  test('its invariants are every Deployment invariant, each holding', () => {
    expect(resolved.invariants.map(({ id, status }) => [id, status])).toEqual(
      [
        'startupWindow',
        'probeSuccessThreshold',
        'livenessAfterReadiness',
        'distinctProbes',
        'readinessTimeout',
        'preStopCoversPropagation',
        'graceCoversShutdown',
        'probeGrace',
        'surgeWhenNoUnavailable',
        'progressDeadline',
        'pdbAllowsDisruption',
        'graceLimit',
        'sidecarsOutliveDrain',
        'deregistrationDelay',
        'loadBalancerHealthCheck',
        'ephemeralStorageCoversFolders',
      ].map((id) => [id, 'holds']),
    );
  });
  test('its notes are read from the declaration as it was resolved', () => {
    expect(resolved.notes).toEqual([expect.stringContaining('kubernetesVersion is not declared')]);
  });
  test('reading them twice gives the same objects', () => {
    expect(resolved.explanations).toBe(resolved.explanations);
    expect(resolved.invariants).toBe(resolved.invariants);
  });
});
