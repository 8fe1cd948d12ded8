import { synthesizeObjects, type WorkloadSpec } from '../../src';
import { adoptManifests } from '../../src/adopt/infer';
import type { KubernetesObject } from '../../src/manifests/objects';
import { checkoutWith, migrationWith } from '../support/declarations';

/**
 * Declarations the random round trip (round-trip.property.test.ts) found to come back otherwise,
 * each kept as the rule it broke: adopt(synth(declaration)) synthesizes to the identical objects.
 */
function adoptedAgain(declaration: WorkloadSpec) {
  const objects = synthesizeObjects([declaration]) as KubernetesObject[];
  const [adopted] = adoptManifests(objects);
  return { objects, declaration: adopted!.declaration, again: synthesizeObjects([adopted!.declaration as unknown as WorkloadSpec]) };
}

test('a Job whose deadline is overridden keeps its declared 3 attempts: left out, they would be as many as fit the deadline', () => {
  const { objects, declaration, again } = adoptedAgain(
    migrationWith({
      run: { maxSeconds: 1, attempts: 3 },
      overrides: { activeDeadlineSeconds: 1 },
      acknowledge: {
        deadlineCoversAttempts: 'the deadline is set by the batch platform',
        attemptFitsDeadline: 'the deadline is set by the batch platform',
      },
    }),
  );
  expect(declaration.run).toMatchObject({ attempts: 3 });
  expect(again).toEqual(objects);
});

test('a route that lists a path twice keeps both matches', () => {
  const { objects, declaration, again } = adoptedAgain(checkoutWith({ route: { parentRefs: [{ name: 'public' }], paths: ['/', '/'] } }));
  expect(declaration.route).toMatchObject({ paths: ['/', '/'] });
  expect(again).toEqual(objects);
});

test("a stateful gRPC workload's headless Service port keeps the appProtocol the declaration writes: nothing is dropped", () => {
  const grpcStateful = {
    name: 'ledger',
    image: 'registry.example.com/team/ledger:1.4.0',
    kind: 'stateful',
    startup: { maxSeconds: 30 },
    drainSeconds: 10,
    health: { readiness: { grpc: {} }, liveness: { exec: ['/bin/alive'] } },
    port: 9000,
    replicas: 3,
    resources: { cpu: '50m', memory: '128Mi' },
  } as unknown as WorkloadSpec;
  const objects = synthesizeObjects([grpcStateful]) as KubernetesObject[];
  const headless = objects.find((object) => object.kind === 'Service' && object.metadata?.name === 'ledger-headless');
  expect(headless?.spec?.ports).toEqual([expect.objectContaining({ name: 'grpc', appProtocol: 'kubernetes.io/h2c' })]);
  const [adopted] = adoptManifests(objects);
  expect(adopted!.dropped).toEqual([]);
  expect(synthesizeObjects([adopted!.declaration as unknown as WorkloadSpec])).toEqual(objects);
});
