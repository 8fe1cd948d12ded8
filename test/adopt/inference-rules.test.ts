import { resolveWorkload, synthesizeObjects, type WorkloadSpec } from '../../src';
import { adoptManifests, writeDeclaration } from '../../src/adopt/infer';
import type { AdoptedWorkload } from '../../src/adopt/types';
import type { KubernetesObject } from '../../src/manifests/objects';

/**
 * Every inference rule of docs/adopt.md, each with the worked example the document gives: a
 * hand-written Deployment (and Service) in, the declaration field and its label out.
 */
interface Container {
  [field: string]: unknown;
}

function deployment(container: Container, pod: Record<string, unknown> = {}): KubernetesObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'shop', labels: { app: 'shop' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'shop' } },
      template: {
        metadata: { labels: { app: 'shop' } },
        spec: {
          containers: [{ name: 'shop', image: 'ghcr.io/acme/shop:1.2.3', ports: [{ name: 'http', containerPort: 8080 }], ...container }],
          ...pod,
        },
      },
    },
  };
}

const service = (name = 'shop'): KubernetesObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { selector: { app: 'shop' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
});

function adopt(...objects: KubernetesObject[]): AdoptedWorkload {
  const [adopted] = adoptManifests(objects);
  return adopted!;
}

const inference = (adopted: AdoptedWorkload, field: string) => adopted.inferences.find((each) => each.field === field);

describe('startup.maxSeconds: the longest start the current config tolerates', () => {
  test("from the startup probe's window: initialDelaySeconds 10 + periodSeconds 5 x failureThreshold 12 = 70 s", () => {
    const adopted = adopt(
      deployment({
        startupProbe: { httpGet: { path: '/healthz', port: 'http' }, initialDelaySeconds: 10, periodSeconds: 5, failureThreshold: 12 },
      }),
      service(),
    );
    expect(adopted.declaration.startup).toEqual({ maxSeconds: 70 });
    expect(inference(adopted, 'startup.maxSeconds')).toMatchObject({
      confirm: false,
      source: expect.stringContaining('initialDelaySeconds 10 + periodSeconds 5 x failureThreshold 12 = 70 s'),
    });
  });

  test("without a startup probe, from the liveness probe's initialDelaySeconds 30 + window 10 x 3 = 60 s", () => {
    const adopted = adopt(deployment({ livenessProbe: { httpGet: { path: '/livez', port: 8080 }, initialDelaySeconds: 30 } }), service());
    expect(adopted.declaration.startup).toEqual({ maxSeconds: 60 });
    expect(inference(adopted, 'startup.maxSeconds')!.source).toContain("liveness probe's window");
  });

  test('without either probe, a placeholder marked CONFIRM', () => {
    const adopted = adopt(deployment({}), service());
    expect(inference(adopted, 'startup.maxSeconds')).toMatchObject({ value: 60, confirm: true });
    expect(writeDeclaration(adopted)).toMatch(/maxSeconds: 60 # CONFIRM: /);
  });
});

describe('drainSeconds: the time the application needs after SIGTERM', () => {
  test('from the grace period minus the preStop delay: 45 - sleep 10 = 35 s', () => {
    const adopted = adopt(
      deployment({ lifecycle: { preStop: { exec: { command: ['sleep', '10'] } } } }, { terminationGracePeriodSeconds: 45 }),
      service(),
    );
    expect(adopted.declaration.drainSeconds).toBe(35);
    expect(inference(adopted, 'drainSeconds')!.source).toContain('terminationGracePeriodSeconds 45 - preStop delay 10 = 35 s');
  });

  test("from Spring Boot's graceful shutdown: SERVER_SHUTDOWN=graceful and a lifecycle timeout of 20s", () => {
    const env = [
      { name: 'SERVER_SHUTDOWN', value: 'graceful' },
      { name: 'SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE', value: '20s' },
    ];
    const adopted = adopt(deployment({ env }, { terminationGracePeriodSeconds: 90 }), service());
    expect(adopted.declaration.drainSeconds).toBe(20);
    expect(inference(adopted, 'drainSeconds')!.source).toContain("spring-boot's shutdown deadline");
  });

  test("from gunicorn's --graceful-timeout 25 in the args", () => {
    const adopted = adopt(deployment({ args: ['app.wsgi', '--graceful-timeout', '25'] }), service());
    expect(adopted.declaration.drainSeconds).toBe(25);
  });

  test("from gunicorn's GUNICORN_CMD_ARGS, which then names the gunicorn preset (it writes the variable itself)", () => {
    const adopted = adopt(deployment({ env: [{ name: 'GUNICORN_CMD_ARGS', value: '--graceful-timeout 40' }] }), service());
    expect(adopted.declaration).toMatchObject({ drainSeconds: 40, preset: 'gunicorn' });
    expect(adopted.declaration.env).toBeUndefined();
  });

  test("from uvicorn's --timeout-graceful-shutdown=15 in the command", () => {
    const adopted = adopt(deployment({ command: ['uvicorn', 'app:app', '--timeout-graceful-shutdown=15'] }), service());
    expect(adopted.declaration.drainSeconds).toBe(15);
  });

  test("without a grace period or framework setting, Kubernetes' default 30 s minus the preStop delay, marked CONFIRM", () => {
    const adopted = adopt(deployment({}), service());
    expect(inference(adopted, 'drainSeconds')).toMatchObject({ value: 30, confirm: true });
  });
});

describe('probeLatencyMs: from the current timeouts', () => {
  test('a readiness timeout of 3 s says health answers within 1000 ms', () => {
    const adopted = adopt(deployment({ readinessProbe: { httpGet: { path: '/ready', port: 'http' }, timeoutSeconds: 3 } }), service());
    expect(adopted.declaration.probeLatencyMs).toBe(1000);
  });

  test("Kubernetes' default timeout of 1 s gives the timeout the default latency gives: nothing is written", () => {
    const adopted = adopt(deployment({ readinessProbe: { httpGet: { path: '/ready', port: 'http' } } }), service());
    expect(adopted.declaration.probeLatencyMs).toBeUndefined();
  });
});

describe('the workload and what belongs to it', () => {
  test('a Deployment that a Service selects is web, serving the port the Service targets, on the Service port 80', () => {
    const adopted = adopt(deployment({ readinessProbe: { httpGet: { path: '/ready', port: 'http' } } }), service());
    expect(adopted.declaration).toMatchObject({
      name: 'shop',
      port: 8080,
      service: { port: 80 },
      health: { readiness: { path: '/ready' } },
      replicas: 3,
    });
    expect(adopted.declaration.kind).toBeUndefined();
    expect(adopted.input.map((object) => object.kind)).toEqual(['Deployment', 'Service']);
  });

  test('a Deployment no Service selects is a worker', () => {
    expect(adopt(deployment({ ports: [] })).declaration.kind).toBe('worker');
  });

  test('two Services selecting the pods are an ambiguity, resolved by the service option', () => {
    const adopted = adopt(deployment({}), service('shop'), service('shop-internal'));
    expect(adopted.ambiguities).toEqual([expect.objectContaining({ message: expect.stringContaining('2 Services select the pods') })]);
    const [chosen] = adoptManifests([deployment({}), service('shop'), service('shop-internal')], { service: 'shop-internal' });
    expect(chosen!.ambiguities).toEqual([]);
  });

  test('a probe on a port the container does not declare is an ambiguity', () => {
    const adopted = adopt(deployment({ readinessProbe: { tcpSocket: { port: 9999 } } }), service());
    expect(adopted.ambiguities.map((ambiguity) => ambiguity.resolve)).toContain('health.readiness.port');
  });
});

describe('nothing is dropped silently', () => {
  test('a latest image is dropped ("the user must pin") and written as a placeholder marked CONFIRM', () => {
    const adopted = adopt(deployment({ image: 'nginx:latest' }), service());
    expect(adopted.dropped).toContainEqual(
      expect.objectContaining({ path: 'spec.template.spec.containers.0.image', reason: expect.stringContaining('the user must pin') }),
    );
    expect(writeDeclaration(adopted)).toMatch(/image: nginx:PIN-A-VERSION # CONFIRM: /);
  });

  test('a field the schema has no word for goes to patches', () => {
    const adopted = adopt(deployment({ workingDir: '/srv' }, { dnsPolicy: 'ClusterFirst' }), service());
    expect(adopted.declaration.patches).toEqual({
      Deployment: { object: { spec: { template: { spec: { dnsPolicy: 'ClusterFirst' } } } }, containers: { shop: { workingDir: '/srv' } } },
    });
  });

  test('root is carried over as an acknowledgement with the reason "carried over from the existing manifest — review"', () => {
    const adopted = adopt(deployment({ securityContext: { runAsUser: 0 } }), service());
    expect(adopted.declaration.acknowledge).toMatchObject({ runAsNonRoot: 'carried over from the existing manifest — review' });
  });
});

test('the declaration adopted from hand-written manifests is valid and synthesizes', () => {
  const adopted = adopt(
    deployment(
      {
        readinessProbe: { httpGet: { path: '/ready', port: 'http' } },
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '400m', memory: '128Mi' } },
      },
      { terminationGracePeriodSeconds: 40 },
    ),
    service(),
  );
  expect(() => resolveWorkload(adopted.declaration)).not.toThrow();
  expect(synthesizeObjects([adopted.declaration as unknown as WorkloadSpec]).map((object) => object.kind)).toContain('Deployment');
});

describe('health.liveness: a liveness check equal to the readiness check (invariant 4, distinctProbes)', () => {
  // helm create's chart: readiness and liveness both httpGet / on the port named http.
  const sameChecks = () =>
    deployment({ readinessProbe: { httpGet: { path: '/', port: 'http' } }, livenessProbe: { httpGet: { path: '/', port: 'http' } } });

  test('readiness is kept and liveness becomes a TCP check of the serving port, labelled with distinctProbes', () => {
    const adopted = adopt(sameChecks(), service());
    expect(adopted.declaration.health).toEqual({ readiness: { path: '/' }, liveness: { tcp: true } });
    expect(inference(adopted, 'health.liveness')).toMatchObject({ confirm: false, source: expect.stringContaining('(distinctProbes)') });
  });

  test('the replaced liveness check is listed as dropped, with the invariant as the reason', () => {
    const adopted = adopt(sameChecks(), service());
    expect(adopted.dropped).toContainEqual({
      object: 'Deployment/shop',
      path: 'spec.template.spec.containers.0.livenessProbe (its check)',
      reason: expect.stringContaining('invariant 4 (distinctProbes)'),
    });
  });

  test('the written declaration resolves and synthesizes, its liveness probe a tcpSocket on 8080', () => {
    const adopted = adopt(sameChecks(), service());
    expect(() => resolveWorkload(adopted.declaration)).not.toThrow();
    const pod = synthesizeObjects([adopted.declaration as unknown as WorkloadSpec]).find((object) => object.kind === 'Deployment')!;
    const container = (pod as KubernetesObject).spec.template.spec.containers[0];
    expect(container.livenessProbe.tcpSocket).toEqual({ port: 8080 });
    expect(container.readinessProbe.httpGet).toMatchObject({ path: '/', port: 8080 });
  });

  test('without a Service or a serving port, liveness checks by TCP the port both probes checked', () => {
    const adopted = adopt(
      deployment({
        ports: [{ name: 'admin', containerPort: 9000 }],
        readinessProbe: { httpGet: { path: '/ready', port: 9000 } },
        livenessProbe: { httpGet: { path: '/ready', port: 9000 } },
      }),
    );
    expect((adopted.declaration.health as Record<string, unknown>).liveness).toEqual({ tcp: true, port: 9000 });
  });
});

describe('ports[].servicePort and service.extraPorts: Service ports on other numbers than the container ports they target', () => {
  // bitnami nginx's shape: http 80 → 8080 serves, https 443 → the container port https 8443.
  const nginx = (servicePorts: Array<Record<string, unknown>>) => [
    deployment({
      ports: [
        { name: 'http', containerPort: 8080 },
        { name: 'https', containerPort: 8443 },
      ],
    }),
    { ...service(), spec: { selector: { app: 'shop' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }, ...servicePorts] } },
  ];

  test('Service port https 443 → targetPort https (8443) gives ports [{ name: https, port: 8443, servicePort: 443 }], labelled with the Service port', () => {
    const adopted = adopt(...nginx([{ name: 'https', port: 443, targetPort: 'https' }]));
    expect(adopted.declaration.ports).toEqual([{ name: 'https', port: 8443, servicePort: 443 }]);
    expect(inference(adopted, 'ports.0.servicePort')).toMatchObject({
      value: 443,
      confirm: false,
      source: 'Service/shop spec.ports port 443, which targets https',
    });
    expect(adopted.dropped.filter((dropped) => dropped.path.startsWith('spec.ports'))).toEqual([]);
  });

  test('the declaration synthesizes the Service ports the input had: 80 → http, 443 → https', () => {
    const adopted = adopt(...nginx([{ name: 'https', port: 443, targetPort: 'https' }]));
    const objects = synthesizeObjects([adopted.declaration as unknown as WorkloadSpec]);
    const serviceObject = objects.find((object) => object.kind === 'Service') as KubernetesObject;
    expect(serviceObject.spec.ports.map(({ name, port, targetPort }: Record<string, unknown>) => ({ name, port, targetPort }))).toEqual([
      { name: 'http', port: 80, targetPort: 'http' },
      { name: 'https', port: 443, targetPort: 'https' },
    ]);
  });

  test('a Service port on the container number writes no servicePort', () => {
    const adopted = adopt(...nginx([{ name: 'https', port: 8443, targetPort: 'https' }]));
    expect(adopted.declaration.ports).toEqual([{ name: 'https', port: 8443 }]);
  });

  test("a Service port named otherwise than the container port is dropped with why: the Service port keeps the container port's name", () => {
    const adopted = adopt(...nginx([{ name: 'tls', port: 443, targetPort: 'https' }]));
    expect(adopted.declaration.ports).toEqual([{ name: 'https', port: 8443 }]);
    expect(adopted.dropped).toContainEqual({
      object: 'Service/shop',
      path: 'spec.ports.1',
      reason: expect.stringContaining('ports[].servicePort changes the number only'),
    });
  });

  test('a second Service port on the serving port, https 443 → 8080 beside http 80 → 8080 (argo-cd), gives service.extraPorts', () => {
    const adopted = adopt(deployment({}), {
      ...service(),
      spec: {
        selector: { app: 'shop' },
        ports: [
          { name: 'http', port: 80, targetPort: 8080 },
          { name: 'https', port: 443, targetPort: 8080 },
        ],
      },
    });
    expect(adopted.declaration.service).toEqual({ port: 80, extraPorts: [{ name: 'https', port: 443 }] });
    expect(inference(adopted, 'service.extraPorts')).toMatchObject({
      confirm: false,
      source: 'Service/shop spec.ports https 443, which target the serving port too',
    });
    expect(adopted.dropped.filter((dropped) => dropped.path.startsWith('spec.ports'))).toEqual([]);
  });

  test("a StatefulSet's second Service port on the serving port stays dropped with why: service (and its extraPorts) is kind web's", () => {
    const statefulSet = { ...deployment({}), kind: 'StatefulSet' };
    const adopted = adopt(statefulSet, {
      ...service(),
      spec: {
        selector: { app: 'shop' },
        ports: [
          { name: 'http', port: 8080, targetPort: 'http' },
          { name: 'alt', port: 8081, targetPort: 'http' },
        ],
      },
    });
    expect(adopted.declaration).toMatchObject({ kind: 'stateful' });
    expect(adopted.declaration).not.toHaveProperty('service');
    expect(adopted.dropped).toContainEqual({
      object: 'Service/shop',
      path: 'spec.ports.1',
      reason: expect.stringContaining(
        "a second Service port (alt 8081) on the serving port: service.extraPorts, which keeps one, is kind web's",
      ),
    });
  });
});
