import { CHECKOUT, checkoutWith } from './support/declarations';
import type { WorkloadSpec } from '../src';
import { mainContainer, objectsOfKind, synth, theOnly } from './support/manifests';
import { helmFace, helmTest, typescriptFace } from './support/helm';

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
