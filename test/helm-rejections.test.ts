import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMap, parseDocument, stringify, type YAMLMap } from 'yaml';
import { REJECTION_TABLES } from './support/rejection-tables';
import { CHECKOUT, checkoutWith, CLOUD_SQL_PROXY, MIGRATE, nightlyWith } from './support/declarations';
import {
  helmAsync,
  helmFace,
  helmTemplateArgs,
  isSchemaRejection,
  ROOT,
  typescriptFace,
  helmDescribe,
  helmTest,
  valuesFile,
} from './support/helm';

/**
 * Invalid declarations are rejected by both faces, each message naming the offending field.
 * Shape errors are found by helm's JSON Schema validation of values.schema.json, in its own words;
 * everything else by `fail` in the templates, in the TypeScript face's words. Every test runs the
 * real helm.
 */

type Rejection = [description: string, declaration: unknown, fields: string[]];

const SIDECAR = CLOUD_SQL_PROXY;

const SCHEMA_REJECTIONS: Rejection[] = [
  ['a string where seconds belong', checkoutWith({ drainSeconds: '30s' }), ['drainSeconds']],
  ['fractional seconds', checkoutWith({ startup: { maxSeconds: 1.5 } }), ['startup.maxSeconds']],
  ['negative seconds', checkoutWith({ drainSeconds: -5 }), ['drainSeconds']],
  ['a missing image', checkoutWith({ image: undefined }), ['image']],
  ['a missing drain time', checkoutWith({ drainSeconds: undefined }), ['drainSeconds']],
  ['an untagged image', checkoutWith({ image: 'ghcr.io/acme/checkout' }), ['image']],
  ['an unknown field', checkoutWith({ drainSecond: 30 }), ['drainSecond']],
  ['a misspelled nested field', checkoutWith({ health: { readiness: { paht: '/readyz' } } }), ['health.readiness', 'paht']],
  ['an unknown kind', checkoutWith({ kind: 'cron' }), ['kind']],
  ['a port out of range', checkoutWith({ port: 70000 }), ['port']],
  ['an invalid environment variable name', checkoutWith({ env: { 'LOG-LEVEL': 'debug' } }), ['env', 'LOG-LEVEL']],
  [
    'a reason too short to say anything',
    checkoutWith({ replicas: 1, acknowledge: { singleReplica: 'ok' } }),
    ['acknowledge.singleReplica'],
  ],
  [
    'an unknown acknowledgement',
    checkoutWith({ acknowledge: { pdbAllowsDisruption: 'we really want this' } }),
    ['acknowledge', 'pdbAllowsDisruption'],
  ],
  ['a null where values.yaml has no default', checkoutWith({ port: null }), ['port']],
  ['a probe with two forms', checkoutWith({ health: { readiness: { path: '/readyz', tcp: true } } }), ['health.readiness']],
  ['a probe that checks nothing', checkoutWith({ health: { readiness: {} } }), ['health.readiness']],
  [
    'an exec probe with a port',
    checkoutWith({ health: { readiness: { exec: ['/bin/ready'], port: 8080 } } }),
    ['health.readiness', 'port'],
  ],
  // Helm's validator reports the member it tried first ("path is required"), so only the probe is named here.
  ['a scheme on a tcpSocket probe', checkoutWith({ health: { readiness: { tcp: true, scheme: 'HTTPS' } } }), ['health.readiness']],
  [
    'an init container without maxSeconds',
    checkoutWith({ initContainers: [{ name: 'migrate', image: 'ghcr.io/acme/checkout:1.4.2' }] }),
    ['initContainers', 'maxSeconds'],
  ],
  ['a container name that is not a DNS label', checkoutWith({ sidecars: [{ ...SIDECAR, name: 'Cloud_SQL' }] }), ['sidecars', 'name']],
  [
    'a sidecar port name longer than 15 characters',
    checkoutWith({ sidecars: [{ ...SIDECAR, ports: [{ name: 'cloud-sql-health-port', port: 9090 }] }] }),
    ['sidecars', 'name'],
  ],
  ['an unknown mesh', checkoutWith({ mesh: 'consul' }), ['mesh']],
  ['a Unicode host name (it is written in its xn-- form)', checkoutWith({ ingress: { hosts: ['bücher.example'] } }), ['ingress.hosts']],
  ['an IP address as a host', checkoutWith({ route: { parentRefs: [{ name: 'gw' }], hostnames: ['10.0.0.1'] } }), ['route.hostnames']],
  ['a path with "/../"', checkoutWith({ ingress: { paths: ['/a/../b'] } }), ['ingress.paths']],
  ['a route without a Gateway', checkoutWith({ route: { parentRefs: [] } }), ['route.parentRefs']],
  ['an Ingress with an empty list of hosts (it would have no rule)', checkoutWith({ ingress: { hosts: [] } }), ['ingress.hosts']],
  [
    'a peer network that is no CIDR',
    checkoutWith({ networkPolicy: { ingressFrom: [{ cidr: '10.0.0.0' }] } }),
    ['networkPolicy.ingressFrom', 'cidr'],
  ],
  ['an empty list of peers', checkoutWith({ networkPolicy: { ingressFrom: [] } }), ['networkPolicy.ingressFrom']],
  ['an empty list of peers of a way in', checkoutWith({ route: { parentRefs: [{ name: 'gw' }], from: [] } }), ['route.from']],
  ['an annotation key with spaces', checkoutWith({ ingress: { annotations: { 'my key': 'x' } } }), ['ingress.annotations', 'my key']],
  [
    'a health check interval out of range',
    checkoutWith({ overrides: { loadBalancer: { healthCheckIntervalSeconds: 3 } } }),
    ['overrides.loadBalancer.healthCheckIntervalSeconds'],
  ],
  ['an unknown route kind', checkoutWith({ route: { kind: 'TCPRoute', parentRefs: [{ name: 'gw' }] } }), ['route.kind']],
];

const TEMPLATE_REJECTIONS: Rejection[] = [
  ['the latest tag', checkoutWith({ image: 'ghcr.io/acme/checkout:latest' }), ['image']],
  ['a web workload without a port', checkoutWith({ port: undefined }), ['port']],
  ['a web workload without readiness', checkoutWith({ health: {} }), ['health.readiness']],
  ['one replica without acknowledgement', checkoutWith({ replicas: 1 }), ['replicas']],
  [
    'an autoscaler whose maximum is below its minimum',
    checkoutWith({ replicas: undefined, autoscaling: { minReplicas: 3, maxReplicas: 2 } }),
    ['autoscaling.maxReplicas'],
  ],
  ['a TCP readiness check next to the default TCP liveness', checkoutWith({ health: { readiness: { tcp: true } } }), ['health.readiness']],
  ['replicas next to autoscaling', checkoutWith({ replicas: 3, autoscaling: { minReplicas: 2, maxReplicas: 6 } }), ['replicas']],
  [
    'liveness turned off without acknowledgement',
    checkoutWith({ health: { readiness: { path: '/readyz' }, liveness: false } }),
    ['health.liveness'],
  ],
  ['a CPU limit below the request', checkoutWith({ resources: { cpu: '1', cpuLimit: '500m' } }), ['resources.cpuLimit']],
  [
    'a maximum startup below the typical one',
    checkoutWith({ startup: { typicalSeconds: 100, maxSeconds: 90 } }),
    ['startup.typicalSeconds'],
  ],
  [
    'liveness identical to readiness',
    checkoutWith({ health: { readiness: { path: '/health' }, liveness: { path: '/health' } } }),
    ['health.liveness'],
  ],
  [
    'a grace override shorter than preStop + drain + 5',
    checkoutWith({ overrides: { terminationGracePeriodSeconds: 20 } }),
    ['overrides.terminationGracePeriodSeconds'],
  ],
  ['no surge with no unavailability', checkoutWith({ overrides: { maxSurge: 0 } }), ['overrides.maxSurge']],
  [
    'a startup window shorter than 1.5 x the slowest start',
    checkoutWith({ overrides: { startup: { failureThreshold: 3 } } }),
    ['overrides.startup.failureThreshold'],
  ],
  ['a grace period over ten minutes', checkoutWith({ drainSeconds: 700 }), ['drainSeconds']],
  ['the sleep action before Kubernetes 1.30', checkoutWith({ preStop: { type: 'sleep' } }), ['preStop.type']],
  ['exec sleep in a known distroless image', checkoutWith({ image: 'gcr.io/distroless/static-debian12:nonroot' }), ['preStop.type']],
  ['exec sleep in an image declared distroless', checkoutWith({ distroless: true, preStop: { type: 'exec' } }), ['preStop.type']],
  ['an httpGet preStop hook without a path', checkoutWith({ preStop: { type: 'http' } }), ['preStop.path']],
  [
    'an acknowledgement that excuses nothing',
    checkoutWith({ acknowledge: { singleReplica: 'we like to be safe here' } }),
    ['acknowledge.singleReplica'],
  ],
  [
    'the latest tag on an init container and a sidecar',
    checkoutWith({
      initContainers: [{ ...MIGRATE, image: 'ghcr.io/acme/checkout:latest' }],
      sidecars: [{ ...SIDECAR, image: 'ghcr.io/acme/proxy:latest' }],
    }),
    ['initContainers[0].image', 'sidecars[0].image'],
  ],
  [
    'two containers with one name',
    checkoutWith({ initContainers: [MIGRATE], sidecars: [{ ...SIDECAR, name: 'migrate' }] }),
    ['sidecars[0].name'],
  ],
  [
    'sidecar ports that clash with the serving port and each other',
    checkoutWith({
      sidecars: [
        {
          ...SIDECAR,
          ports: [
            { name: 'http', port: 8080 },
            { name: 'a', port: 9 },
            { name: 'a', port: 9 },
          ],
        },
      ],
    }),
    ['sidecars[0].ports[0].name', 'sidecars[0].ports[0].port', 'sidecars[0].ports[2].name', 'sidecars[0].ports[2].port'],
  ],
  [
    'a sidecar health check without a port',
    checkoutWith({ sidecars: [{ ...SIDECAR, ports: undefined }] }),
    ['sidecars[0].health.startup.port'],
  ],
  [
    'a sidecar start time without a health check',
    checkoutWith({ sidecars: [{ ...SIDECAR, health: undefined, startSeconds: 20 }] }),
    ['sidecars[0].startSeconds'],
  ],
  [
    'distroless sidecars on Kubernetes 1.28, declared and detected',
    checkoutWith({
      sidecars: [
        { ...SIDECAR, distroless: true },
        { name: 'agent', image: 'cgr.dev/chainguard/static:20240101' },
      ],
    }),
    ['sidecars[0].distroless', 'sidecars[1].image'],
  ],
  [
    'CPU limits of added containers: removed without a reason, and below the request',
    checkoutWith({
      initContainers: [{ ...MIGRATE, resources: { cpu: '2', cpuLimit: '1' } }],
      sidecars: [{ ...SIDECAR, resources: { cpuLimit: false } }],
    }),
    ['initContainers[0].resources.cpuLimit', 'sidecars[0].resources.cpuLimit'],
  ],
  [
    'a grace override that cuts the native sidecars off',
    checkoutWith({ kubernetesVersion: '1.29', sidecars: [SIDECAR], overrides: { terminationGracePeriodSeconds: 45 } }),
    ['overrides.terminationGracePeriodSeconds', 'invariant 13 (sidecarsOutliveDrain)'],
  ],
  [
    'a grace override shorter than an ordinary sidecar and a mesh proxy need',
    checkoutWith({ sidecars: [SIDECAR], mesh: 'istio', overrides: { terminationGracePeriodSeconds: 50 } }),
    ['overrides.terminationGracePeriodSeconds', 'sidecar cloud-sql-proxy: SIGTERM at 40 s'],
  ],
  [
    'a progress deadline override that ignores the init phase',
    checkoutWith({ initContainers: [MIGRATE], overrides: { progressDeadlineSeconds: 400 } }),
    ['overrides.progressDeadlineSeconds', 'init 300'],
  ],
  [
    'an ALB whose declared annotations set derived settings and the deregistration delay',
    checkoutWith({
      traffic: { platform: 'aws-alb' },
      ingress: {
        annotations: {
          'alb.ingress.kubernetes.io/target-type': 'instance',
          'alb.ingress.kubernetes.io/target-group-attributes': 'slow_start.duration_seconds=30, deregistration_delay.timeout_seconds =5',
        },
      },
    }),
    ['ingress.annotations.alb.ingress.kubernetes.io/target-type', 'ingress.annotations.alb.ingress.kubernetes.io/target-group-attributes'],
  ],
  [
    'an ALB with a TCP readiness check, which it cannot make',
    checkoutWith({ traffic: { platform: 'aws-alb' }, health: { readiness: { tcp: true, port: 9000 } }, ingress: {} }),
    ['health.readiness'],
  ],
  ['an Ingress of class alb on another platform', checkoutWith({ ingress: { className: 'alb' } }), ['traffic.platform']],
  ['a LoadBalancer Service without aws-nlb', checkoutWith({ service: { type: 'LoadBalancer' } }), ['service.type']],
  ['a worker with a way in', checkoutWith({ kind: 'worker', route: { parentRefs: [{ name: 'gw' }] } }), ['route']],
  [
    'a health check interval no longer than its timeout',
    checkoutWith({
      traffic: { platform: 'aws-alb' },
      ingress: {},
      overrides: { loadBalancer: { healthCheckIntervalSeconds: 5, healthCheckTimeoutSeconds: 9 } },
    }),
    ['overrides.loadBalancer.healthCheckIntervalSeconds'],
  ],
  [
    'a deregistration delay past the grace period',
    checkoutWith({
      traffic: { platform: 'aws-nlb' },
      service: { type: 'LoadBalancer' },
      overrides: { loadBalancer: { deregistrationDelaySeconds: 300 } },
    }),
    ['overrides.loadBalancer.deregistrationDelaySeconds'],
  ],
  [
    'a load balancer that gives up sooner than readiness',
    checkoutWith({ traffic: { platform: 'aws-alb' }, ingress: {}, overrides: { loadBalancer: { unhealthyThresholdCount: 2 } } }),
    ['overrides.loadBalancer.unhealthyThresholdCount'],
  ],
  [
    'routes to one Gateway: listeners named twice, or not at all',
    checkoutWith({
      route: {
        parentRefs: [
          { name: 'gw' },
          { name: 'gw', sectionName: 'a' },
          { name: 'gw', namespace: 'x', sectionName: 'a' },
          { name: 'gw', namespace: 'x', sectionName: 'a' },
        ],
      },
    }),
    ['route.parentRefs[0]', 'route.parentRefs[2]', 'route.parentRefs[3]'],
  ],
  ['services on an HTTPRoute', checkoutWith({ route: { parentRefs: [{ name: 'gw' }], services: ['a.B'] } }), ['route.services']],
  [
    'a way in that names no peers while others do, and a peer that is both pods and a network',
    checkoutWith({
      networkPolicy: { ingressFrom: [{ cidr: '10.0.0.0/16', podLabels: {} }] },
      ingress: {},
      route: { parentRefs: [{ name: 'gw' }] },
    }),
    ['networkPolicy.ingressFrom[0].cidr', 'ingress.from', 'route.from'],
  ],
  [
    'load-balancer overrides without a load balancer',
    checkoutWith({ overrides: { loadBalancer: { deregistrationDelaySeconds: 30 } } }),
    ['overrides.loadBalancer'],
  ],
];

// The configuration rows (test/support/configuration-rejections.ts), named by their path's fields.
const named = (face: 'schema' | 'templates'): Rejection[] =>
  REJECTION_TABLES.filter(([, row]) => row.helm === face).map(([description, row]) => [
    description,
    row.declaration,
    face === 'templates' ? [row.path] : row.path.split(/[.[\]]+/).filter((segment) => segment !== '' && !/^\d+$/.test(segment)),
  ]);
SCHEMA_REJECTIONS.push(...named('schema'));
TEMPLATE_REJECTIONS.push(...named('templates'));

helmDescribe('both faces reject, and each message names the field', () => {
  test.each([...SCHEMA_REJECTIONS, ...TEMPLATE_REJECTIONS])('%s', async (_, declaration, fields) => {
    const typescript = typescriptFace(declaration);
    const rendered = await helmFace(declaration);
    expect(typescript.error).toBeDefined();
    expect(rendered.error).toBeDefined();
    for (const field of fields) {
      expect(typescript.error).toContain(field);
      expect(rendered.error).toContain(field);
    }
  });
});

helmTest.each(SCHEMA_REJECTIONS)("helm's schema validation rejects %s", async (_, declaration) => {
  expect(isSchemaRejection(await helmFace(declaration))).toBe(true);
});

helmTest.each(TEMPLATE_REJECTIONS)('the templates reject %s with the TypeScript message, word for word', async (_, declaration) => {
  expect((await helmFace(declaration)).error).toBe(typescriptFace(declaration).error);
});

// Helm renders templates in reverse order of their names; templates/validate.yaml resolves the declaration before any object template.
helmTest.each([
  ['a web workload', checkoutWith({ replicas: 1 })],
  ['a cronjob', nightlyWith({ schedule: { cron: '0 2 30 2 *' } })],
])('the templates refuse %s at templates/validate.yaml, not inside an object template', async (_, declaration) => {
  const { stderr } = await helmAsync(helmTemplateArgs(valuesFile(declaration)));
  expect(stderr).toMatch(
    /^Error: execution error at \(hardened-workloads\/templates\/validate\.yaml:\d+:\d+\): Invalid workload declaration/,
  );
});

helmTest('every problem of a stage is reported at once, in the same order', async () => {
  const declaration = checkoutWith({
    replicas: 1,
    port: undefined,
    preStop: { type: 'sleep' },
    startup: { typicalSeconds: 100, maxSeconds: 90 },
  });
  const { error } = typescriptFace(declaration);
  expect(error).toContain('(5 problems)');
  expect((await helmFace(declaration)).error).toBe(error);
});

/**
 * Helm deletes a key that a values file sets to null when values.yaml has a default for it, so the
 * default is gone and the schema never sees the null. Every such key, read from values.yaml itself,
 * must still be rejected as the constructs reject a null there.
 */
function keysWithDefaults(map: YAMLMap, prefix = ''): string[] {
  return map.items.flatMap((pair) => {
    const path = `${prefix}${String((pair.key as { value: unknown }).value)}`;
    return [path, ...(isMap(pair.value) ? keysWithDefaults(pair.value, `${path}.`) : [])];
  });
}
const DEFAULTED = keysWithDefaults(parseDocument(readFileSync(join(ROOT, 'values.yaml'), 'utf8')).contents as YAMLMap);

helmTest.each(DEFAULTED)('null for %s, which values.yaml sets, is rejected with the TypeScript message', async (path) => {
  const declaration = structuredClone(CHECKOUT) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let node = declaration;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = null;
  const { error } = typescriptFace(declaration);
  expect(error).toContain(`- ${path}: null`);
  expect((await helmFace(declaration)).error).toBe(error);
});

// YAML's .inf and .nan never reach the chart: Helm converts a values file to JSON first, and JSON has
// neither, so Helm refuses the file naming the value as it is (+Inf, NaN), not as null or a number.
// The TypeScript face names the field as well (test/rejections.test.ts).
helmTest.each([
  ['.inf', '+Inf'],
  ['-.inf', '-Inf'],
  ['.nan', 'NaN'],
])('Helm refuses drainSeconds: %s as %s, before the templates run', async (written, shown) => {
  const file = join(mkdtempSync(join(tmpdir(), 'hw-inf-')), 'values.yaml');
  writeFileSync(file, `${stringify(checkoutWith({ drainSeconds: undefined }))}drainSeconds: ${written}\n`);
  const { status, stderr } = await helmAsync(helmTemplateArgs(file));
  expect(status).not.toBe(0);
  expect(stderr).toContain(`json: unsupported value: ${shown}`);
});
