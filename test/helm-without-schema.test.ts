import fc from 'fast-check';
import { clean, SEED, validDeclaration } from './support/arbitraries';
import { REJECTION_TABLES } from './support/rejection-tables';
import { checkoutWith, NIGHTLY } from './support/declarations';
import { wideDeclaration } from './support/helm-declarations';
import { helmDescribe, helmFace, helmTest, isSchemaRejection, pooled, typescriptFace } from './support/helm';

/**
 * The Helm face is safe without its schema: `helm template --skip-schema-validation` (Helm ≥ 3.16;
 * Argo CD and Flux can do the same) skips values.schema.json, so the templates must not trust it.
 * Every value they print is quoted or written as JSON, and the enums they print are checked again
 * (valueChecks in src/declaration/json-schema.ts): a render without the schema gives the same
 * objects, or the same error, as a render with it.
 */

/** A whole YAML document, appended to a value: printed unquoted, it becomes a privileged Pod. */
const INJECTED = '\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: injected}\nspec: {hostNetwork: true}';

const STATEFUL = {
  name: 'sessions',
  kind: 'stateful',
  image: 'docker.io/valkey/valkey:8.0.1',
  port: 6379,
  replicas: 3,
  kubernetesVersion: '1.30',
  health: { readiness: { exec: ['valkey-cli', 'ping'] } },
  startup: { maxSeconds: 90 },
  drainSeconds: 20,
};
const claims = (accessMode: string) => ({ volumeClaims: { data: { size: '1Gi', mountPath: '/data', accessMode } } });
const DAEMON = {
  name: 'log-shipper',
  kind: 'daemon',
  image: 'docker.io/timberio/vector:0.42.0-distroless-libc',
  health: { liveness: { exec: ['vector', 'validate'] } },
  startup: { maxSeconds: 20 },
  drainSeconds: 15,
  acknowledge: { volumeTypes: 'reads the container logs of its node from /var/log, read-only' },
};
const required = (operator: string) => ({
  nodeAffinity: { required: [{ matchExpressions: [{ key: 'disk', operator, values: ['ssd'] }] }] },
});

/** Every enum a template prints, each with a document appended: [field, declaration]. */
const INJECTIONS: Array<[string, unknown]> = [
  ['route.kind', checkoutWith({ route: { kind: `HTTPRoute${INJECTED}`, parentRefs: [{ name: 'gw' }] } })],
  ['schedule.concurrencyPolicy', { ...NIGHTLY, schedule: { cron: '0 2 * * *', concurrencyPolicy: `Forbid${INJECTED}` } }],
  ['stateful.podManagementPolicy', { ...STATEFUL, stateful: { ...claims('ReadWriteOnce'), podManagementPolicy: `Parallel${INJECTED}` } }],
  [
    'stateful.claimRetention.whenDeleted',
    { ...STATEFUL, stateful: { ...claims('ReadWriteOnce'), claimRetention: { whenDeleted: `Retain${INJECTED}` } } },
  ],
  [
    'stateful.claimRetention.whenScaled',
    { ...STATEFUL, stateful: { ...claims('ReadWriteOnce'), claimRetention: { whenScaled: `Retain${INJECTED}` } } },
  ],
  ['stateful.volumeClaims.data.accessMode', { ...STATEFUL, stateful: claims(`ReadWriteOnce${INJECTED}`) }],
  ['health.readiness.scheme', checkoutWith({ health: { readiness: { path: '/readyz', scheme: `HTTP${INJECTED}` } } })],
  ['scheduling.nodeAffinity.required[0].matchExpressions[0].operator', checkoutWith({ scheduling: required(`In${INJECTED}`) })],
  ['env.CPU.resource.field', checkoutWith({ env: { CPU: { resource: { field: `limits.cpu${INJECTED}` } } } })],
  ['env.POD.pod', checkoutWith({ env: { POD: { pod: `name${INJECTED}` } } })],
  ['daemon.hostPaths.logs.type', { ...DAEMON, daemon: { hostPaths: { logs: { path: '/var/log', type: `Directory${INJECTED}` } } } }],
];

/** Booleans a template prints, each given as a string with a document appended. */
const BOOLEAN_INJECTIONS: Array<[string, unknown]> = [
  ['env.PASSWORD.secret.optional', checkoutWith({ env: { PASSWORD: { secret: { name: 'db', key: 'pw', optional: `true${INJECTED}` } } } })],
  ['envFrom[0].optional', checkoutWith({ envFrom: [{ configMap: 'settings', optional: `true${INJECTED}` }] })],
  ['files.tls.optional', checkoutWith({ files: { tls: { path: '/etc/tls', secret: 'tls', optional: `true${INJECTED}` } } })],
  [
    'serviceAccount.mountApiToken',
    checkoutWith({
      serviceAccount: { mountApiToken: `true${INJECTED}` },
      acknowledge: { automountServiceAccountToken: 'reads its own ConfigMaps from the API' },
    }),
  ],
];

helmDescribe('without its schema, the Helm face refuses a value outside an enum with the TypeScript message', () => {
  test.each(INJECTIONS)('%s', async (field, declaration) => {
    const typescript = typescriptFace(declaration);
    expect(typescript.error).toContain(`- ${field}: `);
    expect((await helmFace(declaration, { skipSchema: true })).error).toBe(typescript.error);
  });
});

// Printed raw, the text breaks the YAML (or, written with care, adds the Pod); printed as JSON, it stays one string.
helmDescribe('without its schema, a boolean the templates print stays a value of its object', () => {
  test.each(BOOLEAN_INJECTIONS)('%s', async (_, declaration) => {
    const { objects, error } = await helmFace(declaration, { skipSchema: true });
    expect(error).toBeUndefined();
    expect(Object.keys(objects ?? {})).not.toContain('Pod/injected');
    expect(JSON.stringify(objects)).toContain(JSON.stringify(`true${INJECTED}`));
  });
});

// The template rows of every shared rejection table: found by the templates, so found without the schema too.
// Bounds are schema rules that the templates check again (valueChecks); patterns are not.
const TEMPLATE_ROWS = REJECTION_TABLES.filter(([, row]) => row.helm === 'templates' || /must be at most/.test(row.rule.source));

helmTest.each(TEMPLATE_ROWS.map(([description, row]) => [description, row.declaration]))(
  'without its schema, the templates still reject %s with the TypeScript message',
  async (_, declaration) => {
    expect((await helmFace(declaration, { skipSchema: true })).error).toBe(typescriptFace(declaration).error);
  },
);

helmTest(
  'without its schema, random valid declarations render the objects they render with it',
  async () => {
    const declarations = [
      ...fc.sample(validDeclaration, { seed: SEED + 20, numRuns: 25 }).map(clean),
      ...fc.sample(wideDeclaration, { seed: SEED + 21, numRuns: 25 }),
    ];
    const outcomes = await pooled(declarations, 4, async (declaration) => ({
      declaration,
      withSchema: await helmFace(declaration),
      withoutSchema: await helmFace(declaration, { skipSchema: true }),
    }));
    // A wide declaration that only the schema refuses says nothing here; every other one must match.
    const compared = outcomes.filter(({ withSchema }) => !isSchemaRejection(withSchema));
    expect(compared.length).toBeGreaterThan(40);
    for (const { declaration, withSchema, withoutSchema } of compared) {
      expect({ declaration, outcome: withoutSchema }).toEqual({ declaration, outcome: withSchema });
    }
    // A hundred helm renders: minutes on a two-core machine under load, so more than jest's 60 s.
  },
  600_000,
);
