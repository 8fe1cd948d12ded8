import { synthesizeObjects, type WorkloadSpec } from '../../src';
import { adoptManifests } from '../../src/adopt/infer';
import type { KubernetesObject } from '../../src/manifests/objects';
import { CLOUD_SQL_PROXY, checkoutWith, migrationWith } from '../support/declarations';

/**
 * Declarations the random round trip (round-trip.property.test.ts) found to come back otherwise,
 * each kept as the rule it broke: adopt(synth(declaration)) synthesizes to the identical objects.
 */
function adoptedAgain(declaration: WorkloadSpec) {
  const objects = synthesizeObjects([declaration]) as KubernetesObject[];
  const [adopted] = adoptManifests(objects);
  return {
    objects,
    declaration: adopted!.declaration,
    dropped: adopted!.dropped,
    again: synthesizeObjects([adopted!.declaration as unknown as WorkloadSpec]),
  };
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

test('an egress destination declared with ports: [] keeps its empty list of ports', () => {
  const { objects, declaration, again } = adoptedAgain(checkoutWith({ networkPolicy: { egressTo: [{ cidr: '10.0.0.0/8', ports: [] }] } }));
  expect(declaration.networkPolicy).toMatchObject({ egressTo: [{ cidr: '10.0.0.0/8', ports: [] }] });
  expect(again).toEqual(objects);
});

test('overridden probe timings are read back as overrides: what the declaration does not derive was overridden in our own output', () => {
  const { objects, declaration, again } = adoptedAgain(
    checkoutWith({ overrides: { liveness: { periodSeconds: 20 }, startup: { failureThreshold: 90 }, readiness: { timeoutSeconds: 4 } } }),
  );
  expect(declaration.overrides).toMatchObject({
    liveness: { periodSeconds: 20 },
    startup: { failureThreshold: 90 },
    readiness: { timeoutSeconds: 4 },
  });
  expect(again).toEqual(objects);
});

test('an overridden grace period and rollout are read back as overrides too', () => {
  const { objects, declaration, again } = adoptedAgain(
    checkoutWith({
      overrides: { terminationGracePeriodSeconds: 200, minReadySeconds: 3, progressDeadlineSeconds: 900, maxUnavailable: 1 },
    }),
  );
  expect(declaration.overrides).toMatchObject({
    terminationGracePeriodSeconds: 200,
    minReadySeconds: 3,
    progressDeadlineSeconds: 900,
    maxUnavailable: 1,
  });
  expect(again).toEqual(objects);
});

test("a ServiceAccount annotation under the hardened-workloads.io/ prefix is the declaration's: the project writes its own on the workload only", () => {
  const { objects, declaration, again } = adoptedAgain(
    checkoutWith({ serviceAccount: { annotations: { 'hardened-workloads.io/team': 'payments' } } }),
  );
  expect(declaration.serviceAccount).toMatchObject({ annotations: { 'hardened-workloads.io/team': 'payments' } });
  expect(again).toEqual(objects);
});

test('a gRPC check declared with service: "" keeps its empty service name', () => {
  const { objects, declaration, again } = adoptedAgain(checkoutWith({ health: { readiness: { grpc: { service: '' } } } }));
  expect(declaration.health).toMatchObject({ readiness: { grpc: { service: '' } } });
  expect(again).toEqual(objects);
});

test("a stateful gRPC service's headless Service port keeps its appProtocol: it is the serving port, published twice", () => {
  const { objects, declaration, dropped, again } = adoptedAgain(
    checkoutWith({
      kind: 'stateful',
      replicas: 1,
      acknowledge: { singleReplica: 'preview environment, downtime is acceptable' },
      health: { readiness: { grpc: {} }, liveness: { exec: ['/bin/alive'] } },
    }),
  );
  expect(declaration.kind).toBe('stateful');
  expect(dropped).toEqual([]);
  expect(again).toEqual(objects);
});

test("a load balancer's annotation on a Service that configures none is the declaration's, written as it is", () => {
  const { objects, declaration, again } = adoptedAgain(
    checkoutWith({
      service: {
        annotations: {
          'service.beta.kubernetes.io/aws-load-balancer-healthcheck-timeout': '5',
          'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes': 'deregistration_delay.timeout_seconds=1',
        },
      },
    }),
  );
  expect(declaration.service).toMatchObject({
    annotations: {
      'service.beta.kubernetes.io/aws-load-balancer-healthcheck-timeout': '5',
      'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes': 'deregistration_delay.timeout_seconds=1',
    },
  });
  expect(again).toEqual(objects);
});

test("a mesh's annotation declared as a podAnnotation stays one: our own output names its mesh in the timings annotation", () => {
  const { objects, declaration, again } = adoptedAgain(
    checkoutWith({ podAnnotations: { 'config.alpha.linkerd.io/proxy-wait-before-exit-seconds': '30' } }),
  );
  expect(declaration.mesh).toBeUndefined();
  expect(declaration.podAnnotations).toEqual({ 'config.alpha.linkerd.io/proxy-wait-before-exit-seconds': '30' });
  expect(again).toEqual(objects);
});

test("a Job's port open to every pod ({ podLabels: {} }) is that port's callers, not stateful.peerPorts: a Job's selector is empty", () => {
  const { objects, declaration, again } = adoptedAgain(
    migrationWith({ ports: [{ name: 'admin', port: 9000, from: [{ podLabels: {} }] }] }),
  );
  expect(declaration.stateful).toBeUndefined();
  expect(declaration.ports).toEqual([{ name: 'admin', port: 9000, from: [{ podLabels: {} }] }]);
  expect(again).toEqual(objects);
});

test("a Job's overridden grace period is read back as an override", () => {
  const { objects, declaration, again } = adoptedAgain(migrationWith({ overrides: { terminationGracePeriodSeconds: 300 } }));
  expect(declaration.overrides).toMatchObject({ terminationGracePeriodSeconds: 300 });
  expect(again).toEqual(objects);
});

test("the mesh of our own output is the one its timings annotation names, whatever other mesh's annotation the pod carries", () => {
  const { objects, declaration, again } = adoptedAgain(
    migrationWith({ mesh: 'istio', podAnnotations: { 'config.alpha.linkerd.io/proxy-wait-before-exit-seconds': 'true' } }),
  );
  expect(declaration.mesh).toBe('istio');
  expect(again).toEqual(objects);
});

test('a gRPC readiness check on another port than the serving one does not make the serving port gRPC: the declared protocol is read back', () => {
  const { objects, declaration, again } = adoptedAgain(
    checkoutWith({
      protocol: 'grpc',
      health: { readiness: { grpc: {}, port: 9090 }, liveness: false },
      acknowledge: { noLiveness: 'the platform restarts it' },
    }),
  );
  expect(declaration.protocol).toBe('grpc');
  expect(again).toEqual(objects);
});

test('a sidecar declared distroless: false on an image from a distroless registry keeps it: its preStop hook runs sleep', () => {
  const { objects, declaration, again } = adoptedAgain(
    checkoutWith({ sidecars: [{ ...CLOUD_SQL_PROXY, image: 'gcr.io/distroless/static-debian12:nonroot', distroless: false }] }),
  );
  expect(declaration.sidecars).toEqual([expect.objectContaining({ distroless: false })]);
  expect(again).toEqual(objects);
});

test('a sidecar declared with a liveness check only keeps it alone: its startup probe repeats the liveness check by default', () => {
  const { objects, declaration, again } = adoptedAgain(
    checkoutWith({ sidecars: [{ ...CLOUD_SQL_PROXY, health: { liveness: { grpc: {}, port: 9090 } } }] }),
  );
  expect(declaration.sidecars).toEqual([expect.objectContaining({ health: { liveness: { grpc: {} } } })]);
  expect(again).toEqual(objects);
});
