import { checkManifests, synthesizeObjects, type WorkloadSpec } from '../src';
import { CHECKOUT, checkoutWith } from './support/declarations';
import { objectSchemaErrors } from './support/gateway-api-schema';
import { helmFace, helmTest, typescriptFace } from './support/helm';
import { mainContainer, objectsOfKind, problemsOf, synth, theOnly, yamlOf } from './support/manifests';

/**
 * `keep` (issue 20): a workload brought over from existing manifests keeps the selector, the
 * object names and the Service port name of the objects it replaces, so that applying it is an
 * in-place upgrade. Left out, nothing changes (the snapshots of test/examples.test.ts prove the
 * rest of the output byte for byte).
 */

/** ingress-nginx's chart, released as "release": it selects on name, instance and component. */
const RELEASE_SELECTOR = {
  'app.kubernetes.io/name': 'nginx',
  'app.kubernetes.io/instance': 'release',
  'app.kubernetes.io/component': 'controller',
};

const ADOPTED: WorkloadSpec = checkoutWith({
  name: 'nginx',
  instance: 'release-nginx',
  autoscaling: { minReplicas: 2, maxReplicas: 6 },
  replicas: undefined,
  ingress: { hosts: ['shop.example.com'] },
  metrics: {},
  keep: {
    selector: RELEASE_SELECTOR,
    names: {
      Service: 'web',
      ServiceAccount: 'nginx',
      PodDisruptionBudget: 'nginx-pdb',
      HorizontalPodAutoscaler: 'nginx-hpa',
      NetworkPolicy: 'nginx-netpol',
      Ingress: 'nginx-ingress',
      ServiceMonitor: 'nginx-metrics',
    },
    servicePortName: 'web',
  },
});

const objects = synth(ADOPTED);
type Selecting = { spec: Record<string, any> };
const named = (kind: string) =>
  theOnly(objects, kind) as unknown as Selecting & { metadata: { name: string; labels: Record<string, string> } };

describe('keep.selector', () => {
  test('the controller selects its pods by the kept labels only', () => {
    expect(named('Deployment').spec.selector).toEqual({ matchLabels: RELEASE_SELECTOR });
  });
  test('the pods carry the kept labels beside the usual ones, the kept value winning for a key both have', () => {
    const labels = named('Deployment').spec.template.metadata.labels as Record<string, string>;
    expect(labels).toMatchObject({ ...RELEASE_SELECTOR, 'app.kubernetes.io/managed-by': 'hardened-workloads' });
  });
  test('the Service, the PodDisruptionBudget, the NetworkPolicy and the ServiceMonitor select by the kept labels', () => {
    expect(named('Service').spec.selector).toEqual(RELEASE_SELECTOR);
    expect(named('PodDisruptionBudget').spec.selector).toEqual({ matchLabels: RELEASE_SELECTOR });
    expect(named('NetworkPolicy').spec.podSelector).toEqual({ matchLabels: RELEASE_SELECTOR });
    expect(named('ServiceMonitor').spec.selector).toEqual({ matchLabels: RELEASE_SELECTOR });
  });
  test('the spread and anti-affinity terms count the pods by the kept labels', () => {
    const pod = named('Deployment').spec.template.spec;
    for (const constraint of pod.topologySpreadConstraints) expect(constraint.labelSelector).toEqual({ matchLabels: RELEASE_SELECTOR });
    const [term] = pod.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution;
    expect(term.podAffinityTerm.labelSelector).toEqual({ matchLabels: RELEASE_SELECTOR });
  });
  test('every object carries the kept labels, so that the ServiceMonitor finds the Service', () => {
    for (const object of objects) expect(object.metadata?.labels).toMatchObject(RELEASE_SELECTOR);
  });
  test('without keep the selector is app.kubernetes.io/name and app.kubernetes.io/instance', () => {
    expect((theOnly(synth(CHECKOUT), 'Deployment') as unknown as Selecting).spec.selector).toEqual({
      matchLabels: { 'app.kubernetes.io/name': 'checkout', 'app.kubernetes.io/instance': 'checkout' },
    });
  });
});

describe('keep.names', () => {
  test('each object of a kept role takes the kept name; the controller keeps the instance name', () => {
    expect(objects.map((object) => `${object.kind}/${object.metadata?.name}`).sort()).toEqual([
      'Deployment/release-nginx',
      'HorizontalPodAutoscaler/nginx-hpa',
      'Ingress/nginx-ingress',
      'NetworkPolicy/nginx-netpol',
      'PodDisruptionBudget/nginx-pdb',
      'Service/web',
      'ServiceAccount/nginx',
      'ServiceMonitor/nginx-metrics',
    ]);
  });
  test('the pods run as the kept ServiceAccount', () => {
    expect(named('Deployment').spec.template.spec.serviceAccountName).toBe('nginx');
  });
  test('the autoscaler scales the controller by its own name', () => {
    expect(named('HorizontalPodAutoscaler').spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'release-nginx',
    });
  });
  test('the Ingress and a Gateway API route send to the kept Service', () => {
    expect(named('Ingress').spec.rules[0].http.paths[0].backend.service.name).toBe('web');
    const routed = synth(checkoutWith({ route: { parentRefs: [{ name: 'public' }] }, keep: { names: { Service: 'web', Route: 'shop' } } }));
    const route = theOnly(routed, 'HTTPRoute') as unknown as Selecting & { metadata: { name: string } };
    expect(route.metadata.name).toBe('shop');
    expect(route.spec.rules[0].backendRefs).toEqual([{ name: 'web', port: 8080 }]);
  });
  test("a StatefulSet's serviceName follows its kept headless Service, which cannot change in place", () => {
    const stateful = synth(checkoutWith({ kind: 'stateful', keep: { names: { HeadlessService: 'checkout-hl' } } }));
    expect((theOnly(stateful, 'StatefulSet') as unknown as Selecting).spec.serviceName).toBe('checkout-hl');
    expect(objectsOfKind(stateful, 'Service').map((service) => service.metadata?.name)).toEqual(['checkout-hl', 'checkout']);
  });
  test('two workloads of one file may not keep one name for objects of one kind, and the message names the kept field', () => {
    const other = checkoutWith({ name: 'cart' });
    expect(() => synthesizeObjects([other, checkoutWith({ keep: { names: { Service: 'cart' } } })])).toThrow(
      /\[1\]\.keep\.names\.Service: "cart"\n\s+rule: workload 2 keeps the name "cart" for its Service, and workload 1 already makes a Service of that name/,
    );
  });
  test('a name kept by one workload for one kind does not clash with the same name of another kind', () => {
    expect(() =>
      synthesizeObjects([checkoutWith({ name: 'cart' }), checkoutWith({ keep: { names: { PodMonitor: 'cart' } }, kind: 'worker' })]),
    ).not.toThrow(/would overwrite/);
  });
  test('a workload named like a name another workload keeps collides with it', () => {
    const keeper = checkoutWith({ keep: { names: { Service: 'cart' } } });
    expect(() => synthesizeObjects([keeper, checkoutWith({ name: 'cart' })])).toThrow(
      /workload 2 and workload 1 would both make an object named "cart" \(workload 1 keeps it in keep\.names\.Service\)/,
    );
  });
});

describe('keep.servicePortName', () => {
  test('the Service names the serving port as kept and sends to the container port by its own name', () => {
    expect(named('Service').spec.ports).toEqual([{ name: 'web', port: 8080, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' }]);
    expect(mainContainer(objects).ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
  });
  test('a kept name that no longer says HTTP to a mesh says it with appProtocol; one that does needs none', () => {
    const port = (servicePortName: string, protocol?: string) =>
      (theOnly(synth(checkoutWith({ protocol, keep: { servicePortName } })), 'Service') as unknown as Selecting).spec.ports[0];
    expect(port('web').appProtocol).toBe('http');
    expect(port('http-web')).not.toHaveProperty('appProtocol');
    expect(port('web', 'grpc').appProtocol).toBe('kubernetes.io/h2c');
    expect(port('db', 'tcp')).not.toHaveProperty('appProtocol');
  });
  test('the Ingress backend and the ServiceMonitor endpoint refer to the port by its kept name', () => {
    expect(named('Ingress').spec.rules[0].http.paths[0].backend.service.port).toEqual({ name: 'web' });
    expect(named('ServiceMonitor').spec.endpoints[0].port).toBe('web');
  });
  test('a PodMonitor scrapes the container port, which keeps its name', () => {
    const stateful = synth(checkoutWith({ kind: 'stateful', metrics: {}, keep: { servicePortName: 'web' } }));
    expect((theOnly(stateful, 'PodMonitor') as unknown as Selecting).spec.podMetricsEndpoints[0].port).toBe('http');
    for (const service of objectsOfKind(stateful, 'Service')) expect((service as unknown as Selecting).spec.ports[0].name).toBe('web');
  });
});

describe('what is kept is still valid Kubernetes', () => {
  test('every object validates strictly against Kubernetes 1.28 and the Prometheus Operator CRDs', () => {
    for (const object of objects) expect(objectSchemaErrors(object)).toEqual([]);
  });
  test('check finds nothing in the output that it does not find without keep', () => {
    const findings = (declaration: WorkloadSpec) =>
      checkManifests([{ name: 'out.yaml', text: yamlOf(declaration) }])
        .findings.map(({ ruleId, suppressed }) => `${ruleId} ${suppressed ? 'suppressed' : ''}`)
        .sort();
    const { keep: _keep, ...unkept } = ADOPTED as WorkloadSpec & { keep?: unknown };
    expect(findings(ADOPTED)).toEqual(findings(unkept as WorkloadSpec));
  });
  test('a kept ServiceAccount named default is refused', () => {
    expect(problemsOf(checkoutWith({ keep: { names: { ServiceAccount: 'default' } } })).map(({ path }) => path)).toEqual([
      'keep.names.ServiceAccount',
    ]);
  });
});

helmTest('the chart keeps the same selector, names and Service port name as the constructs', async () => {
  const stateful = checkoutWith({
    kind: 'stateful',
    metrics: {},
    keep: {
      selector: { app: 'sessions' },
      names: { Service: 'web', HeadlessService: 'peers', ServiceAccount: 'sessions' },
      servicePortName: 'web',
    },
  });
  for (const declaration of [ADOPTED, stateful]) {
    const rendered = await helmFace(declaration);
    expect(rendered.error).toBeUndefined();
    expect(rendered.objects).toEqual(typescriptFace(declaration).objects);
  }
});
