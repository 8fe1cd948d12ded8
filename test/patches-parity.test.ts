import fc from 'fast-check';
import { clean, SEED, validCronJobDeclaration, validDeclaration, validJobDeclaration, withPatches } from './support/arbitraries';
import { checkoutWith } from './support/declarations';
import { helmDescribe, helmFace, helmTest, pooled, typescriptFace } from './support/helm';
import { PATCH_REJECTIONS } from './support/patch-rejections';

/**
 * `patches` in both faces: a harmless patch lands identically in the objects `helm template`
 * renders and the constructs synthesize; a refused or rule-breaking one fails both with the same
 * message, word for word (README, "When the declaration cannot say it: patches").
 */

async function bothFaces(declarations: readonly unknown[]) {
  return pooled(declarations, 4, async (declaration) => ({
    declaration,
    helm: await helmFace(declaration),
    typescript: typescriptFace(declaration),
  }));
}

const HARMLESS = checkoutWith({
  patches: {
    Deployment: {
      object: {
        spec: { template: { spec: { dnsConfig: { options: [{ name: 'ndots', value: '2' }] }, topologySpreadConstraints: null } } },
      },
      containers: { checkout: { stdin: false, terminationMessagePolicy: 'FallbackToLogsOnError' } },
    },
    Service: { object: { metadata: { annotations: { 'example.com/owner': 'payments' } } } },
  },
});

helmTest('a harmless patch lands identically in both faces, with the same annotation', async () => {
  const [{ helm, typescript }] = await bothFaces([HARMLESS]);
  expect(typescript.objects).toBeDefined();
  expect(helm.objects).toEqual(typescript.objects);
  const deployment = typescript.objects!['Deployment/checkout'] as { metadata: { annotations: Record<string, string> } };
  expect(deployment.metadata.annotations['hardened-workloads.io/patched']).toContain(
    'spec.template.spec.topologySpreadConstraints (deleted)',
  );
});

helmTest('an acknowledged departure from the restricted standard lands identically in both faces', async () => {
  const declaration = checkoutWith({
    patches: { Deployment: { object: { spec: { template: { spec: { volumes: [{ name: 'tmp', hostPath: { path: '/var/tmp' } }] } } } } } },
    acknowledge: { volumeTypes: 'the agent shares the host scratch folder' },
  });
  const [{ helm, typescript }] = await bothFaces([declaration]);
  expect(typescript.objects).toBeDefined();
  expect(helm.objects).toEqual(typescript.objects);
});

helmDescribe('a refused patch fails both faces with the same message', () => {
  const cases: Array<[string, unknown]> = [
    ...PATCH_REJECTIONS.map(([description, row]): [string, unknown] => [description, row.declaration]),
    [
      'a patch that breaks two controls at once',
      checkoutWith({ patches: { Deployment: { containers: { checkout: { securityContext: { privileged: true, runAsUser: 0 } } } } } }),
    ],
    [
      'an acknowledgement no patch needs',
      checkoutWith({
        patches: { ServiceAccount: { object: { metadata: { labels: { a: 'b' } } } } },
        acknowledge: { volumeTypes: 'nothing to excuse at all' },
      }),
    ],
    [
      'a patch of an object this declaration does not make',
      checkoutWith({ patches: { Ingress: { object: { metadata: { labels: { a: 'b' } } } } } }),
    ],
    ['a patch replacing a whole subtree that holds a selector', checkoutWith({ patches: { Service: { object: { spec: null } } } })],
  ];
  test.each(cases)('%s', async (_, declaration) => {
    const [{ helm, typescript }] = await bothFaces([declaration]);
    expect(typescript.error).toBeDefined();
    expect(helm.error).toBe(typescript.error);
  });
});

helmTest(
  'random harmless patches of random workloads of every kind land identically in both faces',
  async () => {
    const declarations = [
      ...fc.sample(
        validDeclaration.chain((declaration) => withPatches(clean(declaration))),
        { seed: SEED + 40, numRuns: 20 },
      ),
      ...fc.sample(
        validJobDeclaration.chain((declaration) => withPatches(clean(declaration))),
        { seed: SEED + 41, numRuns: 6 },
      ),
      ...fc.sample(
        validCronJobDeclaration.chain((declaration) => withPatches(clean(declaration))),
        { seed: SEED + 42, numRuns: 6 },
      ),
    ].map(clean);
    const outcomes = await bothFaces(declarations);
    for (const { declaration, helm, typescript } of outcomes) {
      expect({ declaration, error: typescript.error }).toEqual({ declaration, error: undefined });
      expect(helm.objects).toEqual(typescript.objects);
    }
  },
  600_000,
);
