import { loadBalancersOf } from '../src/manifests/load-balancers';
import type { KubernetesObject } from '../src/manifests/objects';
import { sourcedObjects } from './support/sourced-objects';
import { type Workload, workloadsOf } from '../src/manifests/workloads';

/**
 * The AWS load balancers with IP targets in front of a workload, read from manifests, called
 * directly: which Ingresses the AWS Load Balancer Controller takes (class, IngressClass,
 * annotations), which Services it provisions as NLBs, and each setting with the controller's
 * documented default when it is left out.
 * - Ingress (ALB): https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/
 * - Service (NLB): https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/
 *   (aws-load-balancer-type `external`, the deprecated `nlb-ip`, or loadBalancerClass `service.k8s.aws/nlb`
 *   hand the Service to the controller: https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/nlb/)
 */

const ALB = 'alb.ingress.kubernetes.io/';
const NLB = 'service.beta.kubernetes.io/';
type Annotations = Record<string, string>;

const DEPLOYMENT: KubernetesObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { template: { metadata: { labels: { app: 'shop' } }, spec: { containers: [{ name: 'app' }] } } },
};
const service = (name: string, annotations: Annotations = {}, spec: Record<string, unknown> = {}): KubernetesObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, annotations },
  spec: { selector: { app: 'shop' }, ports: [{ port: 80 }], ...spec },
});
const backend = (name: string) => ({ service: { name, port: { number: 80 } } });
const ingress = (name: string, annotations: Annotations, spec: Record<string, unknown> = {}, backends = ['web']): KubernetesObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name, annotations },
  spec: { rules: [{ http: { paths: backends.map((to) => ({ path: '/', pathType: 'Prefix', backend: backend(to) })) } }], ...spec },
});
const ingressClass = (name: string, controller: string): KubernetesObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'IngressClass',
  metadata: { name },
  spec: { controller },
});

/** The workload of the input, as `check` reads it. */
const workloadOf = (objects: KubernetesObject[]): Workload => workloadsOf(sourcedObjects([DEPLOYMENT, ...objects]))[0]!;
const found = (objects: KubernetesObject[]) => loadBalancersOf(workloadOf(objects));
const subjects = (objects: KubernetesObject[]) => found(objects).map(({ facts }) => facts.subject);

/** A Service whose ALB target type is ip: the Ingress then only has to be the controller's. */
const IP_SERVICE = service('web', { [`${ALB}target-type`]: 'ip' });

describe('which Ingresses are the AWS Load Balancer Controller’s', () => {
  test('ingressClassName alb', () => {
    expect(subjects([IP_SERVICE, ingress('web', {}, { ingressClassName: 'alb' })])).toEqual(['Ingress/web (ALB)']);
  });

  test('the legacy kubernetes.io/ingress.class annotation alb', () => {
    expect(subjects([IP_SERVICE, ingress('web', { 'kubernetes.io/ingress.class': 'alb' })])).toEqual(['Ingress/web (ALB)']);
  });

  test('ingressClassName wins over the legacy annotation', () => {
    expect(subjects([IP_SERVICE, ingress('web', { 'kubernetes.io/ingress.class': 'alb' }, { ingressClassName: 'nginx' })])).toEqual([]);
  });

  test('a class whose IngressClass names the controller ingress.k8s.aws/alb', () => {
    const objects = [IP_SERVICE, ingressClass('internal', 'ingress.k8s.aws/alb'), ingress('web', {}, { ingressClassName: 'internal' })];
    expect(subjects(objects)).toEqual(['Ingress/web (ALB)']);
  });

  test('not a class of another controller, nor a class the input does not define', () => {
    expect(
      subjects([IP_SERVICE, ingressClass('nginx', 'k8s.io/ingress-nginx'), ingress('web', {}, { ingressClassName: 'nginx' })]),
    ).toEqual([]);
    expect(subjects([IP_SERVICE, ingress('web', {}, { ingressClassName: 'nginx' })])).toEqual([]);
  });

  test('an Ingress without class that carries an ALB annotation among others', () => {
    const annotations = { 'example.com/owner': 'shop', [`${ALB}scheme`]: 'internet-facing' };
    expect(subjects([IP_SERVICE, ingress('web', annotations)])).toEqual(['Ingress/web (ALB)']);
  });

  test('not an Ingress without class or ALB annotation, even one whose annotation only ends like one', () => {
    expect(subjects([IP_SERVICE, ingress('web', {})])).toEqual([]);
    expect(subjects([IP_SERVICE, ingress('web', { [`example.com/${ALB}`]: 'x' })])).toEqual([]);
  });
});

describe('which of the workload’s Services an ALB sends to with IP targets', () => {
  test('only target type ip: instance targets or none are not in front of the pods', () => {
    expect(subjects([service('web', { [`${ALB}target-type`]: 'instance' }), ingress('web', {}, { ingressClassName: 'alb' })])).toEqual([]);
    expect(subjects([service('web'), ingress('web', {}, { ingressClassName: 'alb' })])).toEqual([]);
  });

  test('the target type on the Ingress counts when the Service sets none', () => {
    expect(subjects([service('web'), ingress('web', { [`${ALB}target-type`]: 'ip' })])).toEqual(['Ingress/web (ALB)']);
  });

  test('only the Services the Ingress names, by path or default backend, skipping rules without http and resource backends', () => {
    const spec = {
      ingressClassName: 'alb',
      defaultBackend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } },
      rules: [{ host: 'shop.example.com' }, null, { http: { paths: [null, { path: '/', backend: backend('a') }] } }],
    };
    const objects = [
      service('a', { [`${ALB}target-type`]: 'ip', [`${ALB}healthcheck-path`]: '/ready' }),
      service('b', { [`${ALB}target-type`]: 'ip', [`${ALB}healthcheck-path`]: '/ready' }),
      ingress('web', {}, spec),
    ];
    const [only, ...rest] = found(objects);
    expect(rest).toEqual([]);
    expect(only!.where('path').object.object.metadata?.name).toBe('a');
  });

  test('a resource backend names no Service, not even one named “undefined”', () => {
    const ip = { [`${ALB}target-type`]: 'ip' };
    const spec = {
      ingressClassName: 'alb',
      defaultBackend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } },
    };
    const objects = [service('web', ip), service('undefined', ip), ingress('web', {}, spec)];
    expect(found(objects).map((balancer) => balancer.where('path').object.object.metadata?.name)).toEqual(['web']);
  });

  test('a default backend counts as a path does', () => {
    const spec = { ingressClassName: 'alb', defaultBackend: backend('web'), rules: [] };
    expect(subjects([IP_SERVICE, ingress('web', {}, spec)])).toEqual(['Ingress/web (ALB)']);
    const { rules: _, ...withoutRules } = ingress('web', {}, { ingressClassName: 'alb', defaultBackend: backend('web') }).spec;
    const bare = { ...ingress('bare', {}), spec: withoutRules };
    expect(subjects([IP_SERVICE, bare])).toEqual(['Ingress/bare (ALB)']);
  });
});

describe('the ALB’s settings', () => {
  test('left out: the controller’s defaults (HTTP on /, every 15 s, 5 s timeout, 2 failures, 300 s delay)', () => {
    expect(found([IP_SERVICE, ingress('web', {}, { ingressClassName: 'alb' })])[0]!.facts).toStrictEqual({
      subject: 'Ingress/web (ALB)',
      kind: 'aws-alb',
      deregistrationDelaySeconds: 300,
      healthCheck: { protocol: 'HTTP', path: '/', intervalSeconds: 15, timeoutSeconds: 5, unhealthyThresholdCount: 2 },
    });
  });

  test('written on the Ingress: each annotation read, whole numbers with spaces around them too', () => {
    const annotations = {
      [`${ALB}target-group-attributes`]: 'stickiness.enabled=false,deregistration_delay.timeout_seconds=30',
      [`${ALB}healthcheck-protocol`]: 'https',
      [`${ALB}healthcheck-path`]: '/healthz',
      [`${ALB}healthcheck-interval-seconds`]: ' 10 ',
      [`${ALB}healthcheck-timeout-seconds`]: '3',
      [`${ALB}unhealthy-threshold-count`]: '4',
    };
    expect(found([IP_SERVICE, ingress('web', annotations, { ingressClassName: 'alb' })])[0]!.facts).toStrictEqual({
      subject: 'Ingress/web (ALB)',
      kind: 'aws-alb',
      deregistrationDelaySeconds: 30,
      healthCheck: { protocol: 'HTTPS', path: '/healthz', intervalSeconds: 10, timeoutSeconds: 3, unhealthyThresholdCount: 4 },
    });
  });

  test('a number with anything but spaces around it is no whole number: undefined, not its default', () => {
    const annotations = {
      [`${ALB}healthcheck-interval-seconds`]: 'x10',
      [`${ALB}healthcheck-timeout-seconds`]: '3s',
      [`${ALB}unhealthy-threshold-count`]: 'two',
    };
    const { healthCheck } = found([IP_SERVICE, ingress('web', annotations, { ingressClassName: 'alb' })])[0]!.facts;
    expect(healthCheck).toStrictEqual({
      protocol: 'HTTP',
      path: '/',
      intervalSeconds: undefined,
      timeoutSeconds: undefined,
      unhealthyThresholdCount: undefined,
    });
  });

  test('backend-protocol-version GRPC (any case): a gRPC health check on the controller’s gRPC path', () => {
    for (const version of ['GRPC', 'grpc']) {
      const { healthCheck } = found([
        IP_SERVICE,
        ingress('web', { [`${ALB}backend-protocol-version`]: version }, { ingressClassName: 'alb' }),
      ])[0]!.facts;
      expect([healthCheck.protocol, healthCheck.path]).toEqual(['GRPC', '/AWS.ALB/healthcheck']);
    }
  });

  test('backend-protocol-version GRPC keeps a health check path written', () => {
    const annotations = { [`${ALB}backend-protocol-version`]: 'GRPC', [`${ALB}healthcheck-path`]: '/grpc.health.v1.Health/Check' };
    const { healthCheck } = found([IP_SERVICE, ingress('web', annotations, { ingressClassName: 'alb' })])[0]!.facts;
    expect([healthCheck.protocol, healthCheck.path]).toEqual(['GRPC', '/grpc.health.v1.Health/Check']);
  });

  test('backend-protocol-version HTTP2 keeps the HTTP health check', () => {
    const { healthCheck } = found([
      IP_SERVICE,
      ingress('web', { [`${ALB}backend-protocol-version`]: 'HTTP2' }, { ingressClassName: 'alb' }),
    ])[0]!.facts;
    expect([healthCheck.protocol, healthCheck.path]).toEqual(['HTTP', '/']);
  });

  test('a setting on the Service wins over the Ingress’s, and where() names the object that holds it', () => {
    const web = service('web', { [`${ALB}target-type`]: 'ip', [`${ALB}healthcheck-path`]: '/ready' });
    const front = ingress(
      'web',
      { [`${ALB}healthcheck-path`]: '/', [`${ALB}healthcheck-timeout-seconds`]: '4' },
      { ingressClassName: 'alb' },
    );
    const [balancer] = found([web, front]);
    expect(balancer!.facts.healthCheck.path).toBe('/ready');
    expect(balancer!.facts.healthCheck.timeoutSeconds).toBe(4);
    const where = (setting: Parameters<typeof balancer.where>[0]) => {
      const { object, path } = balancer!.where(setting);
      return [object.object.kind, ...path];
    };
    expect(where('path')).toEqual(['Service', 'metadata', 'annotations', `${ALB}healthcheck-path`]);
    expect(where('timeout')).toEqual(['Ingress', 'metadata', 'annotations', `${ALB}healthcheck-timeout-seconds`]);
    expect(where('interval')).toEqual(['Ingress', 'metadata', 'annotations', `${ALB}healthcheck-interval-seconds`]);
    expect(where('unhealthyThreshold')).toEqual(['Ingress', 'metadata', 'annotations', `${ALB}unhealthy-threshold-count`]);
    expect(where('deregistrationDelay')).toEqual(['Ingress', 'metadata', 'annotations', `${ALB}target-group-attributes`]);
  });
});

describe('which Services the controller provisions as an NLB with IP targets', () => {
  const TYPE = `${NLB}aws-load-balancer-type`;
  const TARGET = `${NLB}aws-load-balancer-nlb-target-type`;
  const nlb = (annotations: Annotations, spec: Record<string, unknown> = { type: 'LoadBalancer' }) => service('web', annotations, spec);

  test('type external with target type ip', () => {
    expect(subjects([nlb({ [TYPE]: 'external', [TARGET]: 'ip' })])).toEqual(['Service/web (NLB)']);
  });

  test('the deprecated type nlb-ip alone', () => {
    expect(subjects([nlb({ [TYPE]: 'nlb-ip' })])).toEqual(['Service/web (NLB)']);
  });

  test('loadBalancerClass service.k8s.aws/nlb with target type ip', () => {
    expect(subjects([nlb({ [TARGET]: 'ip' }, { type: 'LoadBalancer', loadBalancerClass: 'service.k8s.aws/nlb' })])).toEqual([
      'Service/web (NLB)',
    ]);
  });

  test('not instance targets, nor a Service the controller does not provision, nor one that is no LoadBalancer', () => {
    expect(subjects([nlb({ [TYPE]: 'external', [TARGET]: 'instance' })])).toEqual([]);
    expect(subjects([nlb({ [TYPE]: 'external' })])).toEqual([]);
    expect(subjects([nlb({ [TARGET]: 'ip' })])).toEqual([]);
    expect(subjects([nlb({ [TARGET]: 'ip' }, { type: 'LoadBalancer', loadBalancerClass: 'example.com/other' })])).toEqual([]);
    expect(subjects([nlb({ [TYPE]: 'external', [TARGET]: 'ip' }, { type: 'ClusterIP' })])).toEqual([]);
    expect(subjects([nlb({ [TYPE]: 'nlb-ip' }, { type: 'NodePort' })])).toEqual([]);
  });
});

describe('the NLB’s settings', () => {
  const TYPE = { [`${NLB}aws-load-balancer-type`]: 'nlb-ip' };
  const nlb = (annotations: Annotations) => found([service('web', { ...TYPE, ...annotations }, { type: 'LoadBalancer' })])[0]!;

  test('left out: a TCP health check every 10 s, 10 s timeout, 3 failures, no path, 300 s delay', () => {
    expect(nlb({}).facts).toStrictEqual({
      subject: 'Service/web (NLB)',
      kind: 'aws-nlb',
      deregistrationDelaySeconds: 300,
      healthCheck: { protocol: 'TCP', intervalSeconds: 10, timeoutSeconds: 10, unhealthyThresholdCount: 3 },
    });
  });

  test('an HTTP health check: on / with the 6 s timeout the controller gives HTTP checks', () => {
    expect(nlb({ [`${NLB}aws-load-balancer-healthcheck-protocol`]: 'http' }).facts.healthCheck).toStrictEqual({
      protocol: 'HTTP',
      path: '/',
      intervalSeconds: 10,
      timeoutSeconds: 6,
      unhealthyThresholdCount: 3,
    });
  });

  test('written on the Service: each annotation read', () => {
    const annotations = {
      [`${NLB}aws-load-balancer-target-group-attributes`]: 'deregistration_delay.timeout_seconds=45',
      [`${NLB}aws-load-balancer-healthcheck-protocol`]: 'HTTPS',
      [`${NLB}aws-load-balancer-healthcheck-path`]: '/healthz',
      [`${NLB}aws-load-balancer-healthcheck-interval`]: '5',
      [`${NLB}aws-load-balancer-healthcheck-timeout`]: '2',
      [`${NLB}aws-load-balancer-healthcheck-unhealthy-threshold`]: '2',
    };
    expect(nlb(annotations).facts).toStrictEqual({
      subject: 'Service/web (NLB)',
      kind: 'aws-nlb',
      deregistrationDelaySeconds: 45,
      healthCheck: { protocol: 'HTTPS', path: '/healthz', intervalSeconds: 5, timeoutSeconds: 2, unhealthyThresholdCount: 2 },
    });
  });

  test('where() names the Service’s annotation of each setting', () => {
    const balancer = nlb({});
    expect(balancer.where('timeout')).toEqual({
      object: expect.objectContaining({ object: expect.objectContaining({ kind: 'Service' }) }),
      path: ['metadata', 'annotations', `${NLB}aws-load-balancer-healthcheck-timeout`],
    });
    expect(balancer.where('deregistrationDelay').path).toEqual([
      'metadata',
      'annotations',
      `${NLB}aws-load-balancer-target-group-attributes`,
    ]);
  });
});

describe('loadBalancersOf', () => {
  test('lists the ALBs first, then the NLBs', () => {
    const web = service('web', { [`${ALB}target-type`]: 'ip', [`${NLB}aws-load-balancer-type`]: 'nlb-ip' }, { type: 'LoadBalancer' });
    expect(subjects([web, ingress('web', {}, { ingressClassName: 'alb' })])).toEqual(['Ingress/web (ALB)', 'Service/web (NLB)']);
  });

  test('reads a workload once: the same list each time it is asked', () => {
    const workload = workloadOf([IP_SERVICE, ingress('web', {}, { ingressClassName: 'alb' })]);
    expect(loadBalancersOf(workload)).toBe(loadBalancersOf(workload));
  });

  test('reads a Service without metadata without error', () => {
    const nameless: KubernetesObject = { apiVersion: 'v1', kind: 'Service', spec: { selector: { app: 'shop' }, type: 'LoadBalancer' } };
    expect(subjects([nameless, IP_SERVICE, ingress('web', {}, { ingressClassName: 'alb' })])).toEqual(['Ingress/web (ALB)']);
  });
});
