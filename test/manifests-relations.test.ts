import type { SourcedObject } from '../src/files/manifests';
import type { KubernetesObject } from '../src/manifests/objects';
import { sourcedObjects } from './support/sourced-objects';
import { podTemplateOf, type WorkloadKind } from '../src/manifests/pod-templates';
import { indexRelations, matches, type Related, type Selector } from '../src/manifests/relations';

/**
 * Which objects act on a workload's pods, called directly: label selectors (matchLabels and every
 * matchExpressions operator), and `indexRelations` over Services, PodDisruptionBudgets,
 * autoscalers, ServiceAccounts, Ingresses, Gateway API routes, Namespaces, IngressClasses,
 * PersistentVolumeClaims and bindings, per namespace and in input order.
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#resource-based-requirement
 */

type Node = Record<string, unknown>;

const selector = (matchLabels: Record<string, string> = {}, matchExpressions: Node[] = []): Selector => ({ matchLabels, matchExpressions });
const expression = (key: string, operator: string, values?: string[]) => ({ key, operator, ...(values ? { values } : {}) });

describe('matches: matchLabels', () => {
  test('an empty selector matches every pod, even one without labels', () => {
    expect(matches(selector(), {})).toBe(true);
    expect(matches(selector(), { app: 'shop' })).toBe(true);
  });

  test('every pair must be a label of the pod with that value', () => {
    expect(matches(selector({ app: 'shop', tier: 'web' }), { app: 'shop', tier: 'web', track: 'stable' })).toBe(true);
    expect(matches(selector({ app: 'shop', tier: 'web' }), { app: 'shop', tier: 'db' })).toBe(false);
    expect(matches(selector({ app: 'shop', tier: 'web' }), { app: 'shop' })).toBe(false);
  });

  test('a label named like an inherited member (constructor) is there only when the pod has it', () => {
    expect(matches(selector({}, [expression('constructor', 'Exists')]), {})).toBe(false);
    expect(matches(selector({}, [expression('constructor', 'DoesNotExist')]), {})).toBe(true);
  });
});

describe('matches: matchExpressions', () => {
  test('In: the pod has the key with one of the values', () => {
    expect(matches(selector({}, [expression('tier', 'In', ['web', 'api'])]), { tier: 'api' })).toBe(true);
    expect(matches(selector({}, [expression('tier', 'In', ['web', 'api'])]), { tier: 'db' })).toBe(false);
    expect(matches(selector({}, [expression('tier', 'In', ['web', 'api'])]), {})).toBe(false);
  });

  test('NotIn: the pod lacks the key, or has it with none of the values', () => {
    expect(matches(selector({}, [expression('track', 'NotIn', ['canary'])]), {})).toBe(true);
    expect(matches(selector({}, [expression('track', 'NotIn', ['canary'])]), { track: 'stable' })).toBe(true);
    expect(matches(selector({}, [expression('track', 'NotIn', ['canary'])]), { track: 'canary' })).toBe(false);
  });

  test('Exists: the pod has the key, whatever its value', () => {
    expect(matches(selector({}, [expression('tier', 'Exists')]), { tier: '' })).toBe(true);
    expect(matches(selector({}, [expression('tier', 'Exists')]), { app: 'shop' })).toBe(false);
  });

  test('DoesNotExist: the pod lacks the key', () => {
    expect(matches(selector({}, [expression('tier', 'DoesNotExist')]), { app: 'shop' })).toBe(true);
    expect(matches(selector({}, [expression('tier', 'DoesNotExist')]), { tier: 'web' })).toBe(false);
  });

  test('an operator Kubernetes does not define matches no pod, with the key or without it', () => {
    expect(matches(selector({}, [expression('tier', 'Gt', ['1'])]), { tier: '2' })).toBe(false);
    expect(matches(selector({}, [expression('tier', 'Gt', ['1'])]), {})).toBe(false);
  });

  test('every requirement must hold: labels and expressions together', () => {
    expect(matches(selector({ app: 'shop' }, [expression('tier', 'In', ['web'])]), { app: 'shop', tier: 'web' })).toBe(true);
    expect(matches(selector({ app: 'shop' }, [expression('tier', 'In', ['web'])]), { app: 'shop', tier: 'db' })).toBe(false);
    expect(matches(selector({ app: 'other' }, [expression('tier', 'In', ['web'])]), { app: 'shop', tier: 'web' })).toBe(false);
  });
});

const LABELS = { app: 'shop', tier: 'web' };
const deployment = (name = 'web', namespace?: string, podSpec: Node = {}, labels: Record<string, string> = LABELS): KubernetesObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, ...(namespace !== undefined ? { namespace } : {}) },
  spec: { template: { metadata: { labels }, spec: { containers: [{ name: 'app' }], ...podSpec } } },
});
const meta = (name: string, namespace?: string) => ({ name, ...(namespace !== undefined ? { namespace } : {}) });
const service = (name: string, selected: Record<string, string> | undefined, namespace?: string): KubernetesObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: meta(name, namespace),
  spec: { ...(selected ? { selector: selected } : {}), ports: [{ port: 80 }] },
});
const budget = (name: string, podSelector: Node | undefined, namespace?: string): KubernetesObject => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: meta(name, namespace),
  spec: { maxUnavailable: 1, ...(podSelector ? { selector: podSelector } : {}) },
});

/** What `indexRelations` relates to the first workload of the input (or the one named). */
function relatedOf(objects: KubernetesObject[], workloadName?: string): { related: Related; input: SourcedObject[] } {
  const input = sourcedObjects(objects);
  const workload = input.find(
    ({ object }) => object.kind === 'Deployment' && (workloadName === undefined || object.metadata?.name === workloadName),
  )!;
  const related = indexRelations(input).relatedTo(workload, podTemplateOf(workload.object as KubernetesObject & { kind: WorkloadKind }));
  return { related, input };
}
const names = (objects: readonly SourcedObject[]) => objects.map(({ object }) => `${object.kind}/${object.metadata?.name}`);

describe('indexRelations: Services', () => {
  test('a Service whose selector the pod labels meet selects the workload', () => {
    const { related } = relatedOf([deployment(), service('web', { app: 'shop' }), service('db', { app: 'db' })]);
    expect(names(related.services)).toEqual(['Service/web']);
  });

  test('several Services filed under the same label each select it, in input order', () => {
    const { related } = relatedOf([
      service('a', { app: 'shop' }),
      deployment(),
      service('b', { app: 'shop' }),
      service('c', { app: 'shop', tier: 'web' }),
    ]);
    expect(names(related.services)).toEqual(['Service/a', 'Service/b', 'Service/c']);
  });

  test('Services come back in input order, whichever label each is filed under', () => {
    // c is filed under its rarer label tier=web, a and b under app=shop: the pod's labels must not set the order.
    const { related } = relatedOf([
      deployment(),
      service('c', { app: 'shop', tier: 'web' }),
      service('a', { app: 'shop' }),
      service('b', { app: 'shop' }),
    ]);
    expect(names(related.services)).toEqual(['Service/c', 'Service/a', 'Service/b']);
  });

  test('a Service in another namespace does not', () => {
    const { related } = relatedOf([
      deployment('web', 'shop'),
      service('web', { app: 'shop' }, 'other'),
      service('here', { app: 'shop' }, 'shop'),
    ]);
    expect(names(related.services)).toEqual(['Service/here']);
  });

  test('a Service without a selector, with an empty one or without spec selects no pods', () => {
    const bare: KubernetesObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'bare' } };
    const { related } = relatedOf([deployment(), service('external', undefined), service('empty', {}), bare]);
    expect(related.services).toEqual([]);
  });
});

describe('indexRelations: PodDisruptionBudgets', () => {
  test('by matchLabels', () => {
    const { related } = relatedOf([
      deployment(),
      budget('web', { matchLabels: { app: 'shop' } }),
      budget('db', { matchLabels: { app: 'db' } }),
    ]);
    expect(names(related.podDisruptionBudgets)).toEqual(['PodDisruptionBudget/web']);
  });

  test('by an In expression, filed under each of its values', () => {
    const { related } = relatedOf([
      deployment(),
      budget('in', { matchExpressions: [expression('tier', 'In', ['api', 'web'])] }),
      budget('out', { matchExpressions: [expression('tier', 'In', ['db'])] }),
    ]);
    expect(names(related.podDisruptionBudgets)).toEqual(['PodDisruptionBudget/in']);
  });

  test('by an Exists expression alone', () => {
    const { related } = relatedOf([
      deployment(),
      budget('has-tier', { matchExpressions: [expression('tier', 'Exists')] }),
      budget('has-zone', { matchExpressions: [expression('zone', 'Exists')] }),
    ]);
    expect(names(related.podDisruptionBudgets)).toEqual(['PodDisruptionBudget/has-tier']);
  });

  test('by NotIn and DoesNotExist expressions alone (a pod lacking the values or the key)', () => {
    const { related } = relatedOf([
      deployment(),
      budget('not-canary', { matchExpressions: [expression('tier', 'NotIn', ['canary'])] }),
      budget('not-web', { matchExpressions: [expression('tier', 'NotIn', ['web'])] }),
      budget('no-zone', { matchExpressions: [expression('zone', 'DoesNotExist')] }),
    ]);
    expect(names(related.podDisruptionBudgets)).toEqual(['PodDisruptionBudget/not-canary', 'PodDisruptionBudget/no-zone']);
  });

  test('an expression whose key is no text is still a requirement: a pod without that label is not selected', () => {
    const { related } = relatedOf([
      deployment(),
      budget('odd', { matchLabels: { app: 'shop' }, matchExpressions: [{ key: 7, operator: 'Exists' }] }),
    ]);
    expect(related.podDisruptionBudgets).toEqual([]);
  });

  test('budgets come back in input order, whether filed by label, by expression or not at all', () => {
    const { related } = relatedOf([
      deployment(),
      budget('everything', {}),
      budget('by-key', { matchExpressions: [expression('tier', 'Exists')] }),
      budget('by-label', { matchLabels: { app: 'shop' } }),
    ]);
    expect(names(related.podDisruptionBudgets)).toEqual([
      'PodDisruptionBudget/everything',
      'PodDisruptionBudget/by-key',
      'PodDisruptionBudget/by-label',
    ]);
  });

  test('labels and expressions together: the pod must meet both', () => {
    const { related } = relatedOf([
      deployment(),
      budget('both', { matchLabels: { app: 'shop' }, matchExpressions: [expression('tier', 'In', ['web'])] }),
      budget('half', { matchLabels: { app: 'shop' }, matchExpressions: [expression('tier', 'In', ['db'])] }),
    ]);
    expect(names(related.podDisruptionBudgets)).toEqual(['PodDisruptionBudget/both']);
  });

  test('an empty selector selects every pod of the namespace; a missing one, or a budget without spec, none', () => {
    const noSpec: KubernetesObject = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'no-spec' } };
    const { related } = relatedOf([
      deployment('web', 'shop'),
      budget('all', {}, 'shop'),
      budget('elsewhere', {}, 'other'),
      budget('none', undefined, 'shop'),
      noSpec,
    ]);
    expect(names(related.podDisruptionBudgets)).toEqual(['PodDisruptionBudget/all']);
  });
});

describe('indexRelations: autoscalers and ServiceAccounts', () => {
  const autoscaler = (name: string, kind: string, target: string, namespace?: string): KubernetesObject => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta(name, namespace),
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind, name: target }, maxReplicas: 3 },
  });

  test('the autoscaler whose target is the workload, by kind and name, in its namespace', () => {
    const noSpec: KubernetesObject = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'no-spec' } };
    const { related } = relatedOf([
      deployment('web', 'shop'),
      noSpec,
      autoscaler('wrong-kind', 'StatefulSet', 'web', 'shop'),
      autoscaler('wrong-namespace', 'Deployment', 'web', 'other'),
      autoscaler('web', 'Deployment', 'web', 'shop'),
    ]);
    expect(related.autoscaler?.object.metadata?.name).toBe('web');
  });

  const account = (name: string, namespace?: string): KubernetesObject => ({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: meta(name, namespace),
  });
  const nameless: KubernetesObject = { apiVersion: 'v1', kind: 'ServiceAccount' };

  test('the ServiceAccount serviceAccountName names, in the namespace', () => {
    const { related } = relatedOf([
      deployment('web', 'shop', { serviceAccountName: 'app' }),
      nameless,
      account('app', 'other'),
      account('app', 'shop'),
    ]);
    expect(related.serviceAccount?.object.metadata).toEqual({ name: 'app', namespace: 'shop' });
  });

  test('the deprecated serviceAccount when it is alone', () => {
    const { related } = relatedOf([deployment('web', undefined, { serviceAccount: 'legacy' }), account('legacy')]);
    expect(related.serviceAccount?.object.metadata?.name).toBe('legacy');
  });

  test('the default ServiceAccount when the pod names none', () => {
    const { related } = relatedOf([deployment(), account('app'), account('default')]);
    expect(related.serviceAccount?.object.metadata?.name).toBe('default');
  });
});

const ingress = (name: string, spec: Node, namespace?: string): KubernetesObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: meta(name, namespace),
  spec,
});
const toService = (name: string) => ({ service: { name, port: { number: 80 } } });
const viaPath = (name: string) => ({ rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: toService(name) }] } }] });

describe('indexRelations: Ingresses', () => {
  test('an Ingress with a path to one of the Services, or a default backend to it', () => {
    const { related } = relatedOf([
      deployment(),
      service('web', { app: 'shop' }),
      ingress('by-path', viaPath('web')),
      ingress('by-default', { defaultBackend: toService('web') }),
      ingress('elsewhere', viaPath('db')),
    ]);
    expect(names(related.ingresses)).toEqual(['Ingress/by-path', 'Ingress/by-default']);
  });

  test('a Service no Ingress names has none', () => {
    const { related } = relatedOf([deployment(), service('web', { app: 'shop' }), ingress('other', viaPath('db'))]);
    expect(related.ingresses).toEqual([]);
  });

  test('rules without http, resource backends and an Ingress without spec are read without error', () => {
    const { related } = relatedOf([
      deployment(),
      service('web', { app: 'shop' }),
      { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'bare' } },
      ingress('mixed', {
        defaultBackend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } },
        rules: [{ host: 'shop.example.com' }, null, { http: { paths: [null, { path: '/', backend: toService('web') }] } }],
      }),
    ]);
    expect(names(related.ingresses)).toEqual(['Ingress/mixed']);
  });

  test('an Ingress in another namespace than the Service does not count', () => {
    const { related } = relatedOf([
      deployment('web', 'shop'),
      service('web', { app: 'shop' }, 'shop'),
      ingress('web', viaPath('web'), 'other'),
    ]);
    expect(related.ingresses).toEqual([]);
  });

  test('each Ingress once, in input order, whichever Service it names', () => {
    const { related } = relatedOf([
      deployment(),
      ingress('first', viaPath('b')),
      service('a', { app: 'shop' }),
      service('b', { app: 'shop' }),
      ingress('second', { rules: [{ http: { paths: [{ backend: toService('a') }, { backend: toService('b') }] } }] }),
      ingress('third', viaPath('a')),
    ]);
    expect(names(related.ingresses)).toEqual(['Ingress/first', 'Ingress/second', 'Ingress/third']);
  });
});

describe('indexRelations: Gateway API routes', () => {
  const route = (kind: string, name: string, backendRefs: Node[], namespace?: string): KubernetesObject => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind,
    metadata: meta(name, namespace),
    spec: { parentRefs: [{ name: 'gateway' }], rules: [{ backendRefs }] },
  });

  test('HTTPRoutes and GRPCRoutes with a backendRef to one of the Services, in input order', () => {
    const { related } = relatedOf([
      deployment(),
      service('web', { app: 'shop' }),
      route('GRPCRoute', 'grpc', [{ name: 'web', port: 80 }]),
      route('HTTPRoute', 'http', [
        { name: 'other', port: 80 },
        { name: 'web', port: 80 },
      ]),
      route('HTTPRoute', 'unrelated', [{ name: 'other', port: 80 }]),
    ]);
    expect(names(related.routes)).toEqual(['GRPCRoute/grpc', 'HTTPRoute/http']);
  });

  test('a reference that writes the core group and the kind Service is the same reference', () => {
    const { related } = relatedOf([
      deployment(),
      service('web', { app: 'shop' }),
      route('HTTPRoute', 'explicit', [{ group: '', kind: 'Service', name: 'web' }]),
    ]);
    expect(names(related.routes)).toEqual(['HTTPRoute/explicit']);
  });

  test('a reference to another kind or group of the same name does not count', () => {
    const { related } = relatedOf([
      deployment(),
      service('web', { app: 'shop' }),
      route('HTTPRoute', 'import', [{ group: 'multicluster.x-k8s.io', kind: 'ServiceImport', name: 'web' }]),
      route('HTTPRoute', 'grouped', [{ group: 'example.com', name: 'web' }]),
      route('HTTPRoute', 'kinded', [{ kind: 'Backend', name: 'web' }]),
    ]);
    expect(related.routes).toEqual([]);
  });

  test('a route in another namespace counts when its reference names the Service’s namespace', () => {
    const { related } = relatedOf([
      deployment('web', 'shop'),
      service('web', { app: 'shop' }, 'shop'),
      route('HTTPRoute', 'cross', [{ name: 'web', namespace: 'shop' }], 'gateways'),
      route('HTTPRoute', 'local', [{ name: 'web' }], 'gateways'),
      route('HTTPRoute', 'same', [{ name: 'web' }], 'shop'),
    ]);
    expect(names(related.routes)).toEqual(['HTTPRoute/cross', 'HTTPRoute/same']);
  });

  test('a route without rules, or a rule without backendRefs (or an empty one), names no Service', () => {
    const { related } = relatedOf([
      deployment(),
      service('web', { app: 'shop' }),
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'bare' } },
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: { name: 'redirect' },
        spec: { rules: [{ filters: [] }, null] },
      },
    ]);
    expect(related.routes).toEqual([]);
  });
});

describe('indexRelations: Namespace, IngressClasses, claims', () => {
  test('the workload’s Namespace by name; none for a workload without namespace', () => {
    const namespaces: KubernetesObject[] = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
    ];
    expect(relatedOf([deployment('web', 'shop'), ...namespaces]).related.namespace?.object.metadata?.name).toBe('shop');
    expect(relatedOf([deployment(), ...namespaces]).related.namespace).toBeUndefined();
  });

  test('every IngressClass by name, with its controller (empty when it names none)', () => {
    const { related } = relatedOf([
      deployment(),
      { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'alb' }, spec: { controller: 'ingress.k8s.aws/alb' } },
      { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'bare' } },
    ]);
    expect([...related.ingressClasses]).toEqual([
      ['alb', 'ingress.k8s.aws/alb'],
      ['bare', ''],
    ]);
  });

  test('the PersistentVolumeClaims its volumes name, in its namespace, in volume order', () => {
    const claim = (name: string, namespace?: string): KubernetesObject => ({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta(name, namespace),
    });
    const volumes = [
      { name: 'cache', emptyDir: {} },
      null,
      { name: 'b', persistentVolumeClaim: { claimName: 'b' } },
      { name: 'missing', persistentVolumeClaim: { claimName: 'missing' } },
      { name: 'a', persistentVolumeClaim: { claimName: 'a' } },
    ];
    const { related } = relatedOf([
      deployment('web', 'shop', { volumes }),
      claim('a', 'shop'),
      claim('b', 'shop'),
      claim('missing', 'other'),
    ]);
    expect(names(related.volumeClaims)).toEqual(['PersistentVolumeClaim/b', 'PersistentVolumeClaim/a']);
  });

  test('a pod without volumes has no claims', () => {
    expect(relatedOf([deployment()]).related.volumeClaims).toEqual([]);
  });
});

describe('indexRelations: bindings', () => {
  const binding = (kind: string, name: string, subjects: unknown, namespace?: string): KubernetesObject =>
    ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind,
      metadata: meta(name, namespace),
      roleRef: { kind: 'Role', name: 'reader' },
      subjects,
    }) as KubernetesObject;

  test('a RoleBinding whose ServiceAccount subject has no namespace binds the account of its own namespace', () => {
    const { related } = relatedOf([
      deployment('web', 'shop', { serviceAccountName: 'app' }),
      binding('RoleBinding', 'here', [{ kind: 'ServiceAccount', name: 'app' }], 'shop'),
      binding('RoleBinding', 'there', [{ kind: 'ServiceAccount', name: 'app' }], 'other'),
    ]);
    expect(names(related.bindings)).toEqual(['RoleBinding/here']);
  });

  test('a ClusterRoleBinding binds the account its subject names with its namespace', () => {
    const { related } = relatedOf([
      deployment('web', 'shop', { serviceAccountName: 'app' }),
      binding('ClusterRoleBinding', 'cluster', [{ kind: 'ServiceAccount', name: 'app', namespace: 'shop' }]),
      binding('ClusterRoleBinding', 'elsewhere', [{ kind: 'ServiceAccount', name: 'app', namespace: 'other' }]),
    ]);
    expect(names(related.bindings)).toEqual(['ClusterRoleBinding/cluster']);
  });

  test('a subject that is a User or Group of the same name (or an empty one) does not bind the account', () => {
    const { related } = relatedOf([
      deployment('web', 'shop', { serviceAccountName: 'app' }),
      binding('RoleBinding', 'user', [{ kind: 'User', name: 'app', apiGroup: 'rbac.authorization.k8s.io' }], 'shop'),
      binding('RoleBinding', 'group', [{ kind: 'Group', name: 'app', apiGroup: 'rbac.authorization.k8s.io' }], 'shop'),
      binding('RoleBinding', 'none', 'app', 'shop'),
      binding('RoleBinding', 'empty', [null], 'shop'),
    ]);
    expect(related.bindings).toEqual([]);
  });

  test('a binding that names the account twice is listed once; the default account is bound when the pod names none', () => {
    const { related } = relatedOf([
      deployment('web', 'shop'),
      binding(
        'RoleBinding',
        'twice',
        [
          { kind: 'ServiceAccount', name: 'default' },
          { kind: 'ServiceAccount', name: 'default', namespace: 'shop' },
        ],
        'shop',
      ),
    ]);
    expect(names(related.bindings)).toEqual(['RoleBinding/twice']);
  });

  test('a ServiceAccount subject without a name binds no account, not even one named “undefined”', () => {
    const { related } = relatedOf([
      deployment('web', 'shop', { serviceAccountName: 'undefined' }),
      binding('RoleBinding', 'nameless', [{ kind: 'ServiceAccount' }], 'shop'),
    ]);
    expect(related.bindings).toEqual([]);
  });
});

describe('indexRelations: namespaces', () => {
  test('an empty namespace is the namespace of the apply, as none is', () => {
    const { related } = relatedOf([deployment('web', ''), service('web', { app: 'shop' })]);
    expect(names(related.services)).toEqual(['Service/web']);
  });
});

describe('indexRelations: objects without metadata', () => {
  test('are read without error and relate to nothing by name', () => {
    const input: KubernetesObject[] = [
      deployment(),
      { apiVersion: 'v1', kind: 'Service', spec: { selector: { app: 'shop' } } },
      { apiVersion: 'v1', kind: 'ServiceAccount' },
      { apiVersion: 'v1', kind: 'Namespace' },
      { apiVersion: 'v1', kind: 'PersistentVolumeClaim' },
      { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass' },
      ingress('web', viaPath('web')),
    ];
    const { related } = relatedOf(input);
    expect([related.services.length, related.ingresses, related.serviceAccount, related.namespace, related.volumeClaims]).toEqual([
      1,
      [],
      undefined,
      undefined,
      [],
    ]);
  });

  test('a workload without metadata is related by its labels, and has no autoscaler', () => {
    const { metadata: _, ...nameless } = deployment();
    const autoscaler: KubernetesObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' } },
    };
    const { related } = relatedOf([nameless, service('web', { app: 'shop' }), autoscaler]);
    expect([names(related.services), related.autoscaler]).toEqual([['Service/web'], undefined]);
  });
});
