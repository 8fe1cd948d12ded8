import { CHECKOUT, checkoutWith } from './support/declarations';
import type { WorkloadSpec } from '../src';
import { mainContainer, objectsOfKind, synth, theOnly } from './support/manifests';
import { helmFace, helmTest, typescriptFace } from './support/helm';
import { objectSchemaErrors } from './support/gateway-api-schema';
import { kubernetesSchemaErrors } from './support/kubernetes-schema';

/**
 * The main container's command, and the ports a workload serves on (issue 17 §1): what each field
 * writes into the objects, in both faces.
 */

describe('command', () => {
  test('the main container runs the declared command, which replaces the image ENTRYPOINT', () => {
    const container = mainContainer(synth(checkoutWith({ command: ['gunicorn', 'app.wsgi'], args: ['--workers', '4'] })));
    expect(container.command).toEqual(['gunicorn', 'app.wsgi']);
    expect(container.args).toEqual(['--workers', '4']);
  });
  test("without a command the main container runs the image's ENTRYPOINT", () => {
    expect(mainContainer(synth(CHECKOUT))).not.toHaveProperty('command');
  });
  helmTest('the chart writes the same command as the constructs', async () => {
    const declaration = checkoutWith({ command: ['gunicorn', 'app.wsgi', '--bind=:8080', 'yes'] });
    expect((await helmFace(declaration)).objects).toEqual(typescriptFace(declaration).objects);
  });
});

describe('service.port', () => {
  const objects = synth(checkoutWith({ port: 8080, service: { port: 80 }, ingress: {}, route: { parentRefs: [{ name: 'public' }] } }));

  test('the Service listens on service.port and sends to the container port by its name', () => {
    expect(theOnly(objects, 'Service').spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]);
    expect(mainContainer(objects).ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
  });
  test('a Gateway API route sends to the Service port, an Ingress to the port by name', () => {
    expect(theOnly(objects, 'HTTPRoute').spec.rules[0].backendRefs).toEqual([{ name: 'checkout', port: 80 }]);
    expect(theOnly(objects, 'Ingress').spec.rules[0].http.paths[0].backend).toEqual({
      service: { name: 'checkout', port: { name: 'http' } },
    });
  });
  test('the NetworkPolicy admits the container port, where the traffic arrives', () => {
    expect(theOnly(objects, 'NetworkPolicy').spec.ingress).toEqual([{ ports: [{ port: 8080, protocol: 'TCP' }] }]);
  });
  test('without service.port the Service port is the container port, as before the field existed', () => {
    expect(theOnly(synth(CHECKOUT), 'Service').spec.ports).toEqual([{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }]);
  });
});

describe('protocol', () => {
  const servicePorts = (declaration: WorkloadSpec) => theOnly(synth(declaration), 'Service').spec.ports;
  const TCP = { protocol: 'tcp', health: { readiness: { tcp: true }, liveness: { exec: ['/bin/alive'] } } };

  test('an existing declaration keeps its port names and gets no appProtocol (upgrade safety)', () => {
    const objects = synth(checkoutWith({ ingress: {} }));
    expect(mainContainer(objects).ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
    expect(theOnly(objects, 'Service').spec.ports).toEqual([{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }]);
    expect(theOnly(objects, 'Ingress').spec.rules[0].http.paths[0].backend.service.port).toEqual({ name: 'http' });
  });
  test('tcp names the port tcp, which Istio reads as an opaque TCP stream, without an appProtocol', () => {
    const objects = synth(checkoutWith(TCP));
    expect(mainContainer(objects).ports).toEqual([{ name: 'tcp', containerPort: 8080, protocol: 'TCP' }]);
    expect(theOnly(objects, 'Service').spec.ports).toEqual([{ name: 'tcp', port: 8080, targetPort: 'tcp', protocol: 'TCP' }]);
  });
  test.each([['http2'], ['grpc']])('%s names the port after it and writes appProtocol kubernetes.io/h2c', (protocol) => {
    expect(servicePorts(checkoutWith({ protocol }))).toEqual([
      { name: protocol, port: 8080, targetPort: protocol, protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' },
    ]);
  });
  test('a gRPC readiness check on the serving port implies grpc', () => {
    expect(servicePorts(checkoutWith({ health: { readiness: { grpc: {} } } }))[0]).toMatchObject({ name: 'grpc', targetPort: 'grpc' });
  });
  test('a gRPC readiness check on another port leaves the serving port http', () => {
    expect(servicePorts(checkoutWith({ health: { readiness: { grpc: {}, port: 9090 } } }))[0]).toMatchObject({ name: 'http' });
  });
  test('a StatefulSet names both of its Services’ ports after the protocol, the headless one on the container port', () => {
    const objects = synth({ ...checkoutWith(TCP), kind: 'stateful', replicas: 3 });
    expect(objectsOfKind(objects, 'Service').map((service) => service.spec.ports)).toEqual([
      [{ name: 'tcp', port: 8080, targetPort: 'tcp', protocol: 'TCP' }],
      [{ name: 'tcp', port: 8080, targetPort: 'tcp', protocol: 'TCP' }],
    ]);
  });
  helmTest('the chart names the ports, numbers the Service and routes, and writes appProtocol as the constructs do', async () => {
    const declarations = [
      checkoutWith({
        protocol: 'grpc',
        service: { port: 80 },
        ingress: {},
        route: { kind: 'GRPCRoute', parentRefs: [{ name: 'public' }] },
      }),
      checkoutWith({ health: { readiness: { grpc: { service: '' } } }, service: { port: 443 } }),
      { ...checkoutWith(TCP), kind: 'stateful', replicas: 3 },
    ];
    for (const declaration of declarations) expect((await helmFace(declaration)).objects).toEqual(typescriptFace(declaration).objects);
  });
});

describe('ports', () => {
  const OPS = [{ namespaceLabels: { 'kubernetes.io/metadata.name': 'ops' } }];
  const declaration = checkoutWith({
    ports: [
      { name: 'admin', port: 9000, from: OPS },
      { name: 'debug', port: 9001 },
    ],
  });
  const objects = synth(declaration);

  test('the main container lists the serving port, then the extra ports in their order', () => {
    expect(mainContainer(objects).ports).toEqual([
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'admin', containerPort: 9000, protocol: 'TCP' },
      { name: 'debug', containerPort: 9001, protocol: 'TCP' },
    ]);
  });
  test('the Service publishes the extra ports by name, on their own numbers', () => {
    expect(theOnly(objects, 'Service').spec.ports.slice(1)).toEqual([
      { name: 'admin', port: 9000, targetPort: 'admin', protocol: 'TCP' },
      { name: 'debug', port: 9001, targetPort: 'debug', protocol: 'TCP' },
    ]);
  });
  test('the NetworkPolicy admits to an extra port only its own peers, and to one without peers no one', () => {
    expect(theOnly(objects, 'NetworkPolicy').spec.ingress).toEqual([
      { ports: [{ port: 8080, protocol: 'TCP' }] },
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ops' } } }],
        ports: [{ port: 9000, protocol: 'TCP' }],
      },
    ]);
  });
  test('a worker without a serving port has its extra ports, and no Service', () => {
    const worker = synth({
      ...checkoutWith({ port: undefined, health: { liveness: { exec: ['/bin/alive'] } } }),
      kind: 'worker',
      ports: [{ name: 'metrics', port: 9102, from: OPS }],
    } as WorkloadSpec);
    expect(mainContainer(worker).ports).toEqual([{ name: 'metrics', containerPort: 9102, protocol: 'TCP' }]);
    expect(objectsOfKind(worker, 'Service')).toEqual([]);
    expect(theOnly(worker, 'NetworkPolicy').spec.ingress).toHaveLength(1);
  });
  helmTest('the chart lists, publishes and admits the extra ports as the constructs do', async () => {
    const worker = {
      ...checkoutWith({ port: undefined, health: { liveness: { exec: ['/bin/alive'] } } }),
      kind: 'worker',
      ports: [{ name: 'm', port: 9102, from: [{ cidr: '10.0.0.0/8' }, {}] }],
    };
    for (const each of [declaration, worker]) expect((await helmFace(each)).objects).toEqual(typescriptFace(each).objects);
  });
});

describe('ports[].servicePort', () => {
  // bitnami nginx: 80 in front of the serving port 8080, 443 in front of the extra port https 8443, metrics beside them.
  const declaration = checkoutWith({
    service: { port: 80 },
    ports: [
      { name: 'https', port: 8443, servicePort: 443, from: [{ cidr: '10.0.0.0/8' }] },
      { name: 'metrics', port: 9102, servicePort: 9090 },
    ],
    metrics: { port: 'metrics' },
  });
  const objects = synth(declaration);

  test("the Service publishes an extra port on its servicePort, under the port's name, sending to the container port by name", () => {
    expect(theOnly(objects, 'Service').spec.ports).toEqual([
      { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
      { name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' },
      { name: 'metrics', port: 9090, targetPort: 'metrics', protocol: 'TCP' },
    ]);
  });
  test('the container still listens on the port itself', () => {
    expect(mainContainer(objects).ports).toEqual([
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'https', containerPort: 8443, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9102, protocol: 'TCP' },
    ]);
  });
  test('the NetworkPolicy admits the container port, where the traffic arrives, not the Service port', () => {
    const ports = theOnly(objects, 'NetworkPolicy').spec.ingress.map((rule: { ports: unknown }) => rule.ports);
    expect(ports).toEqual([[{ port: 8080, protocol: 'TCP' }], [{ port: 8443, protocol: 'TCP' }], [{ port: 9102, protocol: 'TCP' }]]);
  });
  test('the ServiceMonitor scrapes the port by its name, whatever number the Service gives it', () => {
    expect(theOnly(objects, 'ServiceMonitor').spec.endpoints).toEqual([{ port: 'metrics', path: '/metrics', interval: '30s' }]);
  });
  test('a StatefulSet publishes it in its Service; the headless Service names the serving port only', () => {
    const stateful = synth({
      ...checkoutWith({ ports: [{ name: 'https', port: 8443, servicePort: 443 }] }),
      kind: 'stateful',
      replicas: 3,
    });
    expect(objectsOfKind(stateful, 'Service').map((service) => service.spec.ports.map(({ port }: { port: number }) => port))).toEqual([
      [8080],
      [8080, 443],
    ]);
  });
  test('a servicePort equal to the port is the same Service as without it', () => {
    const same = synth(checkoutWith({ ports: [{ name: 'admin', port: 9000, servicePort: 9000 }] }));
    expect(same).toEqual(synth(checkoutWith({ ports: [{ name: 'admin', port: 9000 }] })));
  });
  helmTest('the chart publishes, admits and scrapes the ports as the constructs do', async () => {
    const stateful = { ...checkoutWith({ ports: [{ name: 'https', port: 8443, servicePort: 443 }] }), kind: 'stateful', replicas: 3 };
    for (const each of [declaration, stateful]) expect((await helmFace(each)).objects).toEqual(typescriptFace(each).objects);
  });
});

describe('service.extraPorts', () => {
  // argo-cd's server: http on 80 and https on 443, both to the container port 8080.
  const declaration = checkoutWith({ service: { port: 80, extraPorts: [{ name: 'https', port: 443 }] }, ingress: {} });
  const objects = synth(declaration);

  test('the Service publishes the serving port again under each extra name and number, sending to the container port by name', () => {
    expect(theOnly(objects, 'Service').spec.ports).toEqual([
      { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
      { name: 'https', port: 443, targetPort: 'http', protocol: 'TCP' },
    ]);
  });
  test("an extra Service port carries no appProtocol: the serving port's would be wrong for a TLS port on the same container port", () => {
    const grpc = theOnly(synth(checkoutWith({ protocol: 'grpc', service: { extraPorts: [{ name: 'grpc-tls', port: 443 }] } })), 'Service');
    expect(grpc.spec.ports[1]).toEqual({ name: 'grpc-tls', port: 443, targetPort: 'grpc', protocol: 'TCP' });
  });
  test('the Ingress still sends to the serving port, and the NetworkPolicy admits the container port once', () => {
    expect(theOnly(objects, 'Ingress').spec.rules[0].http.paths[0].backend.service.port).toEqual({ name: 'http' });
    expect(theOnly(objects, 'NetworkPolicy').spec.ingress).toEqual([{ ports: [{ port: 8080, protocol: 'TCP' }] }]);
  });
  test('every object with ports[].servicePort and service.extraPorts passes the Kubernetes 1.28 schema strictly', () => {
    const both = synth(
      checkoutWith({
        ports: [{ name: 'https', port: 8443, servicePort: 8444 }],
        service: { port: 80, extraPorts: [{ name: 'tls', port: 443 }] },
      }),
    );
    expect(theOnly(both, 'Service').spec.ports.map(({ port }: { port: number }) => port)).toEqual([80, 443, 8444]);
    for (const object of both)
      expect({ kind: object.kind, errors: kubernetesSchemaErrors(object) }).toEqual({ kind: object.kind, errors: [] });
  });
  helmTest('the chart publishes the extra Service ports as the constructs do', async () => {
    const kept = checkoutWith({ keep: { servicePortName: 'web' }, service: { extraPorts: [{ name: 'https', port: 443 }] } });
    for (const each of [declaration, kept]) expect((await helmFace(each)).objects).toEqual(typescriptFace(each).objects);
  });
});

describe('metrics', () => {
  const MONITORING = [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }];
  const web = checkoutWith({ ports: [{ name: 'metrics', port: 9102 }], metrics: { port: 'metrics' } });
  const worker = {
    ...checkoutWith({ port: undefined, health: { liveness: { exec: ['/bin/alive'] } } }),
    kind: 'worker',
    ports: [{ name: 'metrics', port: 9102 }],
    metrics: { port: 'metrics', path: '/stats', interval: 15, from: [{ podLabels: { app: 'prometheus' } }] },
  } as WorkloadSpec;

  test('kind web gets a ServiceMonitor that scrapes the named port of its Service every 30 s at /metrics', () => {
    const objects = synth(web);
    expect(theOnly(objects, 'ServiceMonitor')).toMatchObject({
      apiVersion: 'monitoring.coreos.com/v1',
      metadata: { name: 'checkout' },
      spec: {
        selector: { matchLabels: { 'app.kubernetes.io/name': 'checkout', 'app.kubernetes.io/instance': 'checkout' } },
        endpoints: [{ port: 'metrics', path: '/metrics', interval: '30s' }],
      },
    });
    expect(objectsOfKind(objects, 'PodMonitor')).toEqual([]);
  });
  test('a kind without a Service of its own gets a PodMonitor on the container port', () => {
    const objects = synth(worker);
    expect(theOnly(objects, 'PodMonitor').spec).toEqual({
      selector: { matchLabels: { 'app.kubernetes.io/name': 'checkout', 'app.kubernetes.io/instance': 'checkout' } },
      podMetricsEndpoints: [{ port: 'metrics', path: '/stats', interval: '15s' }],
    });
    expect(objectsOfKind(objects, 'ServiceMonitor')).toEqual([]);
  });
  test('the NetworkPolicy admits the scraper (by default the monitoring namespace) to the metrics port only', () => {
    expect(theOnly(synth(web), 'NetworkPolicy').spec.ingress).toEqual([
      { ports: [{ port: 8080, protocol: 'TCP' }] },
      { from: MONITORING, ports: [{ port: 9102, protocol: 'TCP' }] },
    ]);
    expect(theOnly(synth(worker), 'NetworkPolicy').spec.ingress).toEqual([
      { from: [{ podSelector: { matchLabels: { app: 'prometheus' } } }], ports: [{ port: 9102, protocol: 'TCP' }] },
    ]);
  });
  test('without metrics.port the metrics are scraped from the serving port, by its name', () => {
    expect(theOnly(synth(checkoutWith({ protocol: 'http2', metrics: {} })), 'ServiceMonitor').spec.endpoints).toEqual([
      { port: 'http2', path: '/metrics', interval: '30s' },
    ]);
  });
  test('a StatefulSet gets a PodMonitor: a ServiceMonitor would also select its headless Service and scrape every pod twice', () => {
    const objects = synth({ ...web, kind: 'stateful' });
    expect(theOnly(objects, 'PodMonitor').spec.podMetricsEndpoints).toEqual([{ port: 'metrics', path: '/metrics', interval: '30s' }]);
    expect(objectsOfKind(objects, 'ServiceMonitor')).toEqual([]);
  });
  test('every monitor passes the Prometheus Operator v0.93.0 CRD strictly', () => {
    const monitors = [web, worker, { ...web, kind: 'stateful' }, { ...worker, kind: 'daemon', replicas: undefined }].flatMap(
      (declaration) => synth(declaration as WorkloadSpec).filter((object) => object.apiVersion === 'monitoring.coreos.com/v1'),
    );
    expect(monitors.map((object) => object.kind)).toEqual(['ServiceMonitor', 'PodMonitor', 'PodMonitor', 'PodMonitor']);
    for (const monitor of monitors) expect(objectSchemaErrors(monitor)).toEqual([]);
  });
  test('the strict CRD check fails on a misspelled field or a malformed interval', () => {
    const monitor = structuredClone(theOnly(synth(web), 'ServiceMonitor')) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    monitor.spec.endpoints[0].intervall = '30s';
    monitor.spec.endpoints[0].interval = '30 seconds';
    expect(objectSchemaErrors(monitor)).toEqual([
      '/spec/endpoints/0: must NOT have additional properties (intervall)',
      expect.stringMatching(/^\/spec\/endpoints\/0\/interval: must match pattern/),
    ]);
  });
  helmTest('the chart writes the same monitors and NetworkPolicy rules as the constructs', async () => {
    for (const each of [web, worker, { ...web, kind: 'stateful' }, checkoutWith({ metrics: { from: [{ cidr: '10.1.0.0/16' }] } })])
      expect((await helmFace(each)).objects).toEqual(typescriptFace(each).objects);
  });
});
