import fc from 'fast-check';
import { TIME_ZONES } from '../../src/declaration/time-zones';
import type { WorkloadSpec } from '../../src';
import { deriveTimings } from '../../src/timing/derive';
import { memoryBytes } from '../../src/declaration/quantities';
import { TRAFFIC_PLATFORMS } from '../../src/timing/platforms';
import { ACKNOWLEDGEABLE_INVARIANTS } from '../../src/declaration/ids';
import { isRuntimeSocketPath } from '../../src/declaration/dangers';
import { isDeclarationError, resolveWorkload } from '../../src';
import { KINDS, type WorkloadKind } from '../../src/kinds/table';

/** One seed for every property, so a failure reproduces on any machine. */
export const SEED = 20261123;

const dnsLabel = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/);
const httpPath = fc.stringMatching(/^\/[a-z0-9/_-]{0,20}$/);
/** A path prefix an Ingress or a route accepts: segments without "//", "." or "..". */
const routePath = fc.array(fc.stringMatching(/^[a-z0-9_~-]{1,8}$/), { maxLength: 3 }).map((segments) => `/${segments.join('/')}`);
const hostname = fc.oneof(
  fc.constantFrom('shop.example.com', '*.example.com', 'xn--bcher-kva.example', 'localhost'),
  dnsLabel.map((label) => `${label}.example.org`),
);
const peers = fc.constantFrom(
  [{ namespaceLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } }],
  [{ cidr: '10.0.0.0/16' }],
  [{ podLabels: { app: 'gateway' } }, { cidr: 'fd00::/8' }],
);
/** The ways in a web workload may declare, each drawn on its own; the map keeps them coherent. */
const waysIn = fc.record({
  ingress: fc.option(
    fc.record(
      {
        className: fc.constantFrom('alb', 'nginx'),
        hosts: fc.array(hostname, { minLength: 1, maxLength: 3 }),
        paths: fc.array(routePath, { minLength: 1, maxLength: 2 }),
        tlsSecretName: fc.constantFrom('shop-tls', 'wildcard.example.com'),
        annotations: fc.constantFrom(
          { 'alb.ingress.kubernetes.io/scheme': 'internet-facing' },
          { 'alb.ingress.kubernetes.io/target-group-attributes': 'slow_start.duration_seconds=30' },
          { 'nginx.ingress.kubernetes.io/proxy-body-size': '8m' },
        ),
      },
      { requiredKeys: [] },
    ),
    { nil: undefined },
  ),
  route: fc.option(
    fc.record(
      {
        kind: fc.constantFrom('HTTPRoute', 'GRPCRoute'),
        parentRefs: fc.constantFrom(
          [{ name: 'public' }],
          [{ name: 'public', namespace: 'gateways', sectionName: 'https' }],
          [
            { name: 'public', namespace: 'gateways', sectionName: 'https' },
            { name: 'public', namespace: 'gateways', sectionName: 'http' },
          ],
        ),
        hostnames: fc.array(hostname, { minLength: 1, maxLength: 2 }),
        paths: fc.array(routePath, { minLength: 1, maxLength: 2 }),
        services: fc.constantFrom(['checkout.v1.Checkout'], ['a.B', '.c_d.E']),
      },
      { requiredKeys: ['kind', 'parentRefs'] },
    ),
    { nil: undefined },
  ),
  loadBalancerService: fc.boolean(),
  serviceAnnotations: fc.constantFrom({}, { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' }),
  peers: fc.option(peers, { nil: undefined }),
});
const version = fc.integer({ min: 28, max: 33 }).map((minor) => `1.${minor}`);
const reason = fc.constantFrom(
  'preview environment, downtime is acceptable',
  'batch export needs the full window',
  'vendor image, cannot change',
);

/** No entries in three draws of four, else one or two. */
function mostlyNone<T>(entry: fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.array(entry, { maxLength: 0 }) },
    { weight: 1, arbitrary: fc.array(entry, { minLength: 1, maxLength: 2 }) },
  );
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
type Declaration = Mutable<WorkloadSpec> & Record<string, unknown>;

/** Text of config files and environment values, with what YAML, JSON and Go quote differently. */
const fileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('server:\n  port: 8080\n', 'a\r\nb', 'nul \u0000 byte', 'e\u0301 ✓ 🚀', 'line\u2028separator', '<&>', ''),
);
const envName = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,6}$/);
const objectName = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);

/** Environment variables from every source: a map, or a list whose values refer to earlier entries. */
const environment = fc.oneof(
  fc.dictionary(
    envName,
    fc.oneof(
      fileText.map((text) => text.replace(/\$/g, '$$$$')),
      fc.record({ secret: fc.record({ name: objectName, key: fc.constantFrom('password', 'tls.crt'), optional: fc.boolean() }) }),
      fc.record({ pod: fc.constantFrom('name', 'namespace', 'podIP', 'nodeName') }),
    ),
    { maxKeys: 3 },
  ),
  fc
    .uniqueArray(envName, { maxLength: 4 })
    .map((names) =>
      names.map((name, index) =>
        index === 0
          ? { name, configMap: { name: 'app-settings', key: 'log-level' } }
          : index % 2 === 1
            ? { name, value: `x-$(${names[index - 1]})-$$(${name})` }
            : { name, resource: { field: 'limits.memory', divisor: '1Mi' } },
      ),
    ),
);

const environmentFrom = fc.array(
  fc.oneof(fc.record({ secret: objectName, prefix: envName }), fc.record({ configMap: objectName, optional: fc.boolean() })),
  {
    maxLength: 2,
  },
);

const fileSources = fc.dictionary(
  fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/),
  fc.record(
    {
      secret: objectName,
      items: fc.dictionary(fc.constantFrom('ca.crt', 'tls.key', 'config'), fc.constantFrom('ca.pem', 'dir/key.pem')),
      mode: fc.constantFrom(0o440, 0o444, 0o640),
    },
    { requiredKeys: ['secret'] },
  ),
  { maxKeys: 2 },
);

/**
 * What an init container or a sidecar declares like the main container (env, envFrom, files of its
 * own), and which of the workload's files it shares: the main container's files (the same source
 * at a path of its own), and by a bit mask the config files and scratch folders it mounts.
 */
const containerConfiguration = fc.record(
  {
    env: environment,
    envFrom: environmentFrom,
    files: fileSources,
    shareFiles: fc.boolean(),
    shared: fc.integer({ min: 0, max: 15 }),
  },
  { requiredKeys: ['shared'] },
);

/**
 * Configuration the library must accept: a command, environment variables from every source (a map, or a list
 * whose values refer to earlier entries), envFrom, files, config files, scratch folders (some in
 * memory, within the memory limit), /tmp, pull secrets, annotations, an API token with its reason
 * and scheduling. Paths are distinct and never nested, so no two mounts conflict.
 */
const configuration = fc.record(
  {
    command: fc.constantFrom(['gunicorn', 'app.wsgi'], ['/app/serve', '--port=$(PORT)'], []),
    env: environment,
    envFrom: environmentFrom,
    files: fileSources,
    configFiles: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9.]{0,8}$/), fileText, { maxKeys: 2 }),
    scratch: fc.dictionary(
      fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/),
      fc.record(
        { sizeLimit: fc.constantFrom('16Mi', '2Gi'), medium: fc.constantFrom('disk' as const, 'memory' as const) },
        { requiredKeys: [] },
      ),
      { maxKeys: 2 },
    ),
    tmp: fc.record(
      { sizeLimit: fc.constantFrom('8Mi', '4Gi'), medium: fc.constantFrom('disk' as const, 'memory' as const) },
      { requiredKeys: [] },
    ),
    imagePullSecrets: fc.array(objectName, { maxLength: 2 }),
    podAnnotations: fc.dictionary(fc.constantFrom('prometheus.io/scrape', 'example.com/owner', 'owner'), fileText, { maxKeys: 2 }),
    serviceAccount: fc.record(
      {
        annotations: fc.dictionary(fc.constantFrom('eks.amazonaws.com/role-arn', 'iam.gke.io/gcp-service-account'), fileText, {
          maxKeys: 1,
        }),
        mountApiToken: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    scheduling: fc.record(
      {
        nodeSelector: fc.dictionary(fc.constantFrom('kubernetes.io/arch', 'node-pool'), fc.constantFrom('arm64', 'general')),
        tolerations: fc.array(
          fc.constantFrom(
            { key: 'dedicated', value: 'payments', effect: 'NoSchedule' as const },
            { operator: 'Exists' as const },
            { key: 'node.kubernetes.io/unreachable', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 30 },
          ),
          { maxLength: 2 },
        ),
        priorityClassName: fc.constantFrom('business-critical', 'batch'),
        nodeAffinity: fc.record(
          {
            required: fc.constant([
              { matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In' as const, values: ['arm64', 'amd64'] }] },
            ]),
            preferred: fc.constant([{ weight: 20, matchExpressions: [{ key: 'cores', operator: 'Gt' as const, values: ['4'] }] }]),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** What kind daemon declares; the mount paths are fitted to the declaration. */
const daemonSettings = fc.record(
  {
    hostPaths: fc.dictionary(
      fc.constantFrom('logs', 'containers', 'sock'),
      fc.record(
        {
          path: fc.constantFrom('/var/log', '/var/lib/docker/containers', '/run/containerd/containerd.sock'),
          readOnly: fc.boolean(),
          type: fc.constantFrom('Directory' as const, 'DirectoryOrCreate' as const, 'Socket' as const),
        },
        { requiredKeys: ['path'] },
      ),
      { maxKeys: 2 },
    ),
    surge: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** What kind stateful declares; the mount paths and the partition are fitted to the declaration. */
const statefulSettings = fc.record(
  {
    volumeClaims: fc.dictionary(
      fc.constantFrom('data', 'wal', 'index'),
      fc.record(
        {
          size: fc.constantFrom('1Gi', '20Gi', '500Mi'),
          storageClass: fc.constantFrom('gp3', 'fast-ssd'),
          accessMode: fc.constantFrom('ReadWriteOnce' as const, 'ReadWriteOncePod' as const),
        },
        { requiredKeys: ['size'] },
      ),
      { minKeys: 1, maxKeys: 2 },
    ),
    podManagementPolicy: fc.constantFrom('OrderedReady' as const, 'Parallel' as const),
    partition: fc.integer({ min: 0, max: 12 }),
    claimRetention: fc.record(
      {
        whenDeleted: fc.constantFrom('Retain' as const, 'Delete' as const),
        whenScaled: fc.constantFrom('Retain' as const, 'Delete' as const),
      },
      { requiredKeys: [] },
    ),
    maintenanceWindowSeconds: fc.integer({ min: 60, max: 7200 }),
    peerPorts: fc.uniqueArray(fc.integer({ min: 1024, max: 65535 }), { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: [] },
);

/** Paths no other mount uses or holds: one folder per kind of mount, one entry per key. */
function placed<T extends object>(entries: Record<string, T>, folder: string): Record<string, T & { path: string }> {
  return mapValues(entries, (value, key) => ({ ...value, path: `/${folder}/${key}` }));
}

function mapValues<T, R>(entries: Record<string, T>, map: (value: T, key: string) => R): Record<string, R> {
  return Object.fromEntries(Object.entries(entries).map(([key, value]) => [key, map(value, key)]));
}

/**
 * `keep` as adopt writes it (issue 20): a selector of a foreign chart's labels, names for some
 * roles, a Service port name. Drawn with what the checks refuse (an empty selector, the namespace's
 * `default` ServiceAccount, one name for both Services, a Service port name another port has, a
 * name for a role the kind does not make), which `coherentKeep` takes out again.
 */
export const keepDraw = fc.record(
  {
    selector: fc.dictionary(
      fc.constantFrom(
        'app',
        'app.kubernetes.io/name',
        'app.kubernetes.io/instance',
        'app.kubernetes.io/component',
        'release',
        'example.com/tier',
      ),
      fc.constantFrom('nginx', 'release', 'controller', 'web-1', 'a.b_c'),
      { maxKeys: 3 },
    ),
    names: fc.record(
      {
        Service: fc.constantFrom('web', 'nginx', 'peers'),
        HeadlessService: fc.constantFrom('peers', 'nginx-hl'),
        ServiceAccount: fc.constantFrom('nginx', 'default', 'app.runner'),
        PodDisruptionBudget: fc.constantFrom('nginx-pdb', 'nginx'),
        HorizontalPodAutoscaler: fc.constantFrom('nginx-hpa', 'nginx'),
        NetworkPolicy: fc.constantFrom('nginx-netpol', 'allow.nginx'),
        Ingress: fc.constantFrom('nginx-ingress', 'nginx'),
        Route: fc.constantFrom('nginx-route', 'nginx'),
        ServiceMonitor: fc.constantFrom('nginx-metrics', 'nginx'),
        PodMonitor: fc.constantFrom('nginx-metrics', 'nginx'),
      },
      { requiredKeys: [] },
    ),
    servicePortName: fc.constantFrom('web', 'http', 'admin', 'grpc-api', 'metrics'),
  },
  { requiredKeys: [] },
);
export type KeepDraw = typeof keepDraw extends fc.Arbitrary<infer T> ? T : never;

/**
 * The parts of a drawn `keep` that the declaration accepts: a selector that selects something and
 * that its labels agree with (the labels give way), names of roles its kind makes (never `default`
 * for the ServiceAccount, never one name for both Services), a Service port name only with a
 * Service, apart from the other Service ports' names.
 */
export function coherentKeep(draw: KeepDraw, declaration: Record<string, unknown>): Record<string, unknown> | undefined {
  const kind = (declaration.kind ?? 'web') as WorkloadKind;
  const makes = KINDS[kind].objects as readonly string[];
  const keep: Record<string, unknown> = {};
  if (draw.selector && Object.keys(draw.selector).length > 0) {
    keep.selector = draw.selector;
    const labels = declaration.labels as Record<string, string> | undefined;
    if (labels) for (const key of Object.keys(draw.selector)) delete labels[key];
  }
  const names = Object.fromEntries(
    Object.entries(draw.names ?? {}).filter(([role, name]) => makes.includes(role) && !(role === 'ServiceAccount' && name === 'default')),
  );
  const instance = (declaration.instance ?? declaration.name) as string;
  if (makes.includes('HeadlessService') && (names.Service ?? instance) === (names.HeadlessService ?? `${instance}-headless`))
    delete names.HeadlessService;
  if (Object.keys(names).length > 0) keep.names = names;
  // The Service's other port names: the extra ports' and service.extraPorts'.
  const ports = [
    ...((declaration.ports ?? []) as Array<{ name: string }>),
    ...(((declaration.service as { extraPorts?: unknown } | undefined)?.extraPorts ?? []) as Array<{ name: string }>),
  ];
  if (
    draw.servicePortName !== undefined &&
    makes.includes('Service') &&
    declaration.port !== undefined &&
    !ports.some(({ name }) => name === draw.servicePortName)
  ) {
    keep.servicePortName = draw.servicePortName;
  }
  return Object.keys(keep).length > 0 ? keep : undefined;
}

/**
 * Declarations the library must accept: every form of probe, preStop, replica mode and platform,
 * with the acknowledgements that single replicas and long grace periods need. No overrides.
 */
export const validDeclaration: fc.Arbitrary<WorkloadSpec> = fc
  .record({
    name: dnsLabel,
    instance: fc.option(dnsLabel, { nil: undefined }),
    kind: fc.constantFrom('web', 'worker', 'stateful', 'daemon'),
    port: fc.integer({ min: 1024, max: 65535 }),
    workerHasPort: fc.boolean(),
    replicas: fc.integer({ min: 1, max: 12 }),
    autoscaling: fc.option(
      fc.integer({ min: 1, max: 5 }).chain((min) =>
        fc.record({
          minReplicas: fc.constant(min),
          maxReplicas: fc.integer({ min, max: 30 }),
          targetCPUUtilizationPercentage: fc.integer({ min: 30, max: 90 }),
          metrics: fc.option(
            fc.constantFrom(
              [
                {
                  type: 'Resource' as const,
                  resource: { name: 'memory' as const, target: { type: 'Utilization' as const, averageUtilization: 80 } },
                },
              ],
              [
                {
                  type: 'External' as const,
                  external: {
                    metric: { name: 'kafka_consumergroup_lag', selector: { matchLabels: { topic: 'orders' } } },
                    target: { type: 'AverageValue' as const, averageValue: '1k' },
                  },
                },
                {
                  type: 'Pods' as const,
                  pods: { metric: { name: 'inflight_requests' }, target: { type: 'AverageValue' as const, averageValue: '20' } },
                },
              ],
              [
                {
                  type: 'Object' as const,
                  object: {
                    describedObject: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'storefront' },
                    metric: { name: 'requests_per_second' },
                    target: { type: 'Value' as const, value: '2k' },
                  },
                },
              ],
            ),
            { nil: undefined },
          ),
          behavior: fc.option(
            fc.record(
              {
                scaleUp: fc.record(
                  {
                    selectPolicy: fc.constantFrom('Max' as const, 'Min' as const),
                    policies: fc.constant([{ type: 'Percent' as const, value: 100, periodSeconds: 15 }]),
                  },
                  { requiredKeys: [] },
                ),
                scaleDown: fc.record(
                  {
                    stabilizationWindowSeconds: fc.integer({ min: 0, max: 3600 }),
                    selectPolicy: fc.constantFrom('Max' as const, 'Min' as const, 'Disabled' as const),
                    policies: fc.constant([{ type: 'Pods' as const, value: 2, periodSeconds: 60 }]),
                  },
                  { requiredKeys: [] },
                ),
              },
              { requiredKeys: [] },
            ),
            { nil: undefined },
          ),
        }),
      ),
      { nil: undefined },
    ),
    startupMax: fc.integer({ min: 1, max: 900 }),
    typicalShare: fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: undefined }),
    drainSeconds: fc.integer({ min: 0, max: 700 }),
    platform: fc.option(fc.constantFrom(...TRAFFIC_PLATFORMS), { nil: undefined }),
    propagationSeconds: fc.option(fc.integer({ min: 0, max: 180 }), { nil: undefined }),
    probeLatencyMs: fc.option(fc.integer({ min: 1, max: 8000 }), { nil: undefined }),
    kubernetesVersion: fc.option(version, { nil: undefined }),
    readiness: fc.oneof(
      httpPath.map((path) => ({ path })),
      fc.constant({ grpc: {} }),
      fc.constant({ exec: ['/bin/ready'] }),
    ),
    liveness: fc.oneof(
      fc.constant(undefined),
      fc.constant({ tcp: true as const }),
      fc.constant(false as const),
      fc.constant({ path: '/livez-distinct' }),
      fc.constant({ exec: ['/bin/alive'] }),
    ),
    startupTarget: fc.option(fc.constant({ path: '/startupz' }), { nil: undefined }),
    preStopType: fc.constantFrom('auto', 'sleep', 'exec', 'http', 'app'),
    distroless: fc.option(fc.boolean(), { nil: undefined }),
    cpu: fc.constantFrom('50m', '250m', '1', '1.5', '2'),
    cpuLimit: fc.constantFrom(undefined, '4', false as const),
    memory: fc.constantFrom('128Mi', '1Gi'),
    egress: fc.boolean(),
    ingressFrom: fc.boolean(),
    waysIn,
    configuration,
    initContainers: mostlyNone(
      fc.record({ maxSeconds: fc.integer({ min: 1, max: 600 }), command: fc.boolean(), config: containerConfiguration }),
    ),
    sidecars: mostlyNone(
      fc.record({
        health: fc.constantFrom('none', 'startup', 'readiness', 'both', 'exec'),
        startSeconds: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
        stopSeconds: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        ownResources: fc.boolean(),
        distroless: fc.boolean(),
        config: containerConfiguration,
      }),
    ),
    mesh: fc.constantFrom(undefined, undefined, undefined, 'istio', 'linkerd'),
    stateful: fc.option(statefulSettings, { nil: undefined }),
    daemon: fc.option(daemonSettings, { nil: undefined }),
    securityContext: fc.option(
      fc.record(
        {
          runAsUser: fc.constantFrom(0, 1000, 65534),
          runAsGroup: fc.integer({ min: 1, max: 70000 }),
          fsGroup: fc.integer({ min: 1, max: 70000 }),
          supplementalGroups: fc.array(fc.integer({ min: 1, max: 70000 }), { maxLength: 3 }),
          capabilities: fc.subarray(['NET_BIND_SERVICE', 'DAC_READ_SEARCH', 'SYS_PTRACE'] as const),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
    spread: fc.constantFrom(undefined, 'preferred' as const, 'required' as const),
    memoryLimit: fc.constantFrom(undefined, '2Gi'),
    ephemeralStorage: fc.option(
      fc.record({ request: fc.constantFrom('256Mi', '512Mi'), limit: fc.constantFrom('512Mi', '3Gi', '64Gi') }, { requiredKeys: [] }),
      { nil: undefined },
    ),
    keep: fc.option(keepDraw, { nil: undefined, freq: 4 }),
    serving: fc.record(
      {
        protocol: fc.constantFrom('http' as const, 'http2' as const, 'grpc' as const, 'tcp' as const),
        servicePort: fc.constantFrom(80, 443),
        admin: fc.option(peers, { nil: undefined }),
        // Prometheus metrics on the serving port (port left out) or on the admin port, scraped by the default or declared peers.
        metrics: fc.record(
          {
            onAdmin: fc.boolean(),
            path: fc.constantFrom('/metrics', '/stats/prometheus'),
            interval: fc.constantFrom(15, 30, 60),
            from: fc.option(peers, { nil: undefined }),
          },
          { requiredKeys: ['onAdmin'] },
        ),
      },
      { requiredKeys: [] },
    ),
  })
  .map((draw): WorkloadSpec => {
    const declaration: Declaration = {
      name: draw.name,
      image: `registry.example.com/team/${draw.name}:1.${draw.port % 10}.0`,
      kind: draw.kind,
      startup: {
        maxSeconds: draw.startupMax,
        ...(draw.typicalShare !== undefined ? { typicalSeconds: Math.max(1, Math.floor(draw.startupMax * draw.typicalShare)) } : {}),
      },
      drainSeconds: draw.drainSeconds,
      acknowledge: {},
      health: {},
    };
    const acknowledge = declaration.acknowledge as Record<string, string>;
    if (draw.instance) declaration.instance = draw.instance;
    if (draw.kubernetesVersion) declaration.kubernetesVersion = draw.kubernetesVersion;
    if (draw.probeLatencyMs) declaration.probeLatencyMs = draw.probeLatencyMs;
    if (draw.distroless !== undefined) declaration.distroless = draw.distroless;
    const hasPort = draw.kind === 'web' || draw.workerHasPort;
    // A stateful workload with a port is served like a web one (readiness, preStop), without one like a worker.
    const served = draw.kind === 'web' || (draw.kind === 'stateful' && hasPort);
    if (hasPort) declaration.port = draw.port;

    const health = declaration.health as Record<string, unknown>;
    if (served || hasPort) health.readiness = draw.readiness;
    let liveness = draw.liveness;
    // Liveness must differ from readiness, and a worker without a port has no default liveness.
    if (liveness === undefined && !hasPort) liveness = { exec: ['/bin/alive'] };
    if (liveness && !('exec' in liveness) && !hasPort) liveness = { exec: ['/bin/alive'] };
    if (liveness !== undefined) health.liveness = liveness;
    if (liveness === false) acknowledge.noLiveness = 'the process exits by itself when wedged';
    if (draw.startupTarget && hasPort) health.startup = draw.startupTarget;

    // A stateful workload is not autoscaled, a daemon has one pod per node (src/kinds/table.ts).
    const daemon = draw.kind === 'daemon';
    const autoscaling = draw.kind === 'stateful' || daemon ? undefined : draw.autoscaling;
    if (autoscaling) declaration.autoscaling = structuredClone(autoscaling) as WorkloadSpec['autoscaling'];
    else if (!daemon) declaration.replicas = draw.replicas;
    if (daemon && draw.daemon) {
      const { hostPaths, surge } = draw.daemon;
      declaration.daemon = {
        ...(surge !== undefined ? { surge } : {}),
        ...(hostPaths ? { hostPaths: mapValues(hostPaths, (hostPath, key) => ({ ...hostPath, mountPath: `/host/${key}` })) } : {}),
      };
      if (hostPaths && Object.keys(hostPaths).length > 0) acknowledge.volumeTypes = 'reads the logs of its node';
      // A runtime socket and a writable host path each need their own reason (src/declaration/dangers.ts).
      if (Object.values(hostPaths ?? {}).some(({ path }) => isRuntimeSocketPath(path)))
        acknowledge.runtimeSocket = 'lists the containers of its node';
      if (Object.values(hostPaths ?? {}).some(({ readOnly }) => readOnly === false))
        acknowledge.writableHostPath = 'keeps its read positions on the node';
    }
    if (draw.securityContext) {
      // Root and capabilities beyond NET_BIND_SERVICE are a node agent's only, each acknowledged.
      const { runAsUser, capabilities, ...groups } = draw.securityContext;
      const added = daemon ? capabilities : capabilities?.filter((name) => name === 'NET_BIND_SERVICE');
      declaration.securityContext = {
        ...groups,
        ...(runAsUser !== undefined && (daemon || runAsUser !== 0) ? { runAsUser } : {}),
        ...(added !== undefined ? { capabilities: added } : {}),
      };
      if (daemon && runAsUser === 0) acknowledge.runAsNonRoot = 'reads the root-only logs of its node';
      if (added?.some((name) => name !== 'NET_BIND_SERVICE')) acknowledge.capabilities = 'traces the processes of its node';
    }
    if (draw.kind === 'stateful' && draw.stateful) {
      const { volumeClaims, partition, claimRetention, ...rest } = draw.stateful;
      declaration.stateful = {
        ...rest,
        ...(volumeClaims ? { volumeClaims: mapValues(volumeClaims, (claim, key) => ({ ...claim, mountPath: `/claims/${key}` })) } : {}),
        ...(partition !== undefined ? { partition: Math.min(partition, draw.replicas) } : {}),
        ...(claimRetention ? { claimRetention } : {}),
      };
      if (claimRetention && Object.values(claimRetention).includes('Delete')) acknowledge.deleteVolumeClaims = 'a cache, refilled on start';
    }
    if (!daemon && (autoscaling?.minReplicas ?? draw.replicas) < 2)
      acknowledge.singleReplica = 'preview environment, downtime is acceptable';

    if (served) {
      declaration.traffic = {
        ...(draw.platform ? { platform: draw.platform } : {}),
        ...(draw.propagationSeconds !== undefined ? { propagationSeconds: draw.propagationSeconds } : {}),
      };
      const minor = Number((draw.kubernetesVersion ?? '1.28').split('.')[1]);
      let type = draw.preStopType;
      if (type === 'sleep' && minor < 30) type = 'exec';
      const execSleep = type === 'exec' || (type === 'auto' && minor < 30);
      if (execSleep && draw.distroless) type = 'app';
      declaration.preStop = type === 'http' ? { type, path: '/prestop' } : { type };
    }
    declaration.resources = {
      cpu: draw.cpu,
      memory: draw.memory,
      ...(draw.cpuLimit !== undefined ? { cpuLimit: draw.cpuLimit } : {}),
    };
    if (draw.cpuLimit === false) acknowledge.noCpuLimit = 'latency-critical, throttling is worse than noise';
    const { configuration: extra } = draw;
    Object.assign(declaration, extra);
    if (extra.files) declaration.files = placed(extra.files, 'files');
    if (extra.configFiles)
      declaration.configFiles = placed(
        mapValues(extra.configFiles, (content) => ({ content })),
        'config',
      );
    if (extra.scratch) {
      // Kept in memory, a folder counts against the memory limit (128Mi at least): small sizes keep the total below it.
      declaration.scratch = placed(
        mapValues(extra.scratch, (folder) => (folder.medium === 'memory' ? { ...folder, sizeLimit: '16Mi' } : folder)),
        'scratch',
      );
    }
    if (extra.tmp?.medium === 'memory') declaration.tmp = { medium: 'memory', sizeLimit: '8Mi' };
    if (draw.spread && !daemon) declaration.scheduling = { ...(declaration.scheduling as object), spread: draw.spread };
    if (extra.serviceAccount?.mountApiToken) acknowledge.automountServiceAccountToken = 'reads leases for leader election';
    if (extra.scheduling?.tolerations?.some((toleration) => !('key' in toleration) && toleration.operator === 'Exists'))
      acknowledge.tolerateEveryTaint = 'a node agent that must run on every node';
    declaration.networkPolicy = {
      ...(draw.egress ? { egressTo: [{ cidr: '10.0.0.0/8', ports: [5432] }] } : {}),
      ...(draw.ingressFrom ? { ingressFrom: [{ podLabels: { role: 'frontend' } }] } : {}),
    };
    if (draw.kind === 'web') addWaysIn(declaration, clean(draw.waysIn), draw.platform ?? 'kube-proxy', draw.ingressFrom);
    // The serving port's protocol (never http with a gRPC readiness check on it) and, for kind web, the Service's port.
    const { protocol, servicePort } = draw.serving;
    if (hasPort && protocol && !(protocol === 'http' && 'grpc' in draw.readiness)) declaration.protocol = protocol;
    if (draw.kind === 'web' && servicePort) declaration.service = { ...declaration.service, port: servicePort };
    // An extra port apart from the serving port and the sidecars' (9090 on), admitting its own peers or no one.
    if ('admin' in draw.serving) {
      const admin = draw.serving.admin;
      // Published under another number only by a Service, and never on the serving port's Service number.
      // (ports[].servicePort: none, 443, 8443 or 9090, picked by the drawn port so that every other draw stays as it was.)
      const published = [undefined, 443, 8443, 9090][draw.port % 4];
      const publishable = served && published !== undefined && published !== (declaration.service?.port ?? draw.port);
      declaration.ports = [
        {
          name: 'admin',
          port: draw.port === 9300 ? 9400 : 9300,
          ...(publishable ? { servicePort: published } : {}),
          ...(admin ? { from: [...admin] } : {}),
        },
      ];
    }
    // A second Service port on the serving port (service.extraPorts), as argo-cd's server has, where its number is free
    // (picked by the drawn port too, so that every other draw stays as it was).
    if (draw.kind === 'web' && Math.floor(draw.port / 4) % 3 === 0) {
      const published = [
        declaration.service?.port ?? draw.port,
        ...(declaration.ports ?? []).map(({ port, servicePort }) => servicePort ?? port),
      ];
      if (!published.includes(8081)) declaration.service = { ...declaration.service, extraPorts: [{ name: 'alt', port: 8081 }] };
    }
    // Metrics need a port to scrape: the admin port when drawn and present, else the serving port.
    const metrics = draw.serving.metrics;
    if (metrics && (metrics.onAdmin ? declaration.ports !== undefined : hasPort)) {
      const { onAdmin, from, ...rest } = metrics;
      declaration.metrics = { ...rest, ...(onAdmin ? { port: 'admin' } : {}), ...(from ? { from: [...from] } : {}) };
    }

    // Init containers and sidecars, named apart from the workload and each other, ports apart from the serving port.
    const minor = Number((draw.kubernetesVersion ?? '1.28').split('.')[1]);
    if (draw.initContainers.length > 0) {
      declaration.initContainers = draw.initContainers.map((init, index) => ({
        name: `${draw.name}-init-${index}`,
        image: `registry.example.com/team/${draw.name}:1.${draw.port % 10}.0`,
        ...(init.command ? { command: ['/app/migrate', '--wait'] } : {}),
        ...addedConfiguration(init.config, `i${index}`, declaration),
        maxSeconds: init.maxSeconds,
      }));
    }
    if (draw.sidecars.length > 0) {
      declaration.sidecars = draw.sidecars.map((sidecar, index) => {
        const port = draw.port === 9090 + index ? 9190 + index : 9090 + index;
        const target = sidecar.health === 'exec' ? { exec: ['/bin/up'] } : { path: '/ready' };
        const health =
          sidecar.health === 'none'
            ? undefined
            : sidecar.health === 'both'
              ? { startup: { path: '/startup' }, readiness: target }
              : { [sidecar.health === 'readiness' ? 'readiness' : 'startup']: target };
        return {
          name: `${draw.name}-side-${index}`,
          image: `registry.example.com/team/proxy:2.${index}.0`,
          ports: [{ name: `side-${index}`, port }],
          ...(health ? { health } : {}),
          ...(health && sidecar.startSeconds !== undefined ? { startSeconds: sidecar.startSeconds } : {}),
          ...(sidecar.stopSeconds !== undefined ? { stopSeconds: sidecar.stopSeconds } : {}),
          ...addedConfiguration(sidecar.config, `s${index}`, declaration),
          ...(sidecar.ownResources ? { resources: { cpu: '50m', memory: '64Mi' } } : {}),
          // Only native sidecars (1.29+) may lack a sleep binary.
          ...(sidecar.distroless && minor >= 29 ? { distroless: true } : {}),
        };
      });
    }
    if (draw.mesh) declaration.mesh = draw.mesh;

    const { timings } = deriveTimings({
      kind: draw.kind,
      servesTraffic: served,
      ...(draw.kind === 'stateful'
        ? { statefulSet: { replicas: draw.replicas, partition: 0, podManagementPolicy: 'OrderedReady' as const } }
        : {}),
      ...(daemon ? { daemonSet: { surge: false } } : {}),
      startupMaxSeconds: draw.startupMax,
      startupTypicalSeconds: (declaration.startup as { typicalSeconds?: number }).typicalSeconds,
      drainSeconds: draw.drainSeconds,
      platform: draw.platform ?? 'kube-proxy',
      propagationSeconds: draw.propagationSeconds,
      probeLatencyMs: draw.probeLatencyMs ?? 500,
      kubernetesVersion: draw.kubernetesVersion ?? '1.28',
      preStopType: (declaration.preStop as { type?: 'auto' } | undefined)?.type ?? 'auto',
      // Only the grace period is read here, and it does not depend on the probes.
      probes: { readiness: true, liveness: true, startup: true },
      overrides: {},
      sidecars: draw.sidecars.map((sidecar, index) => ({ name: `side-${index}`, readiness: false, stopSeconds: sidecar.stopSeconds ?? 5 })),
    });
    if (timings.terminationGracePeriodSeconds > 600) acknowledge.graceLimit = 'batch export needs the full window';
    addResources(declaration, draw);
    const keep = draw.keep && coherentKeep(draw.keep, declaration);
    if (keep) declaration.keep = keep;
    return declaration as WorkloadSpec;
  });

/**
 * A memory limit above the request, and node disk (a request below its limit): acknowledged when the
 * limits of the containers (sidecars without resources of their own take the main container's) are
 * no larger than the pod's folders on disk (invariant 18).
 */
function addResources(
  declaration: Declaration,
  { memoryLimit, ephemeralStorage }: { memoryLimit?: string; ephemeralStorage?: { request?: string; limit?: string } },
): void {
  const resources = declaration.resources as Record<string, unknown>;
  if (memoryLimit) {
    resources.memoryLimit = memoryLimit;
    (declaration.acknowledge as Record<string, string>).memoryLimit = 'a JVM whose off-heap use peaks at start';
  }
  if (!ephemeralStorage) return;
  resources.ephemeralStorage = ephemeralStorage;
  if (!ephemeralStorage.limit) return;
  const sharing = ((declaration.sidecars ?? []) as Array<{ resources?: unknown }>).filter((sidecar) => !sidecar.resources).length;
  const tmp = (declaration.tmp ?? {}) as { medium?: string; sizeLimit?: string };
  const scratch = Object.values((declaration.scratch ?? {}) as Record<string, { medium?: string; sizeLimit?: string }>);
  const onDisk = [tmp, ...scratch].filter((folder) => folder.medium !== 'memory');
  const held = onDisk.reduce((total, folder) => total + memoryBytes(folder.sizeLimit ?? '1Gi'), 0);
  if (held >= (1 + sharing) * memoryBytes(ephemeralStorage.limit)) {
    (declaration.acknowledge as Record<string, string>).ephemeralStorageCoversFolders = 'the folders never fill at once';
  }
}

type WaysIn = typeof waysIn extends fc.Arbitrary<infer T> ? T : never;
type ContainerConfiguration = typeof containerConfiguration extends fc.Arbitrary<infer T> ? T : never;

/**
 * An init container's or a sidecar's configuration, kept apart from every other mount: its own
 * files under /files/<prefix>-<name> (a name no other container uses), the main container's files
 * with the same source under /shared, and the config files and scratch folders its bit mask picks.
 * In memory, the workload's folders stay below the 64Mi a sidecar may declare.
 */
function addedConfiguration(config: ContainerConfiguration, prefix: string, declaration: Declaration): Record<string, unknown> {
  const mainFiles = (declaration.files ?? {}) as Record<string, { path: string }>;
  const files = {
    ...placed(Object.fromEntries(Object.entries(config.files ?? {}).map(([key, source]) => [`${prefix}-${key}`, source])), 'files'),
    ...(config.shareFiles ? mapValues(mainFiles, (source, key) => ({ ...source, path: `/shared/${key}` })) : {}),
  };
  const picked = (keys: string[], firstBit: number) => keys.sort().filter((_, index) => (config.shared >> (firstBit + index)) & 1);
  const configFiles = picked(Object.keys(declaration.configFiles ?? {}), 0);
  const scratch = picked(Object.keys(declaration.scratch ?? {}), 2);
  return {
    ...(config.env !== undefined ? { env: config.env } : {}),
    ...(config.envFrom !== undefined ? { envFrom: config.envFrom } : {}),
    ...(Object.keys(files).length > 0 || config.files !== undefined ? { files } : {}),
    ...(configFiles.length > 0 ? { configFiles } : {}),
    ...(scratch.length > 0 ? { scratch } : {}),
  };
}

/**
 * The ways in, kept coherent: ALB classes and annotations only with aws-alb, whose health check
 * needs an HTTP or gRPC readiness check; a LoadBalancer Service only with aws-nlb; paths for an
 * HTTPRoute, services for a GRPCRoute; and once any peer is declared, every way in names its own.
 */
function addWaysIn(declaration: Record<string, unknown>, draw: WaysIn, platform: string, clusterPeers: boolean): void {
  const health = declaration.health as Record<string, unknown>;
  if (draw.ingress) {
    const { className, annotations = {}, ...rest } = draw.ingress;
    const forAlb = platform === 'aws-alb';
    const kept = Object.fromEntries(Object.entries(annotations).filter(([key]) => forAlb || !key.startsWith('alb.')));
    declaration.ingress = { ...rest, ...(className && (forAlb || className !== 'alb') ? { className } : {}), annotations: kept };
    if (forAlb && 'exec' in (health.readiness as object)) health.readiness = { path: '/ready' };
  }
  if (draw.route) {
    const { paths, services, ...rest } = draw.route;
    declaration.route = { ...rest, ...(rest.kind === 'HTTPRoute' ? (paths ? { paths } : {}) : services ? { services } : {}) };
  }
  if (draw.loadBalancerService && platform === 'aws-nlb') {
    declaration.service = { type: 'LoadBalancer', annotations: draw.serviceAnnotations };
  }
  if (draw.peers || clusterPeers) {
    const from = draw.peers ?? [{ cidr: '10.0.0.0/16' }];
    for (const field of ['ingress', 'route', 'service'] as const) {
      const way = declaration[field] as Record<string, unknown> | undefined;
      if (way && (field !== 'service' || way.type === 'LoadBalancer')) way.from = from;
    }
  }
}

/** Mostly absent: a declaration overrides a few values, not all of them. */
function rarely<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}
const overrideValue = rarely(fc.integer({ min: 1, max: 400 }));
const overrideSeconds = rarely(fc.integer({ min: 0, max: 400 }));

/** Random overrides, many of which break an invariant; with random acknowledgements. */
export const overrides = fc.record({
  overrides: fc.record(
    {
      readiness: fc.record({ periodSeconds: overrideValue, timeoutSeconds: overrideValue, failureThreshold: overrideValue }),
      liveness: fc.record({ periodSeconds: overrideValue, failureThreshold: overrideValue, terminationGracePeriodSeconds: overrideValue }),
      startup: fc.record({ periodSeconds: overrideValue, failureThreshold: overrideValue }),
      preStopSeconds: overrideSeconds,
      terminationGracePeriodSeconds: overrideValue,
      minReadySeconds: overrideSeconds,
      progressDeadlineSeconds: overrideValue,
      maxSurge: rarely(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('0%', '10%', '50%'))),
      maxUnavailable: rarely(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constantFrom('0%', '25%'))),
      loadBalancer: fc.record(
        {
          deregistrationDelaySeconds: rarely(fc.integer({ min: 0, max: 3600 })),
          healthCheckIntervalSeconds: rarely(fc.integer({ min: 5, max: 300 })),
          healthCheckTimeoutSeconds: rarely(fc.integer({ min: 2, max: 120 })),
          healthyThresholdCount: rarely(fc.integer({ min: 2, max: 10 })),
          unhealthyThresholdCount: rarely(fc.integer({ min: 2, max: 10 })),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  ),
  acknowledge: fc.subarray([...ACKNOWLEDGEABLE_INVARIANTS], { maxLength: 2 }),
  reason,
});

/**
 * A declaration with drawn overrides and acknowledgements added. Load-balancer overrides are kept
 * only where a load balancer is configured: elsewhere they are refused before any invariant is checked.
 */
export function withOverrides(declaration: WorkloadSpec, extra: typeof overrides extends fc.Arbitrary<infer T> ? T : never): WorkloadSpec {
  const configured =
    (declaration.traffic?.platform === 'aws-alb' && declaration.ingress !== undefined) ||
    (declaration.traffic?.platform === 'aws-nlb' && declaration.service?.type === 'LoadBalancer');
  const { loadBalancer, ...all } = extra.overrides;
  // A StatefulSet has no surge and no progress deadline: those overrides are a Deployment's only.
  const { maxSurge, maxUnavailable, progressDeadlineSeconds, ...others } = all;
  const rest = declaration.kind === 'stateful' ? others : declaration.kind === 'daemon' ? { ...others, maxSurge, maxUnavailable } : all;
  const kept = configured && loadBalancer && Object.values(loadBalancer).some((value) => value !== undefined) ? { loadBalancer } : {};
  return clean({
    ...declaration,
    overrides: { ...rest, ...kept },
    acknowledge: { ...declaration.acknowledge, ...Object.fromEntries(extra.acknowledge.map((id) => [id, extra.reason])) },
  });
}

/** Removes undefined leaves so declarations look like parsed YAML. */
export function clean<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The invariants of a Job's own limits, which an override of them may break (docs/derivation.md). */
const JOB_LIMIT_INVARIANTS = ['deadlineCoversAttempts', 'runFitsSchedule', 'attemptFitsDeadline'];

/**
 * The declaration with the invariants of a Job's limits that it breaks acknowledged: the library is
 * asked, as their numbers depend on the init phase too.
 */
function acknowledgingJobLimits(declaration: WorkloadSpec, reason: string): WorkloadSpec {
  try {
    resolveWorkload(declaration);
  } catch (error) {
    if (!isDeclarationError(error)) throw error;
    const acknowledge = declaration.acknowledge as Record<string, string>;
    for (const id of JOB_LIMIT_INVARIANTS) if (error.problems.some((problem) => problem.rule.includes(`(${id})`))) acknowledge[id] = reason;
  }
  return declaration;
}

/** A Job's own limits under `overrides`, now and then: a Job deadline, and how long a finished Job is kept. */
const jobLimits = fc.record(
  {
    // From shorter than any run (refused, then acknowledged) to several days.
    activeDeadlineSeconds: rarely(fc.oneof(fc.integer({ min: 1, max: 3600 }), fc.integer({ min: 1, max: 400000 }))),
    ttlSecondsAfterFinished: rarely(fc.integer({ min: 0, max: 2592000 })),
  },
  { requiredKeys: [] },
);

/**
 * Job declarations the library must accept: a valid declaration of any kind (with its containers,
 * configuration and network policy) made a job — without the fields of pods that run until deleted
 * — with a random run: slowest and typical run, attempts, and permanent exit codes in increasing
 * order; now and then with overrides of the Job's deadline and clean-up, and the acknowledgement
 * of invariants 16 and 18 when the deadline is too short for the attempts.
 */
export const validJobDeclaration: fc.Arbitrary<WorkloadSpec> = fc
  .tuple(
    validDeclaration,
    fc.record({
      // Runs of minutes, which frequent schedules fit, as often as runs of up to a day.
      maxSeconds: fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 86400 })),
      startSeconds: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
      typicalShare: fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: undefined }),
      attempts: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
      nonRetryableExitCodes: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 255 }), { minLength: 1, maxLength: 4 }), {
        nil: undefined,
      }),
    }),
    jobLimits,
  )
  .map(([base, draw, limits]) => {
    const {
      startup: _startup,
      replicas: _replicas,
      autoscaling: _autoscaling,
      health: _health,
      traffic: _traffic,
      preStop: _preStop,
      service: _service,
      ingress: _ingress,
      route: _route,
      stateful: _stateful,
      daemon: _daemon,
      // A Job's pods are not scraped: metrics is a long-running kind's.
      metrics: _metrics,
      // Drawn for a long-running kind: what of it a job can keep is worked out again below.
      keep: drawnKeep,
      securityContext,
      acknowledge = {},
      ...rest
    } = base;
    const run = {
      maxSeconds: draw.maxSeconds,
      ...(draw.typicalShare !== undefined ? { typicalSeconds: Math.max(1, Math.floor(draw.maxSeconds * draw.typicalShare)) } : {}),
      ...(draw.attempts !== undefined ? { attempts: draw.attempts } : {}),
      ...(draw.startSeconds !== undefined ? { startSeconds: draw.startSeconds } : {}),
      ...(draw.nonRetryableExitCodes ? { nonRetryableExitCodes: [...draw.nonRetryableExitCodes].sort((a, b) => a - b) } : {}),
    };
    // Only the acknowledgements a job can use: a long grace, an API token, no CPU limit, folders that fill node disk, a toleration of every taint.
    const { timings } = deriveTimings({
      kind: 'job',
      drainSeconds: base.drainSeconds,
      platform: 'kube-proxy',
      probeLatencyMs: 500,
      kubernetesVersion: base.kubernetesVersion ?? '1.28',
      preStopType: 'auto',
      probes: { readiness: false, liveness: false, startup: false },
      overrides: {},
      sidecars: (base.sidecars ?? []).map((sidecar) => ({ name: sidecar.name, readiness: false, stopSeconds: sidecar.stopSeconds ?? 5 })),
      run: { maxSeconds: draw.maxSeconds, attempts: draw.attempts ?? 3 },
    });
    const kept = Object.fromEntries(
      Object.entries(acknowledge).filter(([id]) =>
        ['noCpuLimit', 'memoryLimit', 'automountServiceAccountToken', 'ephemeralStorageCoversFolders', 'tolerateEveryTaint'].includes(id),
      ),
    ) as Record<string, string>;
    if (timings.terminationGracePeriodSeconds > 600) kept.graceLimit = 'the checkpoint of a large batch takes that long';
    // Root and capabilities beyond NET_BIND_SERVICE are a node agent's only.
    if (securityContext) {
      const { runAsUser, capabilities, ...groups } = securityContext;
      (rest as Declaration).securityContext = {
        ...groups,
        ...(runAsUser ? { runAsUser } : {}),
        ...(capabilities ? { capabilities: capabilities.filter((name) => name === 'NET_BIND_SERVICE') } : {}),
      };
    }
    const overridden = clean(limits);
    // A job has no Service to publish its extra ports under other numbers.
    if (rest.ports) rest.ports = rest.ports.map(({ servicePort: _servicePort, ...port }) => port);
    const job = {
      ...rest,
      kind: 'job',
      run,
      ...(Object.keys(overridden).length > 0 ? { overrides: { ...rest.overrides, ...overridden } } : {}),
      acknowledge: kept,
    } as WorkloadSpec;
    const keep = drawnKeep && coherentKeep(drawnKeep as KeepDraw, job as unknown as Record<string, unknown>);
    const declaration = (keep ? { ...job, keep } : job) as WorkloadSpec;
    return Object.keys(overridden).length > 0
      ? acknowledgingJobLimits(declaration, 'the deadline is set by the batch platform')
      : declaration;
  });

/** Schedules people write, and random daily ones. */
const cronSchedule = fc.oneof(
  fc.constantFrom(
    '* * * * *',
    '*/5 * * * *',
    '*/15 * * * *',
    '0 * * * *',
    '0 2 * * *',
    '30 3 * * 1-5',
    '0 0 1 * *',
    '@weekly',
    '15 4 * * SUN',
    '0 */6 * * *',
    '@monthly',
  ),
  fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 23 })).map(([minute, hour]) => `${minute} ${hour} * * *`),
);

/**
 * CronJob declarations the library must accept: a valid job with a random schedule, time zone,
 * concurrency policy and history, and the acknowledgement of invariant 17 when its run is too long
 * for the schedule.
 */
export const validCronJobDeclaration: fc.Arbitrary<WorkloadSpec> = fc
  .tuple(
    validJobDeclaration,
    fc.record(
      {
        cron: cronSchedule,
        // Any name of the IANA database, links (US/Pacific) included.
        timeZone: fc.constantFrom(...TIME_ZONES),
        concurrencyPolicy: fc.constantFrom('Forbid' as const, 'Replace' as const, 'Allow' as const),
        suspend: fc.boolean(),
        successfulJobsHistoryLimit: fc.integer({ min: 0, max: 10 }),
        failedJobsHistoryLimit: fc.integer({ min: 0, max: 10 }),
      },
      { requiredKeys: ['cron'] },
    ),
    rarely(fc.oneof(fc.integer({ min: 10, max: 600 }), fc.integer({ min: 10, max: 200000 }))),
  )
  .map(([job, schedule, startingDeadlineSeconds]) => {
    const declaration = clean({
      ...job,
      kind: 'cronjob',
      schedule,
      ...(startingDeadlineSeconds !== undefined ? { overrides: { ...job.overrides, startingDeadlineSeconds } } : {}),
      // The job's acknowledgements of its limits are asked for again: a schedule changes the attempts.
      acknowledge: Object.fromEntries(Object.entries(job.acknowledge ?? {}).filter(([id]) => !JOB_LIMIT_INVARIANTS.includes(id))),
    }) as WorkloadSpec;
    // Whether the run is too long for the schedule depends on the init phase too: ask the library.
    return acknowledgingJobLimits(declaration, 'a late run may skip the next one');
  });

/**
 * Harmless `patches` for a declaration (src/patches/): fields the declaration cannot say, on the
 * object that runs the pods, its main container (named after `name`), its ServiceAccount and its
 * NetworkPolicy — additions, replacements and deletions (null), none refused and none breaking a rule.
 */
export function withPatches(declaration: WorkloadSpec): fc.Arbitrary<WorkloadSpec> {
  const controller = KINDS[(declaration.kind ?? 'web') as WorkloadKind].controller;
  const word = fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/);
  const pod = fc.record(
    {
      priorityClassName: word,
      enableServiceLinks: fc.boolean(),
      dnsConfig: fc.record({ options: fc.array(fc.record({ name: word, value: word }), { minLength: 1, maxLength: 2 }) }),
      topologySpreadConstraints: fc.constant(null),
      shareProcessNamespace: fc.constant(null),
    },
    { requiredKeys: [] },
  );
  const object = fc.record(
    {
      metadata: fc.record({
        annotations: fc.dictionary(
          word.map((key) => `example.com/${key}`),
          word,
          { minKeys: 1, maxKeys: 2 },
        ),
      }),
      spec: fc.record({ template: fc.record({ spec: pod }) }),
    },
    { requiredKeys: [] },
  );
  const container = fc.record(
    {
      stdin: fc.boolean(),
      tty: fc.boolean(),
      terminationMessagePolicy: fc.constantFrom('File', 'FallbackToLogsOnError'),
      workingDir: fc.constantFrom('/srv', '/app', null),
    },
    { requiredKeys: [] },
  );
  const labelled = fc.record({ object: fc.record({ metadata: fc.record({ labels: fc.record({ 'example.com/team': word }) }) }) });
  // A CronJob's pods sit deeper (spec.jobTemplate.spec.template): the pod patch goes to the kinds with spec.template.
  const controllerPatch = fc.record(
    {
      object: controller === 'CronJob' ? object.map(({ metadata }) => (metadata ? { metadata } : {})) : object,
      containers: fc.constant(undefined),
    },
    { requiredKeys: ['object'] },
  );
  return fc
    .record(
      {
        [controller]: fc
          .tuple(controllerPatch, fc.option(container, { nil: undefined }))
          .map(([patch, change]) =>
            change ? { object: patch.object, containers: { [declaration.name]: change } } : { object: patch.object },
          ),
        ServiceAccount: labelled,
        NetworkPolicy: labelled,
      },
      { requiredKeys: [controller] },
    )
    .map((patches) => ({ ...declaration, patches }) as WorkloadSpec);
}
