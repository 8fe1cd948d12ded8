import fc from 'fast-check';
import { cronCadence, parseCron } from '../../src/timing/cron';
import { ACKNOWLEDGEMENT_ALIASES, ACKNOWLEDGEMENT_KEYS, WAIVER_IDS } from '../../src/declaration/ids';
import { isKernelFolder, isRuntimeSocketPath, isSnippetAnnotation } from '../../src/declaration/dangers';
import { isKnownDistroless } from '../../src/declaration/image';
import { PRESET_NAMES } from '../../src/declaration/presets';
import { DIVISORS, POD_FIELDS, RESOURCE_FIELDS } from '../../src/declaration/env';
import { BYTES_CAP, cpuMillicores, memoryBytes } from '../../src/declaration/quantities';
import { NODE_OPERATORS } from '../../src/declaration/schema/scheduling';
import { TRAFFIC_PLATFORMS } from '../../src/timing/platforms';
import { DERIVED_MESH_ANNOTATION as MESH_ANNOTATIONS } from '../../src/meshes/annotations';
import { coherentKeep, type KeepDraw, keepDraw } from './arbitraries';

/**
 * Declarations from every corner of the schema, for comparing the two faces. Unlike
 * `validDeclaration` (test/support/arbitraries.ts), which draws workloads the library must accept,
 * these use every optional field — presets, environment, labels, args, every probe form and
 * option, preStop hooks, quantities, network peers, overrides and acknowledgements — and draw the
 * free-text fields from all of Unicode, because a template that quotes, orders or drops a value
 * wrongly only shows it with unusual values. All of them pass values.schema.json, so that the
 * templates decide; about one in four keeps the contradictions it was drawn with (a probe without
 * a port, preStop options for no hook, missing acknowledgements, ...), and overrides often
 * break an invariant, so both acceptance and every kind of rejection are exercised.
 */

type Json = Record<string, unknown>;

/** Any text, with the strings YAML likes to read as something else well represented. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    'true',
    'no',
    'on',
    'null',
    '~',
    '1e3',
    '0x10',
    '010',
    '1.0',
    '',
    ' x ',
    'a: b',
    '#x',
    '- x',
    '*x',
    'x\ny\n',
    '"q"',
    "'s'",
    'a&b<c>',
  ),
);

const dnsLabel = fc.stringMatching(/^[a-z]([-a-z0-9]{0,8}[a-z0-9])?$/);
const port = fc.integer({ min: 1, max: 65535 });
const whole = (min: number, max: number) => fc.integer({ min, max });

const image = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(dnsLabel, fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,15}$/))
      .map(([name, tag]) => `ghcr.io/acme/${name}:${tag}`),
  },
  fc.constantFrom(
    'localhost:5000/app:2.1',
    `ghcr.io/acme/app@sha256:${'a'.repeat(64)}`,
    `ghcr.io/acme/app:latest@sha256:${'b'.repeat(64)}`,
    'gcr.io/distroless/static-debian12:nonroot',
    'gcr.io/distroless/base:debug-nonroot',
    'cgr.dev/chainguard/static:latest',
    'cgr.dev/chainguard/python:3.12-dev',
    'registry.example.com/team/app:1e3',
    'registry.example.com/team/app:010',
  ),
);

/** A probe target with every option drawn; `target` keeps what its form allows (the schema refuses the rest). */
const probeTarget = fc.record(
  {
    form: fc.constantFrom('path', 'tcp', 'grpc', 'exec'),
    path: fc.oneof(fc.constantFrom('/readyz', '/livez', '/'), fc.stringMatching(/^\/\S{0,10}$/)),
    grpc: fc.record({ service: text }, { requiredKeys: [] }),
    exec: fc.array(text, { minLength: 1, maxLength: 3 }),
    port: fc.option(port),
    scheme: fc.option(fc.constantFrom('HTTP', 'HTTPS')),
  },
  { requiredKeys: ['form', 'port', 'scheme'] },
);
type DrawnTarget = typeof probeTarget extends fc.Arbitrary<infer T> ? T : never;

function target(drawn: DrawnTarget): Json {
  const { form, port: targetPort, scheme, ...forms } = drawn;
  const all: Json = { path: '/readyz', tcp: true, grpc: {}, exec: ['/bin/check'], ...forms };
  const chosen: Json = { [form]: all[form] };
  if (targetPort !== null && form !== 'exec') chosen.port = targetPort;
  if (scheme !== null && form === 'path') chosen.scheme = scheme;
  return chosen;
}

const cpu = fc.oneof(
  fc.constantFrom('250m', '1', '1.5', '0.001', '2.125', '007'),
  whole(1, 9000).map((millicores) => `${millicores}m`),
);
const labelValue = fc.stringMatching(/^(([A-Za-z0-9][-A-Za-z0-9_.]{0,10})?[A-Za-z0-9])?$/);
// Label selectors follow Kubernetes' syntax (the schema refuses others).
const selector = fc.dictionary(
  fc.constantFrom('app', 'role', 'kubernetes.io/metadata.name', 'example.com/tier'),
  fc.constantFrom('gateway', 'web', '', 'a.b_c-d'),
  {
    maxKeys: 2,
  },
);
/** Present in about `share` of the draws. */
function withShare<T>(share: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof(
    { weight: Math.round(100 * (1 - share)), arbitrary: fc.constant(undefined) },
    { weight: Math.round(100 * share), arbitrary },
  );
}
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => withShare(0.4, arbitrary);
const overrideSeconds = (min: number) => withShare(0.1, whole(min, 400));
const budget = fc.oneof(whole(0, 3), fc.constantFrom('0%', '1%', '25%', '100%', '007%'));

/**
 * The ways in. Host names, paths and names are what the schema accepts (Unicode host names are
 * not: they are written in their xn-- form), annotation values any text, and annotation keys
 * include those the derivation sets, which only the incoherent draws keep.
 */
const subdomain = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,6}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,4}[a-z0-9])?){0,2}$/);
const hostname = fc.oneof(
  fc.constantFrom('shop.example.com', '*.example.com', 'xn--bcher-kva.example', 'localhost', '*.xn--p1ai', 'a-1.b2'),
  fc.stringMatching(/^(\*\.)?([a-z0-9]([-a-z0-9]{0,5}[a-z0-9])?\.){0,2}[a-z]([-a-z0-9]{0,5}[a-z0-9])?$/),
);
const routePath = fc.oneof(
  fc.constantFrom('/', '/api/v1/', "/a-b_c~d/!$&'()*+,;=:@", '/%20x', '/...', '/.well-known/acme'),
  fc.array(fc.stringMatching(/^[-A-Za-z0-9_~]{1,6}$/), { maxLength: 3 }).map((segments) => `/${segments.join('/')}`),
);
const DERIVED_OR_MERGED_KEYS = [
  'alb.ingress.kubernetes.io/target-type',
  'alb.ingress.kubernetes.io/healthcheck-path',
  'alb.ingress.kubernetes.io/backend-protocol-version',
  'alb.ingress.kubernetes.io/success-codes',
  'alb.ingress.kubernetes.io/target-group-attributes',
  'service.beta.kubernetes.io/aws-load-balancer-type',
  'service.beta.kubernetes.io/aws-load-balancer-healthcheck-timeout',
  'service.beta.kubernetes.io/aws-load-balancer-healthcheck-path',
  'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes',
];
const annotationKey = fc.oneof(
  fc.constantFrom(...DERIVED_OR_MERGED_KEYS, 'alb.ingress.kubernetes.io/scheme', 'example.com/owner', 'a', 'A_b.c-1'),
  fc.stringMatching(/^([a-z0-9]([-a-z0-9]{0,4}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,6}[A-Za-z0-9])?$/),
);
const annotationValue = fc.oneof(
  text,
  fc.constantFrom(
    'slow_start.duration_seconds=30',
    'deregistration_delay.timeout_seconds=5',
    'stickiness.enabled=true, deregistration_delay.timeout_seconds =1',
    '\u00a0deregistration_delay.timeout_seconds=1',
    'xderegistration_delay.timeout_seconds=1',
  ),
);
const annotations = fc.dictionary(annotationKey, annotationValue, { maxKeys: 3 });
const peer = fc.oneof(
  fc.record({ namespaceLabels: selector, podLabels: selector }, { requiredKeys: [] }),
  fc.record({ cidr: fc.constantFrom('10.0.0.0/16', '0.0.0.0/0', 'fd00::/8', '192.168.1.0/24') }),
  fc.record({ cidr: fc.constantFrom('10.0.0.0/16'), podLabels: selector }),
);
// Never empty: the schema refuses an empty list (test/helm-rejections.test.ts), and every draw here reaches the templates.
const peerList = fc.array(peer, { minLength: 1, maxLength: 2 });
const gatewayReference = fc.record({ name: subdomain, namespace: dnsLabel, sectionName: subdomain }, { requiredKeys: ['name'] });
const grpcService = fc.oneof(
  fc.constantFrom('checkout.v1.Checkout', '.a.B', '_x'),
  fc.stringMatching(/^[A-Za-z_][A-Za-z_0-9]{0,5}(\.[A-Za-z_][A-Za-z_0-9]{0,5}){0,2}$/),
);
const ingress = fc.record(
  {
    className: fc.oneof(fc.constantFrom('alb', 'nginx'), subdomain),
    hosts: fc.array(hostname, { minLength: 1, maxLength: 2 }),
    paths: fc.array(routePath, { minLength: 1, maxLength: 2 }),
    tlsSecretName: subdomain,
    annotations,
    from: peerList,
  },
  { requiredKeys: [] },
);
const route = fc.record(
  {
    kind: fc.constantFrom('HTTPRoute', 'GRPCRoute'),
    parentRefs: fc.array(gatewayReference, { minLength: 1, maxLength: 3 }),
    hostnames: fc.array(hostname, { minLength: 1, maxLength: 2 }),
    paths: fc.array(routePath, { minLength: 1, maxLength: 2 }),
    services: fc.array(grpcService, { minLength: 1, maxLength: 2 }),
    from: peerList,
  },
  { requiredKeys: ['parentRefs'] },
);
const service = fc.record(
  {
    type: fc.constantFrom('ClusterIP', 'LoadBalancer', 'LoadBalancer'),
    annotations,
    from: peerList,
    extraPorts: fc.array(fc.record({ name: fc.constantFrom('https', 'alt', 'http', 'metrics'), port }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const loadBalancerOverrides = fc.record(
  {
    deregistrationDelaySeconds: whole(0, 3600),
    healthCheckIntervalSeconds: whole(5, 300),
    healthCheckTimeoutSeconds: whole(2, 120),
    healthyThresholdCount: whole(2, 10),
    unhealthyThresholdCount: whole(2, 10),
  },
  { requiredKeys: [] },
);

/** File contents: any text, and what JSON, YAML and Go quote differently (NUL, CRLF, U+2028, combining marks, emoji). */
const content = fc.oneof(
  text,
  fc.constantFrom('\u0000', 'a\r\nb\r\n', '\u2028\u2029', 'e\u0301\u0308', '👩‍👩‍👧 🚀', '\ufeff#bom', 'key: "quoted"\n', ''),
);
/** Values that refer to variables, escape them, or look like references without being any. */
const envValue = fc.oneof(
  { weight: 3, arbitrary: text },
  fc
    .tuple(text, fc.constantFrom('A', 'B', 'C', 'X', 'KUBERNETES_SERVICE_HOST', 'CHECKOUT_PORT_8080_TCP_ADDR', 'lower'))
    .map(([prefix, name]) => `${prefix}$(${name})`),
  fc.constantFrom('$$(A)', '$$$(A)', '$()', '$(a b)', '$(A', 'cost: $5'),
);
// Mostly a few names, so that entries collide and refer to each other.
const envNameDraw = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('A', 'B', 'C', 'X') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/) },
);
const objectName = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,6}[a-z0-9])?(\.[a-z0-9]{1,4})?$/);
const dataKey = fc.stringMatching(/^\.?[-_A-Za-z0-9][-._A-Za-z0-9]{0,8}$/);
const keyReference = fc.record({ name: objectName, key: dataKey, optional: fc.boolean() }, { requiredKeys: ['name', 'key'] });
const envSource = fc.oneof(
  envValue.map((value) => ({ value })),
  keyReference.map((secret) => ({ secret })),
  keyReference.map((configMap) => ({ configMap })),
  fc.constantFrom(...POD_FIELDS).map((pod) => ({ pod })),
  fc
    .record({ field: fc.constantFrom(...RESOURCE_FIELDS), divisor: fc.constantFrom(...DIVISORS) }, { requiredKeys: ['field'] })
    .map((resource) => ({ resource })),
);
/** A path: canonical, possibly with any text in a segment, and often one that another mount uses or holds. */
const mountPath = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('/etc/app', '/etc/app/conf.d', '/etc/app/settings.py', '/var/cache', '/tmp', '/tmp/x', '/data', '/run'),
  },
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 6 })
    .filter((segment) => /^[^/.\u0000-\u001f\u007f][^/\u0000-\u001f\u007f]*$/.test(segment))
    .map((segment) => `/u/${segment}`),
);
const size = fc.constantFrom('1Mi', '64Mi', '100M', '2Gi', '1000', '999999999999999Ti');
const medium = fc.constantFrom('disk', 'memory');
const qualifiedName = fc.oneof(
  fc.constantFrom(
    'kubernetes.io/arch',
    'node-pool',
    'example.com/tier',
    'hardened-workloads.io/x',
    'container.apparmor.security.beta.kubernetes.io/app',
    'proxy.istio.io/config',
    'config.alpha.linkerd.io/proxy-wait-before-exit-seconds',
  ),
  fc.stringMatching(/^([a-z0-9]{1,4}\.)?[a-z]{1,5}\/[A-Za-z0-9]([-A-Za-z0-9_.]{0,4}[A-Za-z0-9])?$/),
);
const expression = fc.record(
  {
    key: qualifiedName,
    operator: fc.constantFrom(...NODE_OPERATORS),
    values: fc.array(fc.oneof(labelValue, fc.constantFrom('4', '16')), { maxLength: 2 }),
  },
  { requiredKeys: ['key', 'operator'] },
);

/** Environment variables as a map or a list, with references forward, backward and to nothing. */
const environment = fc.oneof(
  fc.dictionary(envNameDraw, fc.oneof(envValue, envSource), { maxKeys: 4 }),
  fc.array(
    fc.tuple(envNameDraw, envSource).map(([name, source]) => ({ name, ...source })),
    { maxLength: 5 },
  ),
);
const environmentFrom = fc.array(
  fc
    .record(
      {
        secret: objectName,
        configMap: objectName,
        prefix: envNameDraw,
        optional: fc.boolean(),
        form: fc.constantFrom('secret', 'configMap'),
      },
      { requiredKeys: ['form', 'secret', 'configMap'] },
    )
    .map(({ form, secret, configMap, ...rest }) => ({ ...rest, [form]: form === 'secret' ? secret : configMap })),
  { maxLength: 2 },
);
const fileSources = fc.dictionary(
  dnsLabel,
  fc
    .record(
      {
        path: mountPath,
        secret: objectName,
        configMap: objectName,
        form: fc.constantFrom('secret', 'configMap'),
        items: fc.dictionary(dataKey, fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,5}(\/[a-z0-9][a-z0-9_-]{0,4})?$/), { maxKeys: 2 }),
        optional: fc.boolean(),
        mode: whole(0, 0o777),
      },
      { requiredKeys: ['path', 'form', 'secret', 'configMap'] },
    )
    .map(({ form, secret, configMap, ...rest }) => ({ ...rest, [form]: form === 'secret' ? secret : configMap })),
  { maxKeys: 2 },
);

const containerName = fc.oneof(fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,6}[a-z0-9])?$/), fc.constantFrom('migrate', 'proxy'));
/** Memory limits and node disk, some below their requests (which both faces refuse alike). */
const memoryLimit = fc.constantFrom('96Mi', '256Mi', '2Gi', '1500M');
const ephemeralStorage = fc.record(
  { request: fc.constantFrom('100M', '1Gi', '3Gi'), limit: fc.constantFrom('512Mi', '2Gi', '4000M', '64Gi') },
  { requiredKeys: [] },
);

const extraResources = fc.record(
  {
    cpu,
    memory: fc.constantFrom('64Mi', '128Mi'),
    cpuLimit: fc.oneof(cpu, fc.constant(false as const)),
    memoryLimit: withShare(0.2, memoryLimit),
    ephemeralStorage: withShare(0.2, ephemeralStorage),
  },
  { requiredKeys: [] },
);

type DrawnResources = {
  cpu?: string;
  memory?: string;
  cpuLimit?: string | false;
  memoryLimit?: string;
  ephemeralStorage?: { request?: string; limit?: string };
};

/** Resources as a coherent declaration has them: no limit below its request. */
function coherentResources(resources: DrawnResources): DrawnResources {
  const { cpu: request = '250m', memory = '256Mi', cpuLimit, memoryLimit: limit, ephemeralStorage: storage, ...rest } = resources;
  const storageLimit = storage?.limit;
  const fitting =
    storage && storage.request !== undefined && storageLimit !== undefined && memoryBytes(storageLimit) < memoryBytes(storage.request)
      ? { limit: storageLimit }
      : storage;
  return JSON.parse(
    JSON.stringify({
      ...rest,
      cpu: resources.cpu,
      memory: resources.memory,
      cpuLimit: typeof cpuLimit === 'string' && cpuMillicores(cpuLimit) < cpuMillicores(request) ? undefined : cpuLimit,
      memoryLimit: limit !== undefined && memoryBytes(limit) < memoryBytes(memory) ? undefined : limit,
      ephemeralStorage: fitting,
    }),
  ) as DrawnResources;
}

/** Autoscaling as a coherent declaration has it: no second CPU target, no zero target, behavior within the API's bounds. */
function coherentAutoscaling(autoscaling: Json): Json {
  const { metrics, behavior, ...rest } = autoscaling as { metrics?: Json[]; behavior?: { scaleDown?: Json } };
  const fits = (metric: Json) => !JSON.stringify(metric).includes('"cpu"') && !JSON.stringify(metric).includes('"0"');
  const down = behavior?.scaleDown as { stabilizationWindowSeconds?: number; policies?: Array<{ periodSeconds: number }> } | undefined;
  const bounded =
    !down ||
    ((down.stabilizationWindowSeconds ?? 0) <= 3600 &&
      (down.policies === undefined || (down.policies.length > 0 && down.policies.every((policy) => policy.periodSeconds <= 1800))));
  return {
    ...rest,
    ...(metrics && metrics.every(fits) ? { metrics } : {}),
    ...(behavior && bounded ? { behavior } : {}),
  };
}

/**
 * Whether the ephemeral-storage limits of the main container and the sidecars (theirs, or the main
 * container's when they declare no resources) are no larger than /tmp and the scratch folders on
 * disk: invariant 18, which a coherent declaration then acknowledges.
 */
function storageNeedsAcknowledgement(declaration: Json): boolean {
  const main = (declaration.resources ?? {}) as DrawnResources;
  const limits = [main, ...((declaration.sidecars ?? []) as Array<{ resources?: DrawnResources }>).map((each) => each.resources ?? main)]
    .map((resources) => resources.ephemeralStorage?.limit)
    .filter((limit): limit is string => limit !== undefined);
  if (limits.length === 0) return false;
  const tmp = (declaration.tmp ?? {}) as { medium?: string; sizeLimit?: string };
  const scratch = Object.values((declaration.scratch ?? {}) as Record<string, { medium?: string; sizeLimit?: string }>);
  const folders = [tmp, ...scratch].filter((folder) => folder.medium !== 'memory').map((folder) => folder.sizeLimit ?? '1Gi');
  const total = (sizes: string[]) => sizes.reduce((sum, size) => Math.min(sum + memoryBytes(size), BYTES_CAP), 0);
  return folders.length > 0 && total(folders) >= total(limits);
}

/**
 * What an init container or a sidecar declares like the main container (env, envFrom, files) and
 * the workload's config files and scratch folders it mounts: keys the workload may declare, or
 * not, and listed twice.
 */
const containerConfiguration = {
  env: environment,
  envFrom: environmentFrom,
  files: fileSources,
  configFiles: fc.array(fc.oneof(dataKey, fc.constantFrom('settings.py', 'a')), { maxLength: 2 }),
  scratch: fc.array(fc.oneof(dnsLabel, fc.constantFrom('cache', 'a')), { maxLength: 2 }),
  /** Not a field: whether it also declares the main container's files, with their source or another. */
  shareFiles: fc.constantFrom('none', 'none', 'same', 'other'),
};

/** What init containers and sidecars declare alike; text from all of Unicode where it is free. */
const extraContainer = fc.record(
  {
    name: containerName,
    image,
    command: fc.array(text, { maxLength: 3 }),
    args: fc.array(text, { maxLength: 2 }),
    ...containerConfiguration,
    resources: extraResources,
    maxSeconds: whole(1, 900),
  },
  { requiredKeys: ['name', 'image', 'maxSeconds'] },
);

const sidecar = fc.record(
  {
    name: containerName,
    image,
    distroless: fc.boolean(),
    command: fc.array(text, { maxLength: 2 }),
    args: fc.array(text, { maxLength: 2 }),
    ...containerConfiguration,
    resources: extraResources,
    ports: fc.array(fc.record({ name: fc.stringMatching(/^[a-z](-?[a-z0-9]){0,6}$/), port }), { maxLength: 2 }),
    startup: probeTarget,
    readiness: probeTarget,
    liveness: probeTarget,
    startSeconds: whole(1, 300),
    stopSeconds: whole(0, 120),
  },
  { requiredKeys: ['name', 'image'] },
);
type DrawnSidecar = typeof sidecar extends fc.Arbitrary<infer T> ? T : never;

/**
 * Configuration and secrets, from every corner: env as a map or a list with references forward,
 * backward and to nothing, envFrom, files with any mode, config files with any content, scratch
 * folders and /tmp on disk or in memory, mounts at one path or one inside another, annotations in
 * reserved places, a token with or without its reason, tolerations and node expressions that break
 * the API's rules. A coherent draw repairs what would be rejected.
 */
const configuration = fc.record(
  {
    env: environment,
    envFrom: environmentFrom,
    files: fileSources,
    configFiles: fc.dictionary(dataKey, fc.record({ path: mountPath, content }), { maxKeys: 3 }),
    scratch: fc.dictionary(dnsLabel, fc.record({ path: mountPath, sizeLimit: size, medium }, { requiredKeys: ['path'] }), { maxKeys: 2 }),
    tmp: fc.record({ sizeLimit: size, medium }, { requiredKeys: [] }),
    imagePullSecrets: fc.array(objectName, { maxLength: 2 }),
    podAnnotations: fc.dictionary(qualifiedName, fc.oneof(text, fc.constantFrom('unconfined', 'runtime/default', 'localhost/app')), {
      maxKeys: 3,
    }),
    serviceAccount: fc.record(
      { annotations: fc.dictionary(qualifiedName, text, { maxKeys: 2 }), mountApiToken: fc.boolean() },
      { requiredKeys: [] },
    ),
    scheduling: fc.record(
      {
        spread: fc.constantFrom('preferred', 'required'),
        nodeSelector: fc.dictionary(qualifiedName, labelValue, { maxKeys: 2 }),
        tolerations: fc.array(
          fc.record(
            {
              key: qualifiedName,
              operator: fc.constantFrom('Equal', 'Exists'),
              value: labelValue,
              effect: fc.constantFrom('NoSchedule', 'PreferNoSchedule', 'NoExecute'),
              tolerationSeconds: whole(0, 600),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 2 },
        ),
        priorityClassName: objectName,
        nodeAffinity: fc.record(
          {
            required: fc.array(fc.record({ matchExpressions: fc.array(expression, { minLength: 1, maxLength: 2 }) }), {
              minLength: 1,
              maxLength: 2,
            }),
            preferred: fc.array(
              fc.record({ weight: whole(1, 100), matchExpressions: fc.array(expression, { minLength: 1, maxLength: 2 }) }),
              { minLength: 1, maxLength: 2 },
            ),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

type Configuration = typeof configuration extends fc.Arbitrary<infer T> ? T : never;
type Entry = { name: string; value?: string; resource?: { field: string; divisor?: string } };

/** A value that refers to no variable: every $ doubled, so Kubernetes writes the text as it is. */
const literal = (value: string) => value.replace(/\$/g, '$$$$');

/** Repairs what would be rejected, keeping every field: the form a coherent declaration takes. */
function repaired(drawn: Configuration, memory: string): Configuration {
  const fixed = structuredClone(drawn);
  const fixEntry = (entry: Entry) => {
    if (entry.value !== undefined) entry.value = literal(entry.value);
    const divisors = entry.resource?.field.endsWith('.cpu') ? ['1', '1m'] : ['1', '1k', '1Ki', '1M', '1Mi', '1G', '1Gi', '1T', '1Ti'];
    if (entry.resource?.divisor !== undefined && !divisors.includes(entry.resource.divisor)) delete entry.resource.divisor;
  };
  if (Array.isArray(fixed.env)) {
    const seen = new Set<string>();
    const entries = (fixed.env as Entry[]).filter((entry) => !seen.has(entry.name) && seen.add(entry.name));
    entries.forEach((entry, index) => {
      fixEntry(entry);
      // A reference to the entry before it, which Kubernetes expands.
      if (index > 0 && entry.value !== undefined) entry.value += `$(${entries[index - 1]!.name})`;
    });
    fixed.env = entries as Configuration['env'];
  } else if (fixed.env) {
    const env = fixed.env as Record<string, string | Omit<Entry, 'name'>>;
    for (const [name, value] of Object.entries(env)) {
      if (typeof value === 'string') env[name] = literal(value);
      else fixEntry(value as Entry);
    }
  }
  // Paths of their own, none inside another: one folder per kind of mount.
  for (const [key, file] of Object.entries(fixed.files ?? {})) {
    file.path = `/files/${key}`;
    if (file.mode !== undefined) file.mode |= 0o040;
  }
  for (const [key, file] of Object.entries(fixed.configFiles ?? {})) file.path = `/config/${key}`;
  for (const [key, folder] of Object.entries(fixed.scratch ?? {})) folder.path = `/scratch/${key}`;
  // Memory-backed folders only with a size, and all of them below the memory limit.
  const inMemory = [
    ...(fixed.tmp?.medium === 'memory' ? [fixed.tmp.sizeLimit ?? '1Gi'] : []),
    ...Object.values(fixed.scratch ?? {})
      .filter((folder) => folder.medium === 'memory')
      .map((folder) => folder.sizeLimit),
  ];
  if (
    inMemory.some((limit) => limit === undefined) ||
    inMemory.reduce((total, limit) => total + memoryBytes(limit ?? '1'), 0) >= memoryBytes(memory)
  ) {
    if (fixed.tmp) fixed.tmp.medium = 'disk';
    for (const folder of Object.values(fixed.scratch ?? {})) folder.medium = 'disk';
  }
  for (const key of Object.keys(fixed.podAnnotations ?? {})) {
    if (key.startsWith('hardened-workloads.io/')) delete fixed.podAnnotations![key];
    else if (key.startsWith('container.apparmor.security.beta.kubernetes.io/')) fixed.podAnnotations![key] = 'runtime/default';
  }
  for (const toleration of fixed.scheduling?.tolerations ?? []) {
    if (toleration.key === undefined) toleration.operator = 'Exists';
    if (toleration.operator === 'Exists') delete toleration.value;
    if (toleration.tolerationSeconds !== undefined) toleration.effect = 'NoExecute';
  }
  const affinity = fixed.scheduling?.nodeAffinity;
  for (const term of [...(affinity?.required ?? []), ...(affinity?.preferred ?? [])]) {
    for (const requirement of term.matchExpressions) {
      if (requirement.operator === 'In' || requirement.operator === 'NotIn')
        requirement.values = requirement.values?.length ? requirement.values : ['a'];
      else if (requirement.operator === 'Gt' || requirement.operator === 'Lt') requirement.values = ['4'];
      else delete requirement.values;
    }
  }
  return fixed;
}

export const wideDeclaration: fc.Arbitrary<Json> = fc
  .record({
    coherent: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    name: dnsLabel,
    instance: sometimes(dnsLabel),
    image,
    distroless: sometimes(fc.boolean()),
    kind: fc.constantFrom(undefined, 'web', 'worker', 'stateful', 'daemon'),
    port: withShare(0.85, port),
    stateful: sometimes(
      fc.record(
        {
          volumeClaims: fc.dictionary(
            fc.constantFrom('data', 'wal', 'tmp', 'scratch-a'),
            fc.record(
              {
                size: fc.constantFrom('10Gi', '512Mi', '1Gi'),
                mountPath: fc.constantFrom('/data', '/wal', '/tmp', '/var/lib/store'),
                storageClass: fc.constantFrom('gp3', 'fast-ssd'),
                accessMode: fc.constantFrom('ReadWriteOnce', 'ReadWriteOncePod', 'ReadWriteMany'),
              },
              { requiredKeys: ['size', 'mountPath'] },
            ),
            { maxKeys: 2 },
          ),
          podManagementPolicy: fc.constantFrom('OrderedReady', 'Parallel'),
          partition: whole(0, 8),
          claimRetention: fc.record(
            { whenDeleted: fc.constantFrom('Retain', 'Delete'), whenScaled: fc.constantFrom('Retain', 'Delete') },
            { requiredKeys: [] },
          ),
          maintenanceWindowSeconds: whole(1, 7200),
          // Repeats included: both faces refuse them with the same words.
          peerPorts: fc.array(fc.constantFrom(6379, 16379, 2380), { minLength: 1, maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
    ),
    daemon: sometimes(
      fc.record(
        {
          hostPaths: fc.dictionary(
            fc.constantFrom('logs', 'sock', 'state'),
            fc.record(
              {
                path: fc.constantFrom('/var/log', '/run/containerd/containerd.sock', '/var/lib/agent'),
                mountPath: fc.constantFrom('/var/log', '/tmp', '/host/logs'),
                readOnly: fc.boolean(),
                type: fc.constantFrom('Directory', 'DirectoryOrCreate', 'File', 'Socket'),
              },
              { requiredKeys: ['path'] },
            ),
            { maxKeys: 2 },
          ),
          surge: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    ),
    replicas: sometimes(whole(1, 6)),
    autoscaling: sometimes(
      fc.record(
        {
          minReplicas: whole(1, 4),
          maxReplicas: whole(1, 8),
          targetCPUUtilizationPercentage: whole(1, 100),
          // autoscaling/v2 metrics and behavior, some of them refused in the templates (a second CPU target);
          // a zero target or a window or period too long is the schema's to refuse (test/support/resources-rejections.ts),
          // which these draws never reach.
          metrics: withShare(
            0.3,
            fc.constantFrom(
              [
                {
                  type: 'External',
                  external: { metric: { name: 'kafka_consumergroup_lag' }, target: { type: 'AverageValue', averageValue: '1k' } },
                },
              ],
              [{ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '512Mi' } } }],
              [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
              [{ type: 'Pods', pods: { metric: { name: 'queue' }, target: { type: 'AverageValue', averageValue: '100' } } }],
            ),
          ),
          behavior: withShare(
            0.3,
            fc.record(
              {
                scaleDown: fc.record(
                  {
                    stabilizationWindowSeconds: whole(0, 3600),
                    selectPolicy: fc.constantFrom('Max', 'Min', 'Disabled'),
                    policies: fc.array(
                      fc.record({ type: fc.constantFrom('Pods', 'Percent'), value: whole(1, 100), periodSeconds: whole(1, 1800) }),
                      { minLength: 1, maxLength: 2 },
                    ),
                  },
                  { requiredKeys: [] },
                ),
              },
              { requiredKeys: [] },
            ),
          ),
        },
        { requiredKeys: ['maxReplicas'] },
      ),
    ),
    readiness: withShare(0.85, probeTarget),
    liveness: sometimes(fc.oneof(probeTarget, fc.constant(false as const))),
    startupTarget: sometimes(probeTarget),
    maxSeconds: whole(1, 600),
    typicalSeconds: sometimes(whole(1, 600)),
    drainSeconds: fc.oneof({ weight: 9, arbitrary: whole(0, 300) }, { weight: 1, arbitrary: whole(300, 700) }),
    // The AWS platforms often, so that their load balancers are configured (and refused) often.
    traffic: withShare(
      0.6,
      fc.record(
        {
          platform: fc.oneof(
            { weight: 1, arbitrary: fc.constantFrom(...TRAFFIC_PLATFORMS) },
            { weight: 2, arbitrary: fc.constantFrom('aws-alb', 'aws-nlb') },
          ),
          propagationSeconds: whole(0, 150),
        },
        { requiredKeys: [] },
      ),
    ),
    preset: sometimes(fc.constantFrom(...PRESET_NAMES)),
    probeLatencyMs: sometimes(whole(1, 6000)),
    kubernetesVersion: sometimes(whole(28, 99).map((minor) => `1.${minor}`)),
    preStop: sometimes(
      fc.record(
        { type: fc.constantFrom('auto', 'sleep', 'exec', 'http', 'app'), path: fc.constantFrom('/prestop', '/drain?a=1&b=2'), port },
        { requiredKeys: [] },
      ),
    ),
    resources: sometimes(
      fc.record(
        {
          cpu,
          memory: fc.constantFrom('128Mi', '1Gi', '1000', '512M'),
          cpuLimit: fc.oneof(cpu, fc.constant(false as const)),
          memoryLimit: withShare(0.3, memoryLimit),
          ephemeralStorage: withShare(0.3, ephemeralStorage),
        },
        { requiredKeys: [] },
      ),
    ),
    env: sometimes(
      fc.dictionary(
        fc.oneof(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/), fc.constantFrom('SERVER_SHUTDOWN', 'GUNICORN_CMD_ARGS')),
        text,
        {
          maxKeys: 4,
        },
      ),
    ),
    command: sometimes(fc.array(text, { maxLength: 3 })),
    args: sometimes(fc.array(text, { maxLength: 3 })),
    securityContext: withShare(
      0.2,
      fc.record(
        {
          runAsUser: fc.constantFrom(0, 1000, 65534),
          runAsGroup: whole(1, 70000),
          fsGroup: whole(1, 70000),
          supplementalGroups: fc.array(whole(1, 70000), { maxLength: 3 }),
          capabilities: fc.subarray(['NET_BIND_SERVICE', 'DAC_READ_SEARCH', 'CHOWN', 'NET_BIND_SERVICE']),
        },
        { requiredKeys: [] },
      ),
    ),
    labels: sometimes(
      fc.dictionary(fc.oneof(text, fc.constantFrom('team', 'example.com/tier', 'app.kubernetes.io/name')), labelValue, { maxKeys: 3 }),
    ),
    ingress: withShare(0.5, ingress),
    route: sometimes(route),
    service: withShare(0.5, service),
    networkPolicy: sometimes(
      fc.record(
        {
          ingressFrom: peerList,
          egressTo: fc.array(
            fc.record(
              { cidr: fc.constantFrom('10.0.0.0/8', '0.0.0.0/0', 'fd00::/8'), ports: fc.array(port, { maxLength: 2 }) },
              { requiredKeys: ['cidr'] },
            ),
            { maxLength: 2 },
          ),
          dns: fc.array(peer, { minLength: 1, maxLength: 2 }),
        },
        { requiredKeys: [] },
      ),
    ),
    overrides: withShare(
      0.3,
      fc.record({
        readiness: fc.record({
          periodSeconds: overrideSeconds(1),
          timeoutSeconds: overrideSeconds(1),
          failureThreshold: overrideSeconds(1),
        }),
        liveness: fc.record({
          periodSeconds: overrideSeconds(1),
          timeoutSeconds: overrideSeconds(1),
          failureThreshold: overrideSeconds(1),
          terminationGracePeriodSeconds: overrideSeconds(1),
        }),
        startup: fc.record({
          periodSeconds: overrideSeconds(1),
          timeoutSeconds: overrideSeconds(1),
          failureThreshold: overrideSeconds(1),
          terminationGracePeriodSeconds: overrideSeconds(1),
        }),
        preStopSeconds: overrideSeconds(0),
        terminationGracePeriodSeconds: overrideSeconds(1),
        minReadySeconds: overrideSeconds(0),
        progressDeadlineSeconds: overrideSeconds(1),
        maxSurge: withShare(0.1, budget),
        maxUnavailable: withShare(0.1, budget),
        loadBalancer: withShare(0.5, loadBalancerOverrides),
      }),
    ),
    initContainers: withShare(0.25, fc.array(extraContainer, { minLength: 1, maxLength: 2 })),
    sidecars: withShare(0.3, fc.array(sidecar, { minLength: 1, maxLength: 2 })),
    mesh: withShare(0.2, fc.constantFrom('istio', 'linkerd')),
    acknowledged: fc.oneof(
      { weight: 4, arbitrary: fc.constant<string[]>([]) },
      // Every key, the renamed ones' new names too (cpuLimit, probeTimeout): both names of one pair are refused alike.
      { weight: 1, arbitrary: fc.subarray<string>([...ACKNOWLEDGEMENT_KEYS], { maxLength: 2 }) },
    ),
    reason: fc.string({ unit: 'grapheme', minLength: 10, maxLength: 30 }),
    configuration: withShare(0.6, configuration),
    keep: sometimes(keepDraw),
    serving: fc.record({
      protocol: sometimes(fc.constantFrom('http', 'http2', 'grpc', 'tcp')),
      servicePort: sometimes(port),
      ports: sometimes(
        fc.array(
          fc.record(
            {
              name: fc.constantFrom('metrics', 'admin', 'http', 'tcp', 'a-1'),
              port,
              servicePort: sometimes(port),
              from: sometimes(peerList),
            },
            { requiredKeys: ['name', 'port'] },
          ),
          { maxLength: 3 },
        ),
      ),
    }),
  })
  .map((draw): Json => {
    const { coherent } = draw;
    const declaration: Json = {
      name: draw.name,
      image: draw.image,
      startup: { maxSeconds: draw.maxSeconds },
      drainSeconds: draw.drainSeconds,
    };
    const optional = (key: string, value: unknown) => {
      if (value !== undefined) declaration[key] = value;
    };
    optional('instance', draw.instance);
    optional('distroless', draw.distroless);
    optional('kind', draw.kind);
    const stateful = draw.kind === 'stateful';
    const daemon = draw.kind === 'daemon';
    const web = draw.kind !== 'worker' && !stateful && !daemon;
    const workloadPort = coherent && web ? (draw.port ?? 8080) : draw.port;
    optional('port', workloadPort);
    // A stateful workload with a port is served like a web one (readiness, preStop), without one like a worker.
    const served = web || (stateful && workloadPort !== undefined);
    // A stateful workload is not autoscaled, a daemon has one pod per node: a coherent one has neither.
    const autoscaling = coherent && (stateful || daemon) ? undefined : draw.autoscaling;
    // With an autoscaler, replicas is a contradiction only the incoherent draws keep.
    optional('replicas', coherent && (autoscaling || daemon) ? undefined : draw.replicas);
    if (coherent && daemon && draw.daemon) declaration.daemon = coherentDaemon(draw.daemon);
    else if (!coherent) optional('daemon', draw.daemon);
    if (coherent && stateful && draw.stateful) declaration.stateful = coherentStateful(draw.stateful, draw.replicas ?? 2);
    else if (!coherent) optional('stateful', draw.stateful);
    if (autoscaling) {
      const { minReplicas, maxReplicas } = autoscaling;
      optional(
        'autoscaling',
        coherent ? coherentAutoscaling({ ...autoscaling, maxReplicas: Math.max(minReplicas ?? 2, maxReplicas) }) : autoscaling,
      );
    }

    // A probe without a port of its own needs the workload's.
    const withPort = (drawn: DrawnTarget | undefined) =>
      drawn && coherent && workloadPort === undefined && drawn.form !== 'exec' ? { ...drawn, form: 'exec' as const } : drawn;
    const health: Json = {};
    const readiness = withPort(draw.readiness);
    if (readiness && (web || workloadPort !== undefined || !coherent)) health.readiness = target(readiness);
    else if (coherent && web && draw.preset !== 'spring-boot') health.readiness = { path: '/readyz' };
    if (draw.liveness === false) health.liveness = false;
    else if (draw.liveness) health.liveness = target(withPort(draw.liveness)!);
    else if (coherent && workloadPort === undefined) health.liveness = { exec: ['/bin/alive'] };
    if (draw.startupTarget) health.startup = target(withPort(draw.startupTarget)!);
    declaration.health = health;

    const typical = draw.typicalSeconds === undefined || !coherent ? draw.typicalSeconds : Math.min(draw.typicalSeconds, draw.maxSeconds);
    if (typical !== undefined) declaration.startup = { typicalSeconds: typical, maxSeconds: draw.maxSeconds };
    optional('traffic', draw.traffic);
    optional('preset', draw.preset);
    optional('probeLatencyMs', draw.probeLatencyMs);
    optional('kubernetesVersion', draw.kubernetesVersion);

    if (!coherent) optional('preStop', draw.preStop);
    else if (served) {
      const minor = Number((draw.kubernetesVersion ?? '1.28').split('.')[1]);
      const distroless = draw.distroless ?? isKnownDistroless(draw.image);
      const drawn = draw.preStop ?? {};
      let type = drawn.type ?? 'auto';
      if (type === 'sleep' && minor < 30) type = 'exec';
      if (distroless && (type === 'exec' || (type === 'auto' && minor < 30))) type = 'app';
      if (type === 'http')
        declaration.preStop = { type, path: drawn.path ?? '/prestop', ...(drawn.port !== undefined ? { port: drawn.port } : {}) };
      else if (draw.preStop !== undefined || type !== 'auto') declaration.preStop = { type };
    }
    if (draw.resources) declaration.resources = coherent ? coherentResources(draw.resources) : draw.resources;
    optional('env', draw.env);
    optional('command', draw.command);
    optional('args', draw.args);
    if (draw.securityContext) {
      // Root and capabilities beyond NET_BIND_SERVICE are a node agent's (resolve/security-context.ts).
      const { runAsUser, capabilities, ...rest } = draw.securityContext as { runAsUser?: number; capabilities?: string[] };
      const agent = !coherent || daemon;
      declaration.securityContext = {
        ...rest,
        ...(runAsUser !== undefined && (agent || runAsUser !== 0) ? { runAsUser } : {}),
        ...(capabilities !== undefined
          ? { capabilities: agent ? capabilities : capabilities.filter((name) => name === 'NET_BIND_SERVICE') }
          : {}),
      };
    }
    optional('labels', draw.labels);
    optional('networkPolicy', draw.networkPolicy);
    optional('overrides', draw.overrides);
    if (coherent && (stateful || daemon) && declaration.overrides) {
      // A StatefulSet has no surge and no progress deadline, a DaemonSet no progress deadline: those overrides are a Deployment's only.
      const { maxSurge, maxUnavailable, progressDeadlineSeconds: _deadline, ...others } = declaration.overrides as Json;
      declaration.overrides = stateful ? others : JSON.parse(JSON.stringify({ ...others, maxSurge, maxUnavailable }));
    }
    if (coherent) addCoherentWaysIn(declaration, draw, web);
    else {
      optional('ingress', draw.ingress);
      optional('route', draw.route);
      optional('service', draw.service);
    }
    addServing(declaration, draw.serving, coherent, web);
    if (draw.keep && coherent) optional('keep', coherentKeep(draw.keep, declaration));
    else optional('keep', draw.keep);
    const memory = (declaration.resources as { memory?: string } | undefined)?.memory ?? '256Mi';
    const extra = draw.configuration && (coherent ? repaired(draw.configuration, memory) : draw.configuration);
    if (extra) {
      // The environment a preset sets is part of the declaration's env; the others are new fields.
      const { env, ...fields } = extra;
      if (env !== undefined && draw.env === undefined) declaration.env = env;
      Object.assign(declaration, fields);
      // A daemon has no spread over nodes and zones (one pod on every node).
      const scheduling = declaration.scheduling as Json | undefined;
      if (coherent && daemon && scheduling) delete scheduling.spread;
    }
    optional('mesh', draw.mesh);
    // The annotation a mesh's drain is derived into is the mesh's, not the declaration's.
    const podAnnotations = declaration.podAnnotations as Json | undefined;
    if (coherent && podAnnotations && draw.mesh) delete podAnnotations[MESH_ANNOTATIONS[draw.mesh as 'istio' | 'linkerd']];

    // Coherent draws name every container apart, keep ports apart, give every probe a port, size a
    // start only with a health check, and use no distroless sidecar where it would be ordinary.
    const minor = Number((draw.kubernetesVersion ?? '1.28').split('.')[1]);
    const usedPorts = new Set<number>([
      ...(workloadPort !== undefined ? [workloadPort] : []),
      ...((declaration.ports ?? []) as Array<{ port: number }>).map((extra) => extra.port),
    ]);
    const withinLimit = (resources: DrawnResources | undefined) => (resources && coherent ? coherentResources(resources) : resources);
    /**
     * An added container's configuration. Coherent draws give its own files names and paths no
     * other container uses, declare the main container's files with their source (at paths of
     * their own), mount only config files and scratch folders the workload declares, each once,
     * and leave out resources too small for the folders in memory it mounts.
     */
    const configured = (drawn: Json, prefix: string): Json => {
      const { shareFiles, env, envFrom, files, configFiles, scratch, ...rest } = drawn;
      const mainFiles = (declaration.files ?? {}) as Record<string, Json>;
      const shared = Object.fromEntries(
        Object.entries(mainFiles).map(([key, source]) => [
          key,
          { ...source, path: `/shared/${key}`, ...(shareFiles === 'other' && !coherent ? { optional: !source.optional } : {}) },
        ]),
      );
      const own = coherent
        ? Object.fromEntries(Object.entries((files ?? {}) as Json).map(([key, source]) => [`${prefix}-${key}`, source]))
        : files;
      const fixed = coherent ? repaired({ env, envFrom, files: own } as Configuration, '1Gi') : { env, envFrom, files: own };
      const allFiles = shareFiles !== 'none' && Object.keys(shared).length > 0 ? { ...(fixed.files ?? {}), ...shared } : fixed.files;
      // As many of the workload's keys as were listed, each once.
      const declared = (field: 'configFiles' | 'scratch', listed: string[]) => {
        const keys = Object.keys((declaration[field] ?? {}) as Json).sort();
        return coherent ? [...new Set(keys.length > 0 ? listed.map((_, index) => keys[index % keys.length]!) : [])] : listed;
      };
      const result: Json = {
        ...rest,
        ...(fixed.env !== undefined ? { env: fixed.env } : {}),
        ...(fixed.envFrom !== undefined ? { envFrom: fixed.envFrom } : {}),
        ...(allFiles !== undefined ? { files: allFiles } : {}),
        ...(configFiles !== undefined ? { configFiles: declared('configFiles', configFiles as string[]) } : {}),
        ...(scratch !== undefined ? { scratch: declared('scratch', scratch as string[]) } : {}),
      };
      const memory = (result.resources as { memory?: string } | undefined)?.memory;
      if (coherent && memory !== undefined) {
        const tmp = declaration.tmp as { medium?: string; sizeLimit?: string } | undefined;
        const folders = (declaration.scratch ?? {}) as Record<string, { medium?: string; sizeLimit?: string }>;
        const inMemory = [
          ...(tmp?.medium === 'memory' ? [tmp.sizeLimit ?? '1Gi'] : []),
          ...((result.scratch ?? []) as string[]).flatMap((key) =>
            folders[key]?.medium === 'memory' ? [folders[key]!.sizeLimit ?? '1Gi'] : [],
          ),
        ];
        if (inMemory.reduce((total, limit) => total + memoryBytes(limit), 0) >= memoryBytes(memory)) delete result.resources;
      }
      return result;
    };
    if (draw.initContainers) {
      declaration.initContainers = draw.initContainers.map((init, index) =>
        configured(
          {
            ...init,
            ...(coherent ? { name: `${init.name}-i${index}` } : {}),
            ...(init.resources ? { resources: withinLimit(init.resources) } : {}),
          },
          `i${index}`,
        ),
      );
    }
    if (draw.sidecars) {
      declaration.sidecars = draw.sidecars.map((drawn: DrawnSidecar, index) => {
        const { startup, readiness, liveness, ports = [], distroless, ...rest } = drawn;
        const sidecarPorts = coherent
          ? ports
              .map((entry, portIndex) => ({ name: `${entry.name.slice(0, 6).replace(/-$/, '')}-${index}${portIndex}`, port: entry.port }))
              .filter((entry) => !usedPorts.has(entry.port) && usedPorts.add(entry.port))
          : ports;
        const health: Json = {};
        const portless = (drawnTarget: DrawnTarget) =>
          coherent && sidecarPorts.length === 0 && drawnTarget.form !== 'exec'
            ? { ...drawnTarget, port: drawnTarget.port ?? 9000 }
            : drawnTarget;
        if (startup) health.startup = target(portless(startup));
        if (readiness) health.readiness = target(portless(readiness));
        if (liveness) health.liveness = target(portless(liveness));
        const hasHealth = Object.keys(health).length > 0;
        const result: Json = {
          ...rest,
          ...(coherent ? { name: `${drawn.name}-s${index}` } : {}),
          ...(sidecarPorts.length > 0 ? { ports: sidecarPorts } : {}),
          ...(hasHealth ? { health } : {}),
          ...(rest.resources ? { resources: withinLimit(rest.resources) } : {}),
        };
        if (coherent && !hasHealth) delete result.startSeconds;
        const knownDistroless = isKnownDistroless(drawn.image);
        if (!coherent || minor >= 29) result.distroless = distroless;
        else if (knownDistroless) result.distroless = false;
        return configured(result, `s${index}`);
      });
    }

    // The waivers the declaration needs, when it is meant to be coherent, and a few others.
    const acknowledge: Json = Object.fromEntries(draw.acknowledged.map((id) => [id, draw.reason]));
    if (coherent) {
      const scaling = declaration.autoscaling as { minReplicas?: number } | undefined;
      const fewest = scaling ? (scaling.minReplicas ?? 2) : (draw.replicas ?? 2);
      const needed: Record<(typeof WAIVER_IDS)[number], boolean> = {
        singleReplica: !daemon && fewest < 2,
        noLiveness: draw.liveness === false,
        noCpuLimit: [
          declaration.resources,
          ...((declaration.initContainers ?? []) as Json[]).map((init) => init.resources),
          ...((declaration.sidecars ?? []) as Json[]).map((each) => each.resources),
        ].some((resources) => (resources as { cpuLimit?: unknown } | undefined)?.cpuLimit === false),
        memoryLimit: [
          declaration.resources,
          ...((declaration.initContainers ?? []) as Json[]).map((init) => init.resources),
          ...((declaration.sidecars ?? []) as Json[]).map((each) => each.resources),
        ].some((resources) => {
          const { memory = '256Mi', memoryLimit: limit } = (resources ?? {}) as DrawnResources;
          return limit !== undefined && memoryBytes(limit) > memoryBytes(memory);
        }),
        automountServiceAccountToken: extra?.serviceAccount?.mountApiToken === true,
        volumeTypes: Object.keys(((declaration.daemon as Json | undefined)?.hostPaths ?? {}) as Json).length > 0,
        deleteVolumeClaims: Object.values(((declaration.stateful as Json | undefined)?.claimRetention ?? {}) as Json).includes('Delete'),
        runAsNonRoot: (declaration.securityContext as Json | undefined)?.runAsUser === 0,
        capabilities: (((declaration.securityContext as Json | undefined)?.capabilities ?? []) as string[]).some(
          (name) => name !== 'NET_BIND_SERVICE',
        ),
        tolerateEveryTaint: (((declaration.scheduling as Json | undefined)?.tolerations ?? []) as Json[]).some(
          (toleration) => !toleration.key && toleration.operator === 'Exists',
        ),
        ingressSnippets: Object.keys(((declaration.ingress as Json | undefined)?.annotations ?? {}) as Json).some(isSnippetAnnotation),
        kernelFolderMount: Object.values((declaration.scratch ?? {}) as Record<string, Json>).some((folder) =>
          isKernelFolder(String(folder.path)),
        ),
        runtimeSocket:
          daemon &&
          Object.values(((declaration.daemon as Json | undefined)?.hostPaths ?? {}) as Record<string, Json>).some((hostPath) =>
            isRuntimeSocketPath(String(hostPath.path)),
          ),
        writableHostPath:
          daemon &&
          Object.values(((declaration.daemon as Json | undefined)?.hostPaths ?? {}) as Record<string, Json>).some(
            (hostPath) => hostPath.readOnly === false,
          ),
      };
      for (const id of WAIVER_IDS) {
        if (needed[id]) acknowledge[id] = draw.reason;
        else delete acknowledge[id];
      }
      // A coherent declaration names each departure once: under the id its waiver above uses.
      for (const key of Object.keys(ACKNOWLEDGEMENT_ALIASES)) delete acknowledge[key];
      if (storageNeedsAcknowledgement(declaration)) acknowledge.ephemeralStorageCoversFolders = draw.reason;
      else delete acknowledge.ephemeralStorageCoversFolders;
    }
    if (Object.keys(acknowledge).length > 0) declaration.acknowledge = acknowledge;
    // JSON round trip: no undefined leaves, exactly what a values file can hold.
    return JSON.parse(JSON.stringify(declaration)) as Json;
  });

/**
 * The serving port's protocol and Service port. Coherent draws leave out protocol http where
 * readiness checks gRPC on the serving port, and give a Service port only to kind web.
 */
function addServing(
  declaration: Json,
  drawn: {
    protocol?: string;
    servicePort?: number;
    ports?: Array<{ name: string; port: number; servicePort?: number; from?: unknown }>;
  },
  coherent: boolean,
  web: boolean,
): void {
  const readiness = (declaration.health as Json | undefined)?.readiness as Json | undefined;
  const grpcOnPort = readiness?.grpc !== undefined && (readiness.port === undefined || readiness.port === declaration.port);
  if (drawn.protocol !== undefined && !(coherent && drawn.protocol === 'http' && grpcOnPort)) declaration.protocol = drawn.protocol;
  if (drawn.servicePort !== undefined && (web || !coherent)) {
    declaration.service = { ...((declaration.service as Json | undefined) ?? {}), port: drawn.servicePort };
  }
  // Coherent extra ports take names and numbers no other port of the pod has (sidecar ports keep apart from them).
  const names = new Set<string>(['http', 'http2', 'grpc', 'tcp']);
  // (service.port too: the Service publishes each number once.)
  const numbers = new Set<unknown>([declaration.port, (declaration.service as Json | undefined)?.port]);
  const kept = coherent
    ? (drawn.ports ?? []).filter(({ name, port }) => !names.has(name) && !numbers.has(port) && names.add(name) && numbers.add(port))
    : drawn.ports;
  // Coherent Service ports: only where the workload has a Service, each number once in it, service.port included.
  const service = (declaration.service as Json | undefined)?.port ?? declaration.port;
  const published = new Set<unknown>([service, ...(kept ?? []).map(({ port }) => port)]);
  const hasService = declaration.port !== undefined && (web || declaration.kind === 'stateful');
  const extra = coherent
    ? kept?.map(({ servicePort, ...rest }) =>
        servicePort !== undefined && hasService && !published.has(servicePort) && published.add(servicePort)
          ? { ...rest, servicePort }
          : rest,
      )
    : kept;
  if (extra !== undefined) declaration.ports = extra;
  // Coherent service.extraPorts: names no other port of the Service has (never a protocol's or an extra port's), free numbers.
  const serviceSettings = declaration.service as Json | undefined;
  if (coherent && serviceSettings?.extraPorts !== undefined) {
    const names = new Set<unknown>();
    const extraPorts = (serviceSettings.extraPorts as Array<{ name: string; port: number }>).filter(
      ({ name, port }) =>
        ['https', 'alt'].includes(name) && !names.has(name) && !published.has(port) && names.add(name) && published.add(port),
    );
    if (extraPorts.length > 0) serviceSettings.extraPorts = extraPorts;
    else delete serviceSettings.extraPorts;
  }
}

type Draw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a drawn record, reshaped below

/**
 * The ways in, as a coherent declaration has them: none for a worker; ALB classes and annotations
 * only with aws-alb, whose health check needs an HTTP or gRPC readiness check; no derived
 * annotation where a load balancer is configured; a LoadBalancer Service only with aws-nlb; paths
 * for an HTTPRoute and services for a GRPCRoute; each Gateway once; peers that are pods or a
 * network; and once any peer is declared, a `from` on every way in. Load-balancer overrides only
 * where a load balancer is configured.
 */
/** Kind daemon's settings made valid: host paths at mount paths of their own. */
function coherentDaemon(drawn: Json): Json {
  const hostPaths = Object.entries((drawn.hostPaths ?? {}) as Record<string, Json>).map(([name, hostPath]) => [
    name,
    { ...hostPath, mountPath: `/host/${name}` },
  ]);
  return { ...drawn, hostPaths: Object.fromEntries(hostPaths) };
}

/** Kind stateful's settings made valid: claims at mount paths of their own, a partition within the pods. */
function coherentStateful(drawn: Json, replicas: number): Json {
  const claims = Object.entries((drawn.volumeClaims ?? {}) as Record<string, Json>)
    .filter(([name]) => name !== 'tmp' && !name.startsWith('scratch-'))
    .map(([name, claim]) => [name, { ...claim, mountPath: `/claims/${name}` }]);
  const settings: Json = { ...drawn, volumeClaims: Object.fromEntries(claims) };
  if (drawn.partition !== undefined) settings.partition = Math.min(drawn.partition as number, replicas);
  return settings;
}

function addCoherentWaysIn(declaration: Json, draw: Draw, web: boolean): void {
  const overrides = declaration.overrides as Json | undefined;
  if (!web) {
    if (overrides) delete overrides.loadBalancer;
    return;
  }
  const platform = (draw.traffic?.platform as string | undefined) ?? 'kube-proxy';
  const peers = (list: Json[] | undefined) => list?.map(({ cidr, ...labels }) => (cidr !== undefined ? { cidr } : labels));
  const health = declaration.health as Json;
  const httpOrGrpc = (target: unknown) => typeof target === 'object' && target !== null && ('path' in target || 'grpc' in target);
  const ingress: Json | undefined = draw.ingress && { ...draw.ingress };
  const service: Json | undefined =
    draw.service && platform === 'aws-nlb' ? { ...draw.service } : draw.service && { ...draw.service, type: 'ClusterIP' };
  if (service && service.type !== 'LoadBalancer') delete service.from;
  const alb = platform === 'aws-alb' && ingress !== undefined;
  const nlb = platform === 'aws-nlb' && service?.type === 'LoadBalancer';
  if (ingress) {
    if (!alb && ingress.className === 'alb') delete ingress.className;
    if (alb && !httpOrGrpc(health.readiness) && draw.preset !== 'spring-boot') health.readiness = { path: '/readyz' };
  }
  for (const [way, configured] of [
    [ingress, alb],
    [service, nlb],
  ] as const) {
    if (!way?.annotations) continue;
    way.annotations = Object.fromEntries(
      Object.entries(way.annotations as Json).filter(
        ([key, value]) =>
          !(configured ? DERIVED_OR_MERGED_KEYS.filter((derived) => !derived.endsWith('target-group-attributes')) : []).includes(key) &&
          !(!configured && way === ingress && key.startsWith('alb.')) &&
          !(
            configured &&
            key.endsWith('target-group-attributes') &&
            /(^|,)[\t\n\f\r ]*deregistration_delay\.timeout_seconds[\t\n\f\r ]*=/.test(String(value))
          ),
      ),
    );
  }
  const route: Json | undefined = draw.route && { ...draw.route };
  if (route) {
    if ((route.kind ?? 'HTTPRoute') === 'HTTPRoute') delete route.services;
    else delete route.paths;
    const seen = new Set<string>();
    route.parentRefs = (route.parentRefs as Json[]).filter(({ name, namespace }) => {
      const gateway = `${namespace ?? ''}/${name}`;
      return !seen.has(gateway) && seen.add(gateway);
    });
  }
  for (const way of [ingress, route, service]) if (way?.from) way.from = peers(way.from as Json[]);
  const policy = declaration.networkPolicy as Json | undefined;
  if (policy?.ingressFrom) policy.ingressFrom = peers(policy.ingressFrom as Json[]);
  const anyPeers = [policy?.ingressFrom, ingress?.from, route?.from, service?.from].some((list) => list !== undefined);
  if (anyPeers) {
    if (ingress) ingress.from ??= [{ cidr: '10.0.0.0/16' }];
    if (route) route.from ??= [{ namespaceLabels: { 'kubernetes.io/metadata.name': 'gateways' } }];
    if (nlb) service!.from ??= [{ cidr: '10.0.0.0/16' }];
  }
  if (ingress) declaration.ingress = ingress;
  if (route) declaration.route = route;
  if (service) declaration.service = service;
  if (overrides && !alb && !nlb) delete overrides.loadBalancer;
}

/**
 * Jobs using every optional field: a wide declaration made kind job with a random run and, one
 * time in four, overrides of the Job's own limits (deadline, starting deadline, clean-up). Coherent
 * draws (three in four) drop what a job refuses (start times, replicas, probes, preStop, the ways
 * in, every override but the grace period and the Job's limits, a starting deadline without a
 * schedule) and list exit codes in order; the others keep some of it, so that each job rejection
 * is exercised too.
 */
export const wideJobDeclaration: fc.Arbitrary<Json> = fc
  .record({
    base: wideDeclaration,
    coherent: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    run: fc.record(
      {
        maxSeconds: whole(1, 86400),
        typicalSeconds: whole(1, 86400),
        attempts: whole(1, 20),
        startSeconds: whole(0, 3600),
        nonRetryableExitCodes: fc.array(whole(1, 255), { minLength: 1, maxLength: 4 }),
      },
      { requiredKeys: ['maxSeconds'] },
    ),
    // One draw in four: a deadline too short or too long for the run is refused, which the wide base is often already.
    limits: fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc.record(
          {
            activeDeadlineSeconds: fc.oneof(whole(1, 7200), whole(1, 2592000)),
            startingDeadlineSeconds: fc.oneof(whole(10, 3600), whole(10, 2592000)),
            ttlSecondsAfterFinished: whole(0, 2592000),
          },
          { requiredKeys: [] },
        ),
      },
    ),
    scheduled: fc.boolean(),
    // Schedules of the cron grammar's characters: some never run, some are refused.
    schedule: fc.record(
      {
        cron: fc.oneof(
          fc.constantFrom('0 2 * * *', '*/7 * * * *', '0 0 30 2 *', '61 * * * *', '@hourly', '5 4 * * MON-FRI', '0 9-17/2 1,15 * *'),
          fc.stringMatching(/^[0-9*\/,-]{1,5} [0-9*\/,-]{1,5} [0-9*?\/,-]{1,4} [0-9*\/,-]{1,3} [0-6*?\/,-]{1,3}$/),
        ),
        timeZone: fc.constantFrom(
          'UTC',
          'Europe/Berlin',
          'Local',
          'Etc/GMT-14',
          'Asia/Kolkata',
          'Europe/Berlinn',
          'us/pacific',
          'US/Pacific',
        ),
        concurrencyPolicy: fc.constantFrom('Forbid', 'Replace', 'Allow'),
        suspend: fc.boolean(),
        successfulJobsHistoryLimit: whole(0, 100),
        failedJobsHistoryLimit: whole(0, 100),
      },
      { requiredKeys: ['cron'] },
    ),
  })
  .map(({ base, coherent, run, limits, scheduled, schedule }): Json => {
    const declaration: Json = { ...base, kind: scheduled ? 'cronjob' : 'job', ...(scheduled ? { schedule } : {}) };
    if (limits) declaration.overrides = { ...(declaration.overrides as Json | undefined), ...limits };
    if (!coherent) return { ...declaration, run };
    for (const key of ['startup', 'replicas', 'autoscaling', 'health', 'traffic', 'preStop', 'service', 'ingress', 'route', 'preset']) {
      delete declaration[key];
    }
    // What the base keeps for a long-running kind, as much of it as a job can keep.
    const keep = declaration.keep && coherentKeep(declaration.keep as KeepDraw, declaration);
    if (keep) declaration.keep = keep;
    else delete declaration.keep;
    const overrides = declaration.overrides as Json | undefined;
    if (overrides) {
      const { terminationGracePeriodSeconds, activeDeadlineSeconds, startingDeadlineSeconds, ttlSecondsAfterFinished } = overrides;
      const kept = JSON.parse(
        JSON.stringify({
          terminationGracePeriodSeconds,
          activeDeadlineSeconds,
          ...(scheduled ? { startingDeadlineSeconds } : {}),
          ttlSecondsAfterFinished,
        }),
      ) as Json;
      if (Object.keys(kept).length === 0) delete declaration.overrides;
      else declaration.overrides = kept;
    }
    const codes = run.nonRetryableExitCodes && [...new Set(run.nonRetryableExitCodes)].sort((a, b) => a - b);
    if (scheduled) {
      // Coherent draws keep a schedule that runs, in a zone the API takes.
      const cronJobCadence = parseCron(schedule.cron) && cronCadence(parseCron(schedule.cron)!);
      const { timeZone, ...rest } = schedule;
      declaration.schedule = {
        ...rest,
        ...(timeZone !== 'Local' ? { timeZone } : {}),
        cron: cronJobCadence?.runs === 'repeatedly' ? schedule.cron : '0 2 * * *',
      };
    }
    return {
      ...declaration,
      run: {
        ...run,
        ...(run.typicalSeconds !== undefined ? { typicalSeconds: Math.min(run.typicalSeconds, run.maxSeconds) } : {}),
        ...(codes ? { nonRetryableExitCodes: codes } : {}),
      },
    };
  });
