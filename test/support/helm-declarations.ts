import fc from 'fast-check';
import { ACKNOWLEDGEMENT_IDS, WAIVER_IDS } from '../../src/declaration/ids';
import { isKnownDistroless } from '../../src/declaration/image';
import { PRESET_NAMES } from '../../src/declaration/presets';
import { cpuMillicores } from '../../src/declaration/quantities';
import { TRAFFIC_PLATFORMS } from '../../src/timing/platforms';

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
const selector = fc.dictionary(text, text, { maxKeys: 2 });
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

const containerName = fc.oneof(fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,6}[a-z0-9])?$/), fc.constantFrom('migrate', 'proxy'));
const extraResources = fc.record(
  { cpu, memory: fc.constantFrom('64Mi', '128Mi'), cpuLimit: fc.oneof(cpu, fc.constant(false as const)) },
  { requiredKeys: [] },
);

/** What init containers and sidecars declare alike; text from all of Unicode where it is free. */
const extraContainer = fc.record(
  {
    name: containerName,
    image,
    command: fc.array(text, { maxLength: 3 }),
    args: fc.array(text, { maxLength: 2 }),
    env: fc.dictionary(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/), text, { maxKeys: 2 }),
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
    env: fc.dictionary(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/), text, { maxKeys: 2 }),
    resources: extraResources,
    ports: fc.array(fc.record({ name: fc.stringMatching(/^[a-z](-?[a-z0-9]){0,6}$/), port }), { maxLength: 2 }),
    startup: probeTarget,
    readiness: probeTarget,
    startSeconds: whole(1, 300),
    stopSeconds: whole(0, 120),
  },
  { requiredKeys: ['name', 'image'] },
);
type DrawnSidecar = typeof sidecar extends fc.Arbitrary<infer T> ? T : never;

export const wideDeclaration: fc.Arbitrary<Json> = fc
  .record({
    coherent: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    name: dnsLabel,
    instance: sometimes(dnsLabel),
    image,
    distroless: sometimes(fc.boolean()),
    kind: fc.constantFrom(undefined, 'web', 'worker'),
    port: withShare(0.85, port),
    replicas: sometimes(whole(1, 6)),
    autoscaling: sometimes(
      fc.record(
        { minReplicas: whole(1, 4), maxReplicas: whole(1, 8), targetCPUUtilizationPercentage: whole(1, 100) },
        { requiredKeys: ['maxReplicas'] },
      ),
    ),
    readiness: withShare(0.85, probeTarget),
    liveness: sometimes(fc.oneof(probeTarget, fc.constant(false as const))),
    startupTarget: sometimes(probeTarget),
    maxSeconds: whole(1, 600),
    typicalSeconds: sometimes(whole(1, 600)),
    drainSeconds: fc.oneof({ weight: 9, arbitrary: whole(0, 300) }, { weight: 1, arbitrary: whole(300, 700) }),
    traffic: sometimes(
      fc.record({ platform: fc.constantFrom(...TRAFFIC_PLATFORMS), propagationSeconds: whole(0, 150) }, { requiredKeys: [] }),
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
        { cpu, memory: fc.constantFrom('128Mi', '1Gi', '1000', '512M'), cpuLimit: fc.oneof(cpu, fc.constant(false as const)) },
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
    args: sometimes(fc.array(text, { maxLength: 3 })),
    labels: sometimes(
      fc.dictionary(fc.oneof(text, fc.constantFrom('team', 'example.com/tier', 'app.kubernetes.io/name')), labelValue, { maxKeys: 3 }),
    ),
    networkPolicy: sometimes(
      fc.record(
        {
          ingressFrom: fc.array(fc.record({ namespaceLabels: selector, podLabels: selector }, { requiredKeys: [] }), { maxLength: 2 }),
          egressTo: fc.array(
            fc.record(
              { cidr: fc.oneof(fc.constantFrom('10.0.0.0/8', '0.0.0.0/0'), text), ports: fc.array(port, { maxLength: 2 }) },
              { requiredKeys: ['cidr'] },
            ),
            { maxLength: 2 },
          ),
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
      }),
    ),
    initContainers: withShare(0.25, fc.array(extraContainer, { minLength: 1, maxLength: 2 })),
    sidecars: withShare(0.3, fc.array(sidecar, { minLength: 1, maxLength: 2 })),
    mesh: withShare(0.2, fc.constantFrom('istio', 'linkerd')),
    acknowledged: fc.oneof(
      { weight: 4, arbitrary: fc.constant<string[]>([]) },
      { weight: 1, arbitrary: fc.subarray<string>([...ACKNOWLEDGEMENT_IDS], { maxLength: 2 }) },
    ),
    reason: fc.string({ unit: 'grapheme', minLength: 10, maxLength: 30 }),
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
    const web = draw.kind !== 'worker';
    const workloadPort = coherent && web ? (draw.port ?? 8080) : draw.port;
    optional('port', workloadPort);
    // With an autoscaler, replicas is a contradiction only the incoherent draws keep.
    optional('replicas', coherent && draw.autoscaling ? undefined : draw.replicas);
    if (draw.autoscaling) {
      const { minReplicas, maxReplicas } = draw.autoscaling;
      optional(
        'autoscaling',
        coherent && minReplicas !== undefined ? { ...draw.autoscaling, maxReplicas: Math.max(minReplicas, maxReplicas) } : draw.autoscaling,
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
    else if (web) {
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
    if (draw.resources) {
      const { cpu: request = '250m', cpuLimit } = draw.resources;
      const tooLow = typeof cpuLimit === 'string' && cpuMillicores(cpuLimit) < cpuMillicores(request);
      const { cpuLimit: _, ...rest } = draw.resources;
      declaration.resources = coherent && tooLow ? rest : draw.resources;
    }
    optional('env', draw.env);
    optional('args', draw.args);
    optional('labels', draw.labels);
    optional('networkPolicy', draw.networkPolicy);
    optional('overrides', draw.overrides);
    optional('mesh', draw.mesh);

    // Coherent draws name every container apart, keep ports apart, give every probe a port, size a
    // start only with a health check, and use no distroless sidecar where it would be ordinary.
    const minor = Number((draw.kubernetesVersion ?? '1.28').split('.')[1]);
    const usedPorts = new Set<number>(workloadPort !== undefined ? [workloadPort] : []);
    const withinLimit = (resources: { cpu?: string; cpuLimit?: string | false } | undefined) => {
      if (!resources || !coherent) return resources;
      const tooLow = typeof resources.cpuLimit === 'string' && cpuMillicores(resources.cpuLimit) < cpuMillicores(resources.cpu ?? '250m');
      const { cpuLimit: _, ...rest } = resources;
      return tooLow ? rest : resources;
    };
    if (draw.initContainers) {
      declaration.initContainers = draw.initContainers.map((init, index) => ({
        ...init,
        ...(coherent ? { name: `${init.name}-i${index}` } : {}),
        ...(init.resources ? { resources: withinLimit(init.resources) } : {}),
      }));
    }
    if (draw.sidecars) {
      declaration.sidecars = draw.sidecars.map((drawn: DrawnSidecar, index) => {
        const { startup, readiness, ports = [], distroless, ...rest } = drawn;
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
        return result;
      });
    }

    // The waivers the declaration needs, when it is meant to be coherent, and a few others.
    const acknowledge: Json = Object.fromEntries(draw.acknowledged.map((id) => [id, draw.reason]));
    if (coherent) {
      const fewest = draw.autoscaling ? (draw.autoscaling.minReplicas ?? 2) : (draw.replicas ?? 2);
      const needed: Record<(typeof WAIVER_IDS)[number], boolean> = {
        singleReplica: fewest < 2,
        noLiveness: draw.liveness === false,
        noCpuLimit: [
          draw.resources,
          ...(draw.initContainers ?? []).map((init) => init.resources),
          ...(draw.sidecars ?? []).map((each) => each.resources),
        ].some((resources) => resources?.cpuLimit === false),
      };
      for (const id of WAIVER_IDS) {
        if (needed[id]) acknowledge[id] = draw.reason;
        else delete acknowledge[id];
      }
    }
    if (Object.keys(acknowledge).length > 0) declaration.acknowledge = acknowledge;
    // JSON round trip: no undefined leaves, exactly what a values file can hold.
    return JSON.parse(JSON.stringify(declaration)) as Json;
  });
