import { stringify } from 'yaml';
import { checkManifests, synthesizeObjects, type WorkloadSpec } from '../../src';
import { adoptManifests } from '../../src/adopt/infer';
import type { KubernetesObject } from '../../src/manifests/objects';
import { checkoutWith } from '../support/declarations';
import { helmFace, helmTest, typescriptFace } from '../support/helm';

/**
 * The `hardened-workloads.io/declared` annotation carries every timing input of a starting pod, so
 * that `adopt` reads them back even where no probe shows them (issue 20's round trip), while `check`
 * and `adopt` still read the annotation as written before `startupTypicalSeconds` and
 * `probeLatencyMs` were added to it.
 */
const DECLARED = 'hardened-workloads.io/declared';

/** A node agent with no probe at all: its typical start and probe latency show nowhere in the pod. */
const AGENT = {
  name: 'agent',
  image: 'registry.example.com/team/agent:1.4.0',
  kind: 'daemon',
  startup: { maxSeconds: 91, typicalSeconds: 1 },
  drainSeconds: 0,
  probeLatencyMs: 2000,
  health: { liveness: false },
  acknowledge: { noLiveness: 'the process exits by itself when wedged' },
  resources: { cpu: '50m', memory: '128Mi' },
} as unknown as WorkloadSpec;

const workloadOf = (objects: readonly KubernetesObject[]) =>
  objects.find((object) => ['Deployment', 'DaemonSet', 'StatefulSet'].includes(String(object.kind)))!;

/** The objects with the workload's annotation as written before it carried the typical start and the latency. */
function withOldAnnotation(objects: readonly KubernetesObject[]): KubernetesObject[] {
  const old = structuredClone(objects) as KubernetesObject[];
  const annotations = (workloadOf(old).metadata as { annotations: Record<string, string> }).annotations;
  annotations[DECLARED] = annotations[DECLARED]!.replace(/ (startupTypicalSeconds|probeLatencyMs)=\d+/g, '');
  return old;
}

test('the declared annotation gives the start and stop inputs in a fixed order: max and typical start, drain, propagation, probe latency', () => {
  const objects = synthesizeObjects([AGENT]) as KubernetesObject[];
  expect(workloadOf(objects).metadata!.annotations![DECLARED]).toBe(
    'startupMaxSeconds=91 startupTypicalSeconds=1 drainSeconds=0 propagationSeconds=0 probeLatencyMs=2000',
  );
});

/** The declared annotation of the workload object a face made. */
const annotationOf = (objects: Record<string, unknown> | undefined) =>
  Object.entries(objects ?? {})
    .filter(([key]) => /^(Deployment|DaemonSet|StatefulSet)\//.test(key))
    .map(([, object]) => (object as KubernetesObject).metadata!.annotations![DECLARED]);

helmTest.each([
  [
    'a node agent with no probe',
    AGENT,
    'startupMaxSeconds=91 startupTypicalSeconds=1 drainSeconds=0 propagationSeconds=0 probeLatencyMs=2000',
  ],
  [
    "a preset's probe latency",
    checkoutWith({ preset: 'phoenix-bandit', probeLatencyMs: undefined, startup: { maxSeconds: 60 } }),
    'startupMaxSeconds=60 startupTypicalSeconds=20 drainSeconds=30 propagationSeconds=10 probeLatencyMs=1000',
  ],
])('both faces write the declared annotation word for word: %s', async (_, declaration, annotation) => {
  expect(annotationOf(typescriptFace(declaration).objects)).toEqual([annotation]);
  expect(annotationOf((await helmFace(declaration)).objects)).toEqual([annotation]);
});

test('adopt reads the typical start and the probe latency of a pod with no probe from the annotation, and the round trip holds', () => {
  const objects = synthesizeObjects([AGENT]) as KubernetesObject[];
  const [adopted] = adoptManifests(objects);
  expect(adopted!.declaration).toMatchObject({ startup: { maxSeconds: 91, typicalSeconds: 1 }, probeLatencyMs: 2000 });
  expect(adopted!.inferences.filter((inference) => inference.confirm)).toEqual([]);
  expect(synthesizeObjects([adopted!.declaration as unknown as WorkloadSpec])).toEqual(objects);
});

test('adopt leaves out a typical start and a probe latency that are the defaults', () => {
  const objects = synthesizeObjects([checkoutWith({ startup: { maxSeconds: 90, typicalSeconds: 30 }, probeLatencyMs: 500 })]);
  const [adopted] = adoptManifests(objects as KubernetesObject[]);
  expect(adopted!.declaration.startup).toEqual({ maxSeconds: 90 });
  expect(adopted!.declaration).not.toHaveProperty('probeLatencyMs');
});

test('adopt reads the annotation in its old format (no typical start, no latency): the declared times, nothing to CONFIRM', () => {
  const declaration = checkoutWith({ startup: { maxSeconds: 90 }, probeLatencyMs: undefined });
  const objects = synthesizeObjects([declaration]) as KubernetesObject[];
  const [adopted] = adoptManifests(withOldAnnotation(objects));
  expect(adopted!.declaration).toMatchObject({ startup: { maxSeconds: 90 }, drainSeconds: 30 });
  expect(adopted!.inferences.filter((inference) => inference.confirm)).toEqual([]);
  expect(synthesizeObjects([adopted!.declaration as unknown as WorkloadSpec])).toEqual(objects);
});

test('check reads the annotation in its old format as in its new one: the same declared times and findings', () => {
  const objects = synthesizeObjects([checkoutWith({})]) as KubernetesObject[];
  const checked = (input: readonly KubernetesObject[]) =>
    checkManifests([{ name: 'input.yaml', text: input.map((object) => stringify(object)).join('---\n') }]);
  const current = checked(objects);
  expect(current.workloads.map((workload) => workload.declared)).toEqual([
    { startupMaxSeconds: 90, drainSeconds: 30, propagationSeconds: 10 },
  ]);
  const old = checked(withOldAnnotation(objects));
  expect(old.workloads.map((workload) => workload.declared)).toEqual(current.workloads.map((workload) => workload.declared));
  expect(old.findings).toEqual(current.findings);
});
