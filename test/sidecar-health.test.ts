import fc from 'fast-check';
import { checkManifests, resolveWorkload, type WorkloadSpec } from '../src';
import { SEED, validDeclaration } from './support/arbitraries';
import { checkoutWith, CLOUD_SQL_PROXY } from './support/declarations';
import { helmFace, helmTest, typescriptFace } from './support/helm';
import { problemsOf, synth, theOnly, yamlOf } from './support/manifests';

/**
 * A sidecar's declared health gets readiness and liveness probes, not only a startup probe: a
 * stuck database proxy is taken out of rotation and then restarted. Their timings follow the
 * application's rules (docs/derivation.md), with the timeout of a local endpoint.
 */

const sidecarOf = (declaration: WorkloadSpec, name = CLOUD_SQL_PROXY.name) => {
  const pod = theOnly(synth(declaration), 'Deployment').spec.template.spec;
  return [...(pod.initContainers ?? []), ...pod.containers].find((container) => container.name === name);
};
/** 1.28: an ordinary sidecar; 1.30: a native one. */
const ORDINARY = checkoutWith({ sidecars: [CLOUD_SQL_PROXY] });
const NATIVE = checkoutWith({ sidecars: [CLOUD_SQL_PROXY], kubernetesVersion: '1.30' });

describe('a sidecar that declares only a startup check', () => {
  const proxy = sidecarOf(ORDINARY);

  test('readiness checks the startup target every 5 s, 3 failures, with a 2 s timeout', () => {
    expect(proxy.readinessProbe).toEqual({
      httpGet: { path: '/startup', port: 9090, scheme: 'HTTP' },
      periodSeconds: 5,
      timeoutSeconds: 2,
      failureThreshold: 3,
      successThreshold: 1,
    });
  });

  test("liveness is a TCP check of readiness's port, every 10 s, waiting out max(2 × W_r, W_r + P, 30) s, restarted within min(G, 10) s", () => {
    // W_r = 15 s, P = 10 s (kube-proxy): max(30, 25, 30) / 10 = 3 failures.
    expect(proxy.livenessProbe).toEqual({
      tcpSocket: { port: 9090 },
      periodSeconds: 10,
      timeoutSeconds: 2,
      failureThreshold: 3,
      successThreshold: 1,
      terminationGracePeriodSeconds: 10,
    });
  });

  test('the liveness window follows the propagation time as the application does', () => {
    // aws-alb: P = 30 s, so max(30, 15 + 30, 30) / 10 = 5 failures.
    const behindAlb = sidecarOf(checkoutWith({ sidecars: [CLOUD_SQL_PROXY], traffic: { platform: 'aws-alb' } }));
    expect(behindAlb.livenessProbe.failureThreshold).toBe(5);
  });

  test('a native sidecar gets the same probes', () => {
    const native = sidecarOf(NATIVE);
    expect(native.restartPolicy).toBe('Always');
    expect({ readiness: native.readinessProbe, liveness: native.livenessProbe }).toEqual({
      readiness: proxy.readinessProbe,
      liveness: proxy.livenessProbe,
    });
  });

  test('`explain` records the derived liveness', () => {
    const { timings, explanations } = resolveWorkload(ORDINARY);
    expect(timings.containers.sidecars[0]!.liveness?.windowSeconds).toBe(30);
    expect(explanations.map(({ key }) => key)).toContain('sidecars.cloud-sql-proxy.liveness.failureThreshold');
  });
});

test('a declared liveness check replaces the default', () => {
  const proxy = sidecarOf(
    checkoutWith({ sidecars: [{ ...CLOUD_SQL_PROXY, health: { startup: { path: '/startup' }, liveness: { path: '/liveness' } } }] }),
  );
  expect(proxy.livenessProbe.httpGet).toEqual({ path: '/liveness', port: 9090, scheme: 'HTTP' });
});

test('a sidecar whose readiness is a TCP check gets no default liveness, which could only repeat it', () => {
  const proxy = sidecarOf(checkoutWith({ sidecars: [{ ...CLOUD_SQL_PROXY, health: { readiness: { tcp: true } } }] }));
  expect(proxy.readinessProbe.tcpSocket).toEqual({ port: 9090 });
  expect(proxy.livenessProbe).toBeUndefined();
});

test('a sidecar without health gets no probes', () => {
  const { health: _, ...bare } = CLOUD_SQL_PROXY;
  const proxy = sidecarOf(checkoutWith({ sidecars: [bare] }));
  expect([proxy.startupProbe, proxy.readinessProbe, proxy.livenessProbe]).toEqual([undefined, undefined, undefined]);
});

test('invariant 4 (distinctProbes): a declared liveness identical to readiness is refused', () => {
  const declaration = checkoutWith({
    sidecars: [{ ...CLOUD_SQL_PROXY, health: { readiness: { path: '/readiness' }, liveness: { path: '/readiness' } } }],
  });
  expect(problemsOf(declaration)).toContainEqual({
    path: 'sidecars[0].health.liveness',
    rule: 'invariant 4 (distinctProbes): liveness of sidecar cloud-sql-proxy checks exactly what its readiness checks (httpGet HTTP :9090/readiness), so a sidecar slow under load is restarted instead of being taken out of rotation',
  });
});

test.each([
  ['ordinary', ORDINARY],
  ['native', NATIVE],
])('`check` finds every probe invariant holding on the %s sidecar', (_, declaration) => {
  const { findings, workloads } = checkManifests([{ name: 'checkout.yaml', text: yamlOf(declaration) }]);
  expect(findings).toEqual([]);
  expect(workloads.flatMap((workload) => workload.undecided)).toEqual([]);
});

describe('both faces render the same sidecar probes', () => {
  const declarations: Array<[string, WorkloadSpec]> = [
    ['ordinary, startup only', ORDINARY],
    ['native behind an ALB', checkoutWith({ sidecars: [CLOUD_SQL_PROXY], kubernetesVersion: '1.30', traffic: { platform: 'aws-alb' } })],
    ['a declared liveness', checkoutWith({ sidecars: [{ ...CLOUD_SQL_PROXY, health: { liveness: { tcp: true } } }] })],
    ['a TCP readiness', checkoutWith({ sidecars: [{ ...CLOUD_SQL_PROXY, health: { readiness: { tcp: true } } }] })],
  ];
  helmTest.each(declarations)('%s', async (_, declaration) => {
    const typescript = typescriptFace(declaration);
    expect(typescript.error).toBeUndefined();
    expect(await helmFace(declaration)).toEqual(typescript);
  });

  helmTest('the same refusal of a liveness identical to readiness', async () => {
    const declaration = checkoutWith({
      sidecars: [{ ...CLOUD_SQL_PROXY, health: { readiness: { path: '/readiness' }, liveness: { path: '/readiness' } } }],
    });
    expect((await helmFace(declaration)).error).toBe(typescriptFace(declaration).error);
  });
});

test('`check` finds the probe invariants holding on every sidecar of 150 random declarations', () => {
  const PROBE_INVARIANTS = [
    'startupWindow',
    'probeSuccessThreshold',
    'livenessAfterReadiness',
    'distinctProbes',
    'readinessTimeout',
    'probeGrace',
  ];
  let probed = 0;
  fc.assert(
    fc.property(
      validDeclaration.filter((declaration) => (declaration.sidecars ?? []).some((sidecar) => sidecar.health !== undefined)),
      (declaration) => {
        const { findings, workloads } = checkManifests([{ name: 'workload.yaml', text: yamlOf(declaration) }]);
        const sidecarNames = (declaration.sidecars ?? []).map(({ name }) => name);
        const onSidecars = findings.filter(
          ({ ruleId, message }) =>
            PROBE_INVARIANTS.includes(ruleId) && sidecarNames.some((name) => message.startsWith(`container ${name}: `)),
        );
        expect(onSidecars).toEqual([]);
        const undecided = workloads.flatMap((workload) => workload.undecided);
        expect(undecided.filter(({ detail }) => sidecarNames.some((name) => detail.startsWith(`container ${name}: `)))).toEqual([]);
        if (synth(declaration).some((object) => JSON.stringify(object).includes('"livenessProbe"'))) probed++;
      },
    ),
    { seed: SEED, numRuns: 150 },
  );
  // The declarations must give sidecars liveness probes, or this test proves nothing.
  expect(probed).toBeGreaterThan(50);
});

test("the timings annotation shows each sidecar's liveness window beside its startup window", () => {
  const annotation = theOnly(synth(ORDINARY), 'Deployment').metadata?.annotations?.['hardened-workloads.io/timings'] ?? '';
  expect(annotation).toMatch(/cloud-sql-proxy: startup window \d+s \(\d+s x \d+\), liveness window 30s \(10s x 3\), preStop/);
});
