import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { readDeclarations } from '../src';
import { exampleFiles } from '../examples/main';
import {
  clean,
  overrides,
  SEED,
  validCronJobDeclaration,
  validDeclaration,
  validJobDeclaration,
  withOverrides,
} from './support/arbitraries';
import { CHECKOUT_ANNOTATIONS, checkoutWith, migrationWith, nightlyWith } from './support/declarations';
import { wideDeclaration, wideJobDeclaration } from './support/helm-declarations';
import {
  byKindAndName,
  helm,
  helmFace,
  helmTemplateArgs,
  isSchemaRejection,
  NAMESPACE,
  pooled,
  renderedObjects,
  ROOT,
  typescriptFace,
  helmDescribe,
  helmTest,
} from './support/helm';

/**
 * Parity: for every declaration, `helm template` renders exactly the objects the constructs
 * synthesize (deep-equal after parsing), or both faces reject it — where the templates reject,
 * with the very same message. Every test runs the real helm.
 */

/** Renders declarations with helm a few at a time; CI machines have two cores. */
async function bothFaces(declarations: readonly unknown[]) {
  return pooled(declarations, 4, async (declaration) => ({
    declaration,
    helm: await helmFace(declaration),
    typescript: typescriptFace(declaration),
  }));
}

// The example files themselves are the values files, so that helm's own YAML reading is part of it.
helmDescribe('every example renders the objects the constructs synthesize', () => {
  test.each(exampleFiles().map((file) => [basename(file)]))('%s', (file) => {
    const path = join(ROOT, 'examples', file);
    const [declaration] = readDeclarations(path);
    const typescript = typescriptFace(declaration);
    expect(typescript.objects).toBeDefined();
    const result = helm(helmTemplateArgs(path));
    expect(result.stderr).toBe('');
    expect(byKindAndName(renderedObjects(result))).toEqual(typescript.objects);
  });
});

helmTest('a declaration file means the same to both faces, read as YAML 1.1 as Helm reads it', () => {
  // 010 and a file mode 0440 are octal (8, 288) and `yes` is true in YAML 1.1; 1:30 and a date stay strings in Helm's parser.
  const text = [
    'name: checkout',
    'image: ghcr.io/acme/checkout:1.4.2',
    'port: 8080',
    'replicas: 010',
    'health: { readiness: { path: /readyz } }',
    'startup: { maxSeconds: 90 }',
    'drainSeconds: 30',
    'env: { WINDOW: 1:30, RELEASED: 2001-12-14 }',
    'distroless: no',
    'files: { tls: { path: /etc/tls, secret: db-tls, mode: 0440 } }',
  ].join('\n');
  const path = join(mkdtempSync(join(tmpdir(), 'hardened-yaml11-')), 'values.yaml');
  writeFileSync(path, text);
  const [declaration] = readDeclarations(path);
  expect(declaration).toMatchObject({
    replicas: 8,
    distroless: false,
    env: { WINDOW: '1:30', RELEASED: '2001-12-14' },
    files: { tls: { mode: 288 } },
  });
  const result = helm(helmTemplateArgs(path));
  expect(result.stderr).toBe('');
  expect(byKindAndName(renderedObjects(result))).toEqual(typescriptFace(declaration).objects);
});

helmTest('the review annotations are the same, word for word', async () => {
  const declaration = checkoutWith({ replicas: 1, acknowledge: { singleReplica: 'preview environment, downtime is fine' } });
  const { objects } = await helmFace(declaration);
  expect((objects!['Deployment/checkout'] as { metadata: { annotations: unknown } }).metadata.annotations).toEqual({
    ...CHECKOUT_ANNOTATIONS,
    'hardened-workloads.io/acknowledged': 'singleReplica: preview environment, downtime is fine',
  });
});

helmTest('every object lands in the release namespace, as the constructs put every object in their chart namespace', async () => {
  const rendered = (await helmFace(checkoutWith({ replicas: undefined, autoscaling: { maxReplicas: 4 } }))).objects!;
  expect(Object.values(rendered).map((object) => (object as { metadata: { namespace?: string } }).metadata.namespace)).toEqual(
    Array(6).fill(NAMESPACE),
  );
});

/**
 * Values a template can easily get wrong: keys YAML reads as other types, empty lists and
 * selectors (which mean something), empty strings, characters JSON and YAML escape.
 */
const EDGES: Array<[string, Record<string, unknown>]> = [
  ['label keys YAML would read as numbers, booleans or null', { labels: { '0x10': 'a', true: 'b', null: 'c', '1e3': 'd', '': 'e' } }],
  ['an empty list of egress destinations: DNS only', { networkPolicy: { egressTo: [] } }],
  ['an egress destination with an empty list of ports', { networkPolicy: { egressTo: [{ cidr: '10.0.0.0/8', ports: [] }] } }],
  // A peer `{}` names nothing and the API refuses it (test/support/edge-rejections.ts); empty selectors match everything.
  ['empty peer selectors, which match everything', { networkPolicy: { ingressFrom: [{ namespaceLabels: {} }, { podLabels: {} }] } }],
  ['peer labels with YAML-ambiguous keys and values', { networkPolicy: { ingressFrom: [{ podLabels: { no: 'on', yes: '010' } }] } }],
  ['empty args', { args: [] }],
  [
    'acknowledgement reasons with quotes, a colon, a backslash and letters beyond ASCII, written alike in the annotation',
    {
      replicas: 1,
      acknowledge: { singleReplica: 'ops said: "keep it" \\ café ✓ 日本 — until Q3', noCpuLimit: "it's 'measured': 100%" },
      resources: { cpu: '250m', memory: '256Mi', cpuLimit: false },
    },
  ],
  ['an empty gRPC service name', { health: { readiness: { grpc: { service: '' } } } }],
  ['environment values with quotes, newlines, & < > and line separators', { env: { A: 'a "b"\n c', B: '<&>', C: 'x\u2028y\u0085z' } }],
  [
    'container names a JavaScript object would order as numbers, in declared order everywhere',
    {
      kubernetesVersion: '1.29',
      initContainers: [
        { name: '6', image: 'ghcr.io/acme/checkout:1.4.2', maxSeconds: 60 },
        { name: '3', image: 'ghcr.io/acme/checkout:1.4.2', maxSeconds: 30 },
      ],
      sidecars: [
        { name: '10', image: 'ghcr.io/acme/proxy:2.0.0', health: { startup: { exec: ['/bin/up'] } } },
        { name: '2', image: 'ghcr.io/acme/agent:1.0.0' },
      ],
    },
  ],
  [
    'config files with NUL, CRLF, emoji, combining marks and line separators, under keys YAML reads as other types',
    {
      configFiles: {
        '010': { path: '/etc/app/a.conf', content: 'a\r\nnul \u0000 🚀 e\u0301 \u2028\n' },
        true: { path: '/etc/app/b.conf', content: '\u0085\ufeff"q" \\ <&>' },
        '.env': { path: '/app/.env', content: '' },
      },
    },
  ],
  [
    'annotations with YAML-ambiguous keys and values',
    { podAnnotations: { true: 'on', null: '~', 'example.com/x': '010' }, serviceAccount: { annotations: { '1e3': 'no' } } },
  ],
  [
    'every environment source, in a list that refers back',
    {
      env: [
        { name: 'POD', pod: 'name' },
        { name: 'HEAP', resource: { field: 'limits.memory', divisor: '1Mi' } },
        { name: 'PASS', secret: { name: 'db', key: 'password', optional: false } },
        { name: 'FLAGS', configMap: { name: 'flags', key: 'on', optional: true } },
        { name: 'URL', value: 'http://$(POD):$(HEAP)/$$(PASS)' },
      ],
      envFrom: [{ secret: 'db', prefix: 'DB_', optional: false }, { configMap: 'settings' }],
    },
  ],
  [
    'empty lists and maps of every new field',
    {
      env: [],
      envFrom: [],
      files: { a: { path: '/etc/a', secret: 's', items: {} } },
      configFiles: {},
      scratch: {},
      imagePullSecrets: [],
      podAnnotations: {},
      serviceAccount: { annotations: {} },
      scheduling: { nodeSelector: {}, tolerations: [], nodeAffinity: {} },
    },
  ],
  ['an Ingress for every host and path, without a class', { ingress: {} }],
  [
    'an ALB Ingress with wildcard and punycode hosts, TLS, declared target group attributes and any text in annotations',
    {
      traffic: { platform: 'aws-alb' },
      ingress: {
        hosts: ['*.example.com', 'xn--bcher-kva.example'],
        paths: ['/', "/a-b_c~d/!$&'()*+,;=:@"],
        tlsSecretName: 'wildcard.example.com',
        annotations: {
          'alb.ingress.kubernetes.io/target-group-attributes': 'stickiness.enabled=true',
          'example.com/note': 'x\u2028y "z" \u00e9',
        },
      },
    },
  ],
  [
    'attributes that only look like the deregistration delay are kept',
    {
      traffic: { platform: 'aws-alb' },
      ingress: { annotations: { 'alb.ingress.kubernetes.io/target-group-attributes': '\u00a0deregistration_delay.timeout_seconds=1' } },
    },
  ],
  [
    'an ALB gRPC health check on its own port',
    { traffic: { platform: 'aws-alb' }, health: { readiness: { grpc: { service: 'x' }, port: 9000 } }, ingress: {} },
  ],
  [
    'an NLB checking a TCP connection',
    { traffic: { platform: 'aws-nlb' }, health: { readiness: { exec: ['/ready'] } }, service: { type: 'LoadBalancer' } },
  ],
  [
    'an NLB checking HTTPS on the readiness port',
    {
      traffic: { platform: 'aws-nlb' },
      health: { readiness: { path: '/readyz', port: 8443, scheme: 'HTTPS' } },
      service: { type: 'LoadBalancer', from: [{ cidr: 'fd00::/8' }] },
    },
  ],
  [
    'load-balancer overrides that break both invariants, acknowledged',
    {
      traffic: { platform: 'aws-nlb' },
      service: { type: 'LoadBalancer' },
      overrides: { loadBalancer: { deregistrationDelaySeconds: 3600, unhealthyThresholdCount: 2, healthCheckIntervalSeconds: 5 } },
      acknowledge: {
        deregistrationDelay: 'the NLB drains long-lived streams',
        loadBalancerHealthCheck: 'measured: the endpoint answers fast',
      },
    },
  ],
  // Boundaries a template can get wrong that random samples rarely hit (issue 21 §6): fixed cases, run on every test run.
  [
    'a distroless sidecar on Kubernetes 1.29, the first version with native sidecars (1.28 is refused)',
    { kubernetesVersion: '1.29', sidecars: [{ name: 'agent', image: 'gcr.io/distroless/static-debian12:nonroot' }] },
  ],
  [
    'a startup window where the 1.5 factor and its rounding up matter: f_s = ceil(1.5 × 91 / 4) = 35',
    { startup: { typicalSeconds: 31, maxSeconds: 91 } },
  ],
  ['a grace margin that rounds up: M = ceil((10 + 47) / 10) = 6', { drainSeconds: 47 }],
  [
    'acknowledgements under the names of the check rules, cpuLimit and probeTimeout (the ids inside stay noCpuLimit and readinessTimeout)',
    {
      resources: { cpu: '250m', memory: '256Mi', cpuLimit: false },
      overrides: { readiness: { timeoutSeconds: 1 } },
      acknowledge: { cpuLimit: 'latency-sensitive, throttling hurts', probeTimeout: 'the endpoint answers in 2 ms' },
    },
  ],
  ['a GRPCRoute to every service', { route: { kind: 'GRPCRoute', parentRefs: [{ name: 'gw', sectionName: 'grpc' }] } }],
  [
    'peers from every way in: pods and networks, in order',
    {
      traffic: { platform: 'aws-nlb' },
      networkPolicy: { ingressFrom: [{ podLabels: { role: 'frontend' } }] },
      ingress: { className: 'nginx', from: [{ namespaceLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } }, { podLabels: {} }] },
      route: { parentRefs: [{ name: 'gw' }], hostnames: ['shop.example.com'], paths: ['/api'], from: [{ cidr: '10.0.0.0/16' }] },
      service: {
        type: 'LoadBalancer',
        annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' },
        from: [{ cidr: '0.0.0.0/0' }],
      },
    },
  ],
];

helmTest.each(EDGES)('edge: %s', async (_, changes) => {
  const declaration = checkoutWith(changes);
  const typescript = typescriptFace(declaration);
  expect(typescript.objects).toBeDefined();
  expect(await helmFace(declaration)).toEqual(typescript);
});

/**
 * Hundreds of helm renders in one test: minutes on a two-core machine, more under load. A longer
 * limit than jest's 60 s, so that a slow machine is not reported as a mismatch between the faces.
 */
const RANDOM_PARITY_TIMEOUT_MS = 600_000;

helmDescribe('random declarations (seeded)', () => {
  test(
    '250 valid declarations give deep-equal objects',
    async () => {
      const declarations = fc.sample(validDeclaration, { seed: SEED, numRuns: 250 }).map(clean);
      for (const { declaration, helm: rendered, typescript } of await bothFaces(declarations)) {
        expect({ declaration, ...rendered }).toEqual({ declaration, ...typescript });
      }
    },
    RANDOM_PARITY_TIMEOUT_MS,
  );

  test(
    '250 declarations with random overrides and acknowledgements: the same objects, or the same rejection word for word',
    async () => {
      const declarations = fc
        .sample(fc.tuple(validDeclaration, overrides), { seed: SEED + 1, numRuns: 250 })
        .map(([declaration, extra]) => withOverrides(declaration, extra));
      const outcomes = await bothFaces(declarations);
      for (const { declaration, helm: rendered, typescript } of outcomes) {
        expect({ declaration, ...rendered }).toEqual({ declaration, ...typescript });
      }
      // Both outcomes must be exercised, or this test proves less than it says (about 3 in 10 are accepted).
      const accepted = outcomes.filter(({ typescript }) => typescript.objects).length;
      expect(accepted).toBeGreaterThan(60);
      expect(outcomes.length - accepted).toBeGreaterThan(75);
    },
    RANDOM_PARITY_TIMEOUT_MS,
  );

  test(
    '300 declarations using every optional field and any text: the same objects, or the same rejection word for word',
    async () => {
      const outcomes = await bothFaces(fc.sample(wideDeclaration, { seed: SEED + 2, numRuns: 300 }));
      for (const { declaration, helm: rendered, typescript } of outcomes) {
        expect({ declaration, ...rendered }).toEqual({ declaration, ...typescript });
      }
      // Every draw reaches the templates (none stops at the schema), and both outcomes are frequent.
      expect(outcomes.filter(({ helm: rendered }) => isSchemaRejection(rendered))).toEqual([]);
      const accepted = outcomes.filter(({ typescript }) => typescript.objects).length;
      expect(accepted).toBeGreaterThan(100);
      expect(outcomes.length - accepted).toBeGreaterThan(100);
    },
    RANDOM_PARITY_TIMEOUT_MS,
  );
});

helmDescribe('schedules people write and the limits they reach for (issue 18)', () => {
  test.each([
    ['every minute, a 20 s run', nightlyWith({ schedule: { cron: '* * * * *' }, run: { maxSeconds: 20 } })],
    ['every 5 minutes, a 2 min run', nightlyWith({ schedule: { cron: '*/5 * * * *' }, run: { maxSeconds: 120 } })],
    ['every 15 minutes, a 4 min run', nightlyWith({ schedule: { cron: '*/15 * * * *' }, run: { maxSeconds: 240 } })],
    [
      'the nightly report of at most 40 minutes, in Berlin',
      nightlyWith({ schedule: { cron: '0 2 * * *', timeZone: 'Europe/Berlin' }, run: { maxSeconds: 2400 } }),
    ],
  ])('%s: the same objects with the defaults', async (_, declaration) => {
    const [rendered, typescript] = [await helmFace(declaration), typescriptFace(declaration)];
    expect(typescript.objects).toBeDefined();
    expect(rendered).toEqual(typescript);
  });

  test.each([
    ['a Job deadline that fits 2 attempts', migrationWith({ overrides: { activeDeadlineSeconds: 4100 } })],
    ['a TTL of 0 on a job', migrationWith({ overrides: { ttlSecondsAfterFinished: 0 } })],
    [
      'every limit of a cronjob',
      nightlyWith({ overrides: { activeDeadlineSeconds: 9000, startingDeadlineSeconds: 600, ttlSecondsAfterFinished: 86400 } }),
    ],
    [
      'a deadline shorter than one attempt, acknowledged',
      migrationWith({
        overrides: { activeDeadlineSeconds: 1900 },
        acknowledge: { attemptFitsDeadline: 'the platform ends batch Jobs at 1900 s' },
      }),
    ],
    ['a deadline shorter than one run (refused)', migrationWith({ overrides: { activeDeadlineSeconds: 1000 } })],
    [
      'a starting deadline into the next run, in Berlin (refused)',
      nightlyWith({
        schedule: { cron: '0 * * * *', timeZone: 'Europe/Berlin' },
        run: { maxSeconds: 600 },
        overrides: { startingDeadlineSeconds: 3000 },
      }),
    ],
  ])('%s: the same objects, or the same refusal word for word', async (_, declaration) => {
    expect(await helmFace(declaration)).toEqual(typescriptFace(declaration));
  });
});

helmDescribe('random jobs (seeded)', () => {
  test(
    '100 valid jobs give deep-equal objects',
    async () => {
      const declarations = fc.sample(validJobDeclaration, { seed: SEED + 3, numRuns: 100 }).map(clean);
      for (const { declaration, helm: rendered, typescript } of await bothFaces(declarations)) {
        expect({ declaration, ...rendered }).toEqual({ declaration, ...typescript });
      }
    },
    RANDOM_PARITY_TIMEOUT_MS,
  );

  test(
    '60 valid cronjobs, random schedules and time zones included, give deep-equal objects',
    async () => {
      const declarations = fc.sample(validCronJobDeclaration, { seed: SEED + 5, numRuns: 60 }).map(clean);
      for (const { declaration, helm: rendered, typescript } of await bothFaces(declarations)) {
        expect({ declaration, ...rendered }).toEqual({ declaration, ...typescript });
      }
    },
    RANDOM_PARITY_TIMEOUT_MS,
  );

  test(
    '150 jobs and cronjobs using every optional field and any text: the same objects, or the same rejection word for word',
    async () => {
      const outcomes = await bothFaces(fc.sample(wideJobDeclaration, { seed: SEED + 4, numRuns: 150 }));
      for (const { declaration, helm: rendered, typescript } of outcomes) {
        expect({ declaration, ...rendered }).toEqual({ declaration, ...typescript });
      }
      expect(outcomes.filter(({ helm: rendered }) => isSchemaRejection(rendered))).toEqual([]);
      const accepted = outcomes.filter(({ typescript }) => typescript.objects).length;
      // About one in five is accepted: the wide base is often refused for reasons of its own.
      expect(accepted).toBeGreaterThan(20);
      expect(outcomes.length - accepted).toBeGreaterThan(30);
    },
    RANDOM_PARITY_TIMEOUT_MS,
  );
});
