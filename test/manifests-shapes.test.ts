import { stringify } from 'yaml';
import { checkManifests, InputError } from '../src';
import { type FieldPath, parseSourcedManifests } from '../src/files/manifests';
import { parsePath, pathText } from '../src/manifests/field-paths';
import { dictionary, identityOf, type KubernetesObject, type Node, objectName, own } from '../src/manifests/objects';
import { isReadKind, shapeProblems } from '../src/manifests/shapes';
import { workloadsOf } from '../src/manifests/workloads';

/**
 * The input shapes of `check` as a library (`src/manifests/shapes.ts`, `field-paths.ts`,
 * `objects.ts`): every field `check` reads, of every kind it reads, refused with its path and the
 * type it must have when the manifest gives it another; the paths as kubectl writes them; the names
 * of objects. The same errors through the built CLI: `test/check-cli.test.ts`.
 */

const CONTAINER = { name: 'app', image: 'registry.example/app:1.0.0' };
const POD_SPEC = { containers: [CONTAINER] };
const TEMPLATE = { metadata: { labels: { app: 'shop' } }, spec: POD_SPEC };

/** The smallest object of each kind read that has no shape problem. */
const VALID: Readonly<Record<string, Node>> = {
  Pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'debug' }, spec: POD_SPEC },
  Deployment: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { template: TEMPLATE } },
  StatefulSet: { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { template: TEMPLATE } },
  DaemonSet: { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { template: TEMPLATE } },
  ReplicaSet: { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'legacy' }, spec: { template: TEMPLATE } },
  ReplicationController: { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'older' }, spec: { template: TEMPLATE } },
  Job: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' }, spec: { template: TEMPLATE } },
  CronJob: {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'report' },
    spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: TEMPLATE } } },
  },
  PodTemplate: { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 'blueprint' }, template: TEMPLATE },
  Service: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } },
  Ingress: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' } },
  IngressClass: { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' } },
  HTTPRoute: { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'web' } },
  GRPCRoute: { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GRPCRoute', metadata: { name: 'web' } },
  PodDisruptionBudget: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' } },
  PersistentVolumeClaim: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' } },
  HorizontalPodAutoscaler: {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web' },
    spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' } },
  },
  ServiceAccount: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web' } },
  Namespace: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  RoleBinding: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'reader' } },
  ClusterRoleBinding: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'reader' } },
};

/** `a.b[0].c` as keys; this suite's own reading, so that it does not lean on the `parsePath` it tests. */
const keysOf = (text: string): FieldPath =>
  text
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((key) => (/^\d+$/.test(key) ? Number(key) : key));

/** A copy of the valid object of `kind` with `value` written at `path`, creating what is missing on the way. */
function withField(kind: string, path: string, value: unknown): Node {
  const object = structuredClone(VALID[kind]) as Node;
  const keys = keysOf(path);
  let node: Node = object;
  keys.slice(0, -1).forEach((key, index) => {
    if (node[key] === undefined) node[key] = typeof keys[index + 1] === 'number' ? [] : {};
    node = node[key];
  });
  node[keys[keys.length - 1]!] = value;
  return object;
}

/** For each type a field must have: a value of another type, and how the problem names it. */
const WRONG = {
  string: [5, 'a string, not 5'],
  integer: ['10', 'a whole number, not "10"'],
  boolean: ['true', 'true or false, not "true"'],
  intOrString: [true, 'a whole number or a string, not true'],
  list: ['ALL', 'a list, not "ALL"'],
  mapping: [[], 'a mapping, not a list'],
} as const;
type Expected = keyof typeof WRONG;

const problemsAt = (kind: string, path: string, value: unknown) => shapeProblems(withField(kind, path, value));

describe('every kind read is a read kind, with every other kind left to the API server', () => {
  test.each(Object.keys(VALID))('%s is read, and its smallest valid object has no shape problem', (kind) => {
    expect(isReadKind(kind)).toBe(true);
    expect(shapeProblems(VALID[kind]!)).toEqual([]);
  });

  test.each(['ConfigMap', 'Secret', 'Rollout', 'List', ''])('%s is not a read kind, and none of its fields is validated', (kind) => {
    expect(isReadKind(kind)).toBe(false);
    expect(shapeProblems({ apiVersion: 'v1', kind, metadata: { name: 5 }, spec: 5, data: [] })).toEqual([]);
  });

  test.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])(
    'a kind named like a member of every JavaScript object (%s) is no read kind',
    (kind) => {
      expect(isReadKind(kind)).toBe(false);
      expect(shapeProblems({ apiVersion: 'example.com/v1', kind, metadata: { name: 'x' } })).toEqual([]);
    },
  );
});

describe('the fields of every object read: its metadata', () => {
  const rows: Array<[string, string, Expected]> = [
    ['Service', 'metadata', 'mapping'],
    ['Service', 'metadata.name', 'string'],
    ['Service', 'metadata.namespace', 'string'],
    ['Service', 'metadata.labels.app', 'string'],
    ['Service', 'metadata.annotations.team', 'string'],
    ['ServiceAccount', 'metadata.name', 'string'],
    ['Namespace', 'metadata.labels.team', 'string'],
    ['PodTemplate', 'metadata.namespace', 'string'],
    ['RoleBinding', 'metadata.name', 'string'],
    ['Deployment', 'metadata.annotations.team', 'string'],
  ];
  test.each(rows)('%s: %s must be %s', (kind, path, expected) => {
    const [value, text] = WRONG[expected];
    expect(problemsAt(kind, path, value)).toEqual([{ path: keysOf(path), message: `${path} must be ${text}` }]);
  });

  test('a label or annotation key that is no plain word is named in brackets', () => {
    const object = { ...VALID.Service, metadata: { name: 'web', annotations: { 'example.com/team': ['shop'] } } };
    expect(shapeProblems(object)).toEqual([
      {
        path: ['metadata', 'annotations', 'example.com/team'],
        message: 'metadata.annotations[example.com/team] must be a string, not a list',
      },
    ]);
  });
});

describe('the fields of a pod spec (a bare Pod: spec is the pod spec)', () => {
  const rows: Array<[string, Expected]> = [
    ['spec', 'mapping'],
    ['spec.containers', 'list'],
    ['spec.initContainers', 'list'],
    ['spec.ephemeralContainers', 'list'],
    ['spec.terminationGracePeriodSeconds', 'integer'],
    ['spec.restartPolicy', 'string'],
    ['spec.automountServiceAccountToken', 'boolean'],
    ['spec.serviceAccountName', 'string'],
    ['spec.hostNetwork', 'boolean'],
    ['spec.hostPID', 'boolean'],
    ['spec.hostIPC', 'boolean'],
    ['spec.volumes', 'list'],
    ['spec.topologySpreadConstraints', 'list'],
    ['spec.topologySpreadConstraints[0].topologyKey', 'string'],
    ['spec.topologySpreadConstraints[0].maxSkew', 'integer'],
    ['spec.topologySpreadConstraints[0].whenUnsatisfiable', 'string'],
    ['spec.securityContext', 'mapping'],
    ['spec.securityContext.runAsNonRoot', 'boolean'],
    ['spec.securityContext.runAsUser', 'integer'],
    ['spec.securityContext.seccompProfile.type', 'string'],
    ['spec.securityContext.seLinuxOptions.type', 'string'],
    ['spec.securityContext.seLinuxOptions.user', 'string'],
    ['spec.securityContext.seLinuxOptions.role', 'string'],
    ['spec.securityContext.windowsOptions.hostProcess', 'boolean'],
    ['spec.securityContext.sysctls', 'list'],
    ['spec.securityContext.sysctls[0].name', 'string'],
  ];
  test.each(rows)('%s must be %s', (path, expected) => {
    const [value, text] = WRONG[expected];
    expect(problemsAt('Pod', path, value)).toEqual([{ path: keysOf(path), message: `${path} must be ${text}` }]);
  });

  test('a volume must have a name, and its name must be a string', () => {
    expect(problemsAt('Pod', 'spec.volumes', [{ emptyDir: {} }, { name: 5 }])).toEqual([
      { path: ['spec', 'volumes', 0, 'name'], message: 'spec.volumes[0].name is required' },
      { path: ['spec', 'volumes', 1, 'name'], message: 'spec.volumes[1].name must be a string, not 5' },
    ]);
  });

  test('a pod spec must have containers: missing or null, it is required', () => {
    expect(shapeProblems({ ...VALID.Pod, spec: { restartPolicy: 'Never' } })).toEqual([
      { path: ['spec', 'containers'], message: 'spec.containers is required' },
    ]);
    expect(shapeProblems({ ...VALID.Pod, spec: { containers: null } })).toEqual([
      { path: ['spec', 'containers'], message: 'spec.containers is required' },
    ]);
  });

  test('a pod spec must have at least one container; init and ephemeral containers may be none', () => {
    expect(shapeProblems({ ...VALID.Pod, spec: { containers: [], initContainers: [], ephemeralContainers: [] } })).toEqual([
      { path: ['spec', 'containers'], message: 'spec.containers must not be empty' },
    ]);
  });

  test('a container that is no mapping is named by its index, its type written out', () => {
    expect(problemsAt('Pod', 'spec.containers', [CONTAINER, null, 'sidecar', 7])).toEqual([
      { path: ['spec', 'containers', 1], message: 'spec.containers[1] must be a mapping, not null' },
      { path: ['spec', 'containers', 2], message: 'spec.containers[2] must be a mapping, not "sidecar"' },
      { path: ['spec', 'containers', 3], message: 'spec.containers[3] must be a mapping, not 7' },
    ]);
  });

  test.each(['initContainers', 'ephemeralContainers'])('%s are containers: a name is required, and their fields have shapes', (list) => {
    expect(problemsAt('Pod', `spec.${list}`, [{ image: 5 }])).toEqual([
      { path: ['spec', list, 0, 'name'], message: `spec.${list}[0].name is required` },
      { path: ['spec', list, 0, 'image'], message: `spec.${list}[0].image must be a string, not 5` },
    ]);
  });
});

describe('the fields of a container', () => {
  const container = 'spec.containers[0]';
  const rows: Array<[string, Expected]> = [
    ['name', 'string'],
    ['image', 'string'],
    ['restartPolicy', 'string'],
    ['ports', 'list'],
    ['ports[0].name', 'string'],
    ['ports[0].containerPort', 'integer'],
    ['ports[0].hostPort', 'integer'],
    ['lifecycle', 'mapping'],
    ['lifecycle.preStop', 'mapping'],
    ['lifecycle.preStop.httpGet.path', 'string'],
    ['lifecycle.preStop.httpGet.port', 'intOrString'],
    ['lifecycle.preStop.httpGet.scheme', 'string'],
    ['lifecycle.preStop.tcpSocket.port', 'intOrString'],
    ['lifecycle.preStop.exec.command', 'list'],
    ['lifecycle.preStop.exec.command[0]', 'string'],
    ['lifecycle.preStop.sleep', 'mapping'],
    ['lifecycle.preStop.sleep.seconds', 'integer'],
    ['resources', 'mapping'],
    ['resources.requests', 'mapping'],
    ['resources.requests.cpu', 'intOrString'],
    ['resources.limits', 'mapping'],
    ['resources.limits.memory', 'intOrString'],
    ['securityContext', 'mapping'],
    ['securityContext.privileged', 'boolean'],
    ['securityContext.allowPrivilegeEscalation', 'boolean'],
    ['securityContext.runAsNonRoot', 'boolean'],
    ['securityContext.runAsUser', 'integer'],
    ['securityContext.readOnlyRootFilesystem', 'boolean'],
    ['securityContext.procMount', 'string'],
    ['securityContext.capabilities', 'mapping'],
    ['securityContext.capabilities.add', 'list'],
    ['securityContext.capabilities.add[0]', 'string'],
    ['securityContext.capabilities.drop', 'list'],
    ['securityContext.capabilities.drop[0]', 'string'],
    ['securityContext.seccompProfile', 'mapping'],
    ['securityContext.seccompProfile.type', 'string'],
    ['securityContext.seLinuxOptions.type', 'string'],
    ['securityContext.seLinuxOptions.user', 'string'],
    ['securityContext.seLinuxOptions.role', 'string'],
    ['securityContext.windowsOptions', 'mapping'],
    ['securityContext.windowsOptions.hostProcess', 'boolean'],
  ];
  test.each(rows)(`${container}.%s must be %s`, (field, expected) => {
    const [value, text] = WRONG[expected];
    const path = `${container}.${field}`;
    expect(problemsAt('Pod', path, value)).toEqual([{ path: keysOf(path), message: `${path} must be ${text}` }]);
  });

  const probeRows: Array<[string, string, Expected]> = [];
  for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
    probeRows.push([probe, '', 'mapping'], [probe, '.periodSeconds', 'integer']);
  }
  for (const [field, expected] of [
    ['.httpGet', 'mapping'],
    ['.httpGet.path', 'string'],
    ['.httpGet.port', 'intOrString'],
    ['.httpGet.scheme', 'string'],
    ['.tcpSocket', 'mapping'],
    ['.tcpSocket.port', 'intOrString'],
    ['.exec', 'mapping'],
    ['.exec.command', 'list'],
    ['.exec.command[0]', 'string'],
    ['.grpc', 'mapping'],
    ['.grpc.port', 'integer'],
    ['.grpc.service', 'string'],
    ['.timeoutSeconds', 'integer'],
    ['.failureThreshold', 'integer'],
    ['.successThreshold', 'integer'],
    ['.terminationGracePeriodSeconds', 'integer'],
  ] as const)
    probeRows.push(['readinessProbe', field, expected]);
  test.each(probeRows)(`${container}.%s%s must be %s`, (probe, field, expected) => {
    const [value, text] = WRONG[expected];
    const path = `${container}.${probe}${field}`;
    expect(problemsAt('Pod', path, value)).toEqual([{ path: keysOf(path), message: `${path} must be ${text}` }]);
  });

  test('a container must have a name: missing or null, it is required', () => {
    expect(problemsAt('Pod', 'spec.containers', [{ image: 'app:1.0.0' }, { name: null }])).toEqual([
      { path: ['spec', 'containers', 0, 'name'], message: 'spec.containers[0].name is required' },
      { path: ['spec', 'containers', 1, 'name'], message: 'spec.containers[1].name is required' },
    ]);
  });

  test('a gRPC probe port must be a number: it has no port names', () => {
    expect(problemsAt('Pod', `${container}.livenessProbe.grpc.port`, 'grpc')).toEqual([
      {
        path: keysOf(`${container}.livenessProbe.grpc.port`),
        message: `${container}.livenessProbe.grpc.port must be a whole number, not "grpc"`,
      },
    ]);
  });

  test('a port number or a port name may be given where a port may be named', () => {
    expect(problemsAt('Pod', `${container}.readinessProbe.httpGet.port`, 'http')).toEqual([]);
    expect(problemsAt('Pod', `${container}.readinessProbe.tcpSocket.port`, 8080)).toEqual([]);
    expect(problemsAt('Pod', `${container}.resources.limits.cpu`, '500m')).toEqual([]);
    expect(problemsAt('Pod', `${container}.resources.limits.cpu`, 2)).toEqual([]);
  });
});

describe('the kinds that run pods: where their pod spec is, and their own fields', () => {
  const rows: Array<[string, string, Expected]> = [
    ['Deployment', 'spec.template.spec.containers[0].image', 'string'],
    ['StatefulSet', 'spec.template.spec.hostNetwork', 'boolean'],
    ['DaemonSet', 'spec.template.spec.containers[0].ports[0].hostPort', 'integer'],
    ['ReplicaSet', 'spec.template.spec.terminationGracePeriodSeconds', 'integer'],
    ['ReplicationController', 'spec.template.spec.serviceAccountName', 'string'],
    ['Job', 'spec.template.spec.restartPolicy', 'string'],
    ['CronJob', 'spec.jobTemplate.spec.template.spec.containers[0].name', 'string'],
    ['PodTemplate', 'template.spec.automountServiceAccountToken', 'boolean'],
    ['Deployment', 'spec.template.metadata', 'mapping'],
    ['Deployment', 'spec.template.metadata.labels.app', 'string'],
    ['Deployment', 'spec.template.metadata.annotations.team', 'string'],
    ['StatefulSet', 'spec.template.metadata.labels.app', 'string'],
    ['Job', 'spec.template.metadata.annotations.team', 'string'],
    ['Deployment', 'spec.replicas', 'integer'],
    ['Deployment', 'spec.minReadySeconds', 'integer'],
    ['Deployment', 'spec.progressDeadlineSeconds', 'integer'],
    ['Deployment', 'spec.strategy', 'mapping'],
    ['Deployment', 'spec.strategy.type', 'string'],
    ['Deployment', 'spec.strategy.rollingUpdate', 'mapping'],
    ['Deployment', 'spec.strategy.rollingUpdate.maxSurge', 'intOrString'],
    ['Deployment', 'spec.strategy.rollingUpdate.maxUnavailable', 'intOrString'],
    ['StatefulSet', 'spec.replicas', 'integer'],
    ['StatefulSet', 'spec.minReadySeconds', 'integer'],
    ['DaemonSet', 'spec.minReadySeconds', 'integer'],
    ['ReplicaSet', 'spec.replicas', 'integer'],
    ['ReplicationController', 'spec.replicas', 'integer'],
    ['Deployment', 'spec.selector', 'mapping'],
    ['Deployment', 'spec.selector.matchLabels', 'mapping'],
    ['Deployment', 'spec.selector.matchLabels.app', 'string'],
    ['Deployment', 'spec.selector.matchExpressions', 'list'],
    ['StatefulSet', 'spec.selector.matchLabels.app', 'string'],
    ['ReplicationController', 'spec.selector', 'mapping'],
    ['ReplicationController', 'spec.selector.app', 'string'],
    ['CronJob', 'spec.jobTemplate', 'mapping'],
    ['CronJob', 'spec.jobTemplate.spec', 'mapping'],
    ['Job', 'spec.template', 'mapping'],
    ['PodTemplate', 'template', 'mapping'],
  ];
  test.each(rows)('%s: %s must be %s', (kind, path, expected) => {
    const [value, text] = WRONG[expected];
    expect(problemsAt(kind, path, value)).toEqual([{ path: keysOf(path), message: `${path} must be ${text}` }]);
  });

  test('a label selector expression must have a key and an operator, each a string, and its values strings', () => {
    const expressions = [{ values: ['a'] }, { key: 5, operator: true, values: [1] }];
    expect(problemsAt('Deployment', 'spec.selector.matchExpressions', expressions)).toEqual([
      { path: ['spec', 'selector', 'matchExpressions', 0, 'key'], message: 'spec.selector.matchExpressions[0].key is required' },
      { path: ['spec', 'selector', 'matchExpressions', 0, 'operator'], message: 'spec.selector.matchExpressions[0].operator is required' },
      {
        path: ['spec', 'selector', 'matchExpressions', 1, 'key'],
        message: 'spec.selector.matchExpressions[1].key must be a string, not 5',
      },
      {
        path: ['spec', 'selector', 'matchExpressions', 1, 'operator'],
        message: 'spec.selector.matchExpressions[1].operator must be a string, not true',
      },
      {
        path: ['spec', 'selector', 'matchExpressions', 1, 'values', 0],
        message: 'spec.selector.matchExpressions[1].values[0] must be a string, not 1',
      },
    ]);
  });

  test.each([
    ['Pod', 'spec'],
    ['Deployment', 'spec'],
    ['StatefulSet', 'spec'],
    ['DaemonSet', 'spec'],
    ['ReplicaSet', 'spec'],
    ['ReplicationController', 'spec'],
    ['Job', 'spec'],
    ['CronJob', 'spec'],
    ['HorizontalPodAutoscaler', 'spec'],
    ['Deployment', 'spec.template'],
    ['StatefulSet', 'spec.template'],
    ['DaemonSet', 'spec.template'],
    ['ReplicaSet', 'spec.template'],
    ['ReplicationController', 'spec.template'],
    ['Job', 'spec.template'],
    ['Deployment', 'spec.template.spec'],
    ['Job', 'spec.template.spec'],
    ['CronJob', 'spec.jobTemplate'],
    ['CronJob', 'spec.jobTemplate.spec'],
    ['CronJob', 'spec.jobTemplate.spec.template'],
    ['CronJob', 'spec.jobTemplate.spec.template.spec'],
    ['PodTemplate', 'template'],
    ['PodTemplate', 'template.spec'],
    ['HorizontalPodAutoscaler', 'spec.scaleTargetRef.kind'],
    ['HorizontalPodAutoscaler', 'spec.scaleTargetRef.name'],
  ])('%s: %s is required', (kind, path) => {
    const object = withField(kind, path, null);
    expect(shapeProblems(object)).toEqual([{ path: keysOf(path), message: `${path} is required` }]);
  });

  test.each(['Service', 'Ingress', 'IngressClass', 'HTTPRoute', 'GRPCRoute', 'PodDisruptionBudget', 'PersistentVolumeClaim'])(
    '%s may leave its spec out',
    (kind) => {
      expect(VALID[kind]!.spec).toBeUndefined();
      expect(shapeProblems(VALID[kind]!)).toEqual([]);
    },
  );
});

describe('the fields of the other kinds read', () => {
  const rows: Array<[string, string, Expected]> = [
    ['Service', 'spec', 'mapping'],
    ['Service', 'spec.type', 'string'],
    ['Service', 'spec.loadBalancerClass', 'string'],
    ['Service', 'spec.selector', 'mapping'],
    ['Service', 'spec.selector.app', 'string'],
    ['Service', 'spec.ports', 'list'],
    ['Service', 'spec.ports[0].name', 'string'],
    ['Service', 'spec.ports[0].port', 'integer'],
    ['Service', 'spec.ports[0].targetPort', 'intOrString'],
    ['Ingress', 'spec.ingressClassName', 'string'],
    ['Ingress', 'spec.defaultBackend', 'mapping'],
    ['Ingress', 'spec.defaultBackend.service', 'mapping'],
    ['Ingress', 'spec.defaultBackend.service.name', 'string'],
    ['Ingress', 'spec.defaultBackend.service.port', 'mapping'],
    ['Ingress', 'spec.defaultBackend.service.port.name', 'string'],
    ['Ingress', 'spec.defaultBackend.service.port.number', 'integer'],
    ['Ingress', 'spec.rules', 'list'],
    ['Ingress', 'spec.rules[0].http', 'mapping'],
    ['Ingress', 'spec.rules[0].http.paths', 'list'],
    ['Ingress', 'spec.rules[0].http.paths[0].backend', 'mapping'],
    ['Ingress', 'spec.rules[0].http.paths[0].backend.service.name', 'string'],
    ['Ingress', 'spec.rules[0].http.paths[0].backend.service.port.number', 'integer'],
    ['IngressClass', 'spec.controller', 'string'],
    ['PodDisruptionBudget', 'spec.selector', 'mapping'],
    ['PodDisruptionBudget', 'spec.selector.matchLabels.app', 'string'],
    ['PodDisruptionBudget', 'spec.minAvailable', 'intOrString'],
    ['PodDisruptionBudget', 'spec.maxUnavailable', 'intOrString'],
    ['PodDisruptionBudget', 'spec.unhealthyPodEvictionPolicy', 'string'],
    ['PersistentVolumeClaim', 'spec.accessModes', 'list'],
    ['PersistentVolumeClaim', 'spec.accessModes[0]', 'string'],
    ['HorizontalPodAutoscaler', 'spec.scaleTargetRef', 'mapping'],
    ['HorizontalPodAutoscaler', 'spec.scaleTargetRef.kind', 'string'],
    ['HorizontalPodAutoscaler', 'spec.scaleTargetRef.name', 'string'],
    ['HorizontalPodAutoscaler', 'spec.minReplicas', 'integer'],
    ['ServiceAccount', 'automountServiceAccountToken', 'boolean'],
    ['RoleBinding', 'subjects', 'list'],
    ['RoleBinding', 'subjects[0].kind', 'string'],
    ['RoleBinding', 'subjects[0].name', 'string'],
    ['RoleBinding', 'subjects[0].namespace', 'string'],
    ['ClusterRoleBinding', 'subjects[0].name', 'string'],
  ];
  for (const route of ['HTTPRoute', 'GRPCRoute']) {
    rows.push(
      [route, 'spec.rules', 'list'],
      [route, 'spec.rules[0].backendRefs', 'list'],
      [route, 'spec.rules[0].backendRefs[0]', 'mapping'],
      [route, 'spec.rules[0].backendRefs[0].group', 'string'],
      [route, 'spec.rules[0].backendRefs[0].kind', 'string'],
      [route, 'spec.rules[0].backendRefs[0].name', 'string'],
      [route, 'spec.rules[0].backendRefs[0].namespace', 'string'],
      [route, 'spec.rules[0].backendRefs[0].port', 'integer'],
    );
  }
  test.each(rows)('%s: %s must be %s', (kind, path, expected) => {
    const [value, text] = WRONG[expected];
    expect(problemsAt(kind, path, value)).toEqual([{ path: keysOf(path), message: `${path} must be ${text}` }]);
  });

  test('a Namespace has no spec read: only its metadata', () => {
    expect(problemsAt('Namespace', 'spec', 5)).toEqual([]);
    expect(problemsAt('ServiceAccount', 'spec', 5)).toEqual([]);
  });

  test('a ServiceAccount may leave automountServiceAccountToken out, and a Namespace does not have it read', () => {
    expect(problemsAt('ServiceAccount', 'automountServiceAccountToken', false)).toEqual([]);
    expect(problemsAt('Namespace', 'automountServiceAccountToken', 'maybe')).toEqual([]);
  });
});

describe('how values are read', () => {
  test('a whole number is an integer: 1.5 is not, nor is a number in quotes', () => {
    expect(problemsAt('Deployment', 'spec.replicas', 1.5)).toEqual([
      { path: ['spec', 'replicas'], message: 'spec.replicas must be a whole number, not 1.5' },
    ]);
    expect(problemsAt('Deployment', 'spec.replicas', 3)).toEqual([]);
  });

  test('a mapping where a number belongs is named "a mapping", a list "a list"', () => {
    expect(problemsAt('Deployment', 'spec.replicas', { count: 3 })).toEqual([
      { path: ['spec', 'replicas'], message: 'spec.replicas must be a whole number, not a mapping' },
    ]);
    expect(problemsAt('Deployment', 'spec.replicas', [3])).toEqual([
      { path: ['spec', 'replicas'], message: 'spec.replicas must be a whole number, not a list' },
    ]);
  });

  test('a string where a mapping belongs is named with its quotes, a number or boolean as written', () => {
    expect(problemsAt('Deployment', 'spec.strategy', 'Recreate')).toEqual([
      { path: ['spec', 'strategy'], message: 'spec.strategy must be a mapping, not "Recreate"' },
    ]);
    expect(problemsAt('Deployment', 'spec.strategy', false)).toEqual([
      { path: ['spec', 'strategy'], message: 'spec.strategy must be a mapping, not false' },
    ]);
  });

  test('a null entry of a list is named null', () => {
    expect(problemsAt('PersistentVolumeClaim', 'spec.accessModes', ['ReadWriteOnce', null])).toEqual([
      { path: ['spec', 'accessModes', 1], message: 'spec.accessModes[1] must be a string, not null' },
    ]);
  });

  test('a field written empty (null, as YAML writes `labels:`) is read as absent, as Kubernetes reads it', () => {
    expect(problemsAt('Deployment', 'spec.replicas', null)).toEqual([]);
    expect(problemsAt('Deployment', 'metadata.labels', null)).toEqual([]);
    expect(problemsAt('Deployment', 'metadata.labels.app', null)).toEqual([]);
  });

  test('a field holding undefined (an object built in code) is read as absent', () => {
    expect(problemsAt('Deployment', 'spec.replicas', undefined)).toEqual([]);
  });

  test('a field check does not read is not validated: the API server does that, for every version', () => {
    expect(problemsAt('Deployment', 'spec.paused', 'yes')).toEqual([]);
    expect(problemsAt('Deployment', 'spec.template.spec.containers[0].env', 'PORT=80')).toEqual([]);
    expect(problemsAt('Deployment', 'status', 5)).toEqual([]);
  });

  test('every problem of an object is given, in the order of its fields', () => {
    const object = {
      ...VALID.Deployment,
      metadata: { name: 'web', labels: { app: 1 } },
      spec: { replicas: 'two', template: { spec: { containers: [{ name: 'app', image: 5 }], hostPID: 'no' } } },
    };
    expect(shapeProblems(object).map((problem) => problem.message)).toEqual([
      'metadata.labels.app must be a string, not 1',
      'spec.replicas must be a whole number, not "two"',
      'spec.template.spec.containers[0].image must be a string, not 5',
      'spec.template.spec.hostPID must be true or false, not "no"',
    ]);
  });

  test('a required field that is missing is reported before the fields written', () => {
    expect(shapeProblems({ ...VALID.Deployment, spec: { replicas: 'two' } })).toEqual([
      { path: ['spec', 'template'], message: 'spec.template is required' },
      { path: ['spec', 'replicas'], message: 'spec.replicas must be a whole number, not "two"' },
    ]);
  });
});

describe('field paths, as kubectl and the API server write them', () => {
  test('keys are joined by dots and indexes are in brackets, with no dot before the first key', () => {
    expect(pathText(['spec', 'template', 'spec', 'containers', 0, 'name'])).toBe('spec.template.spec.containers[0].name');
  });

  test('a path may start with an index, and the empty path is the empty text', () => {
    expect(pathText([0, 'name'])).toBe('[0].name');
    expect(pathText([])).toBe('');
  });

  test('a key that is a plain word (a letter or _, then letters, digits, _ and -) is written as is', () => {
    expect(pathText(['metadata', 'labels', 'app-name_2'])).toBe('metadata.labels.app-name_2');
    expect(pathText(['_x', 'a'])).toBe('_x.a');
  });

  test('a key that is no plain word goes in brackets: dots, slashes, a leading digit or dash, a space', () => {
    expect(pathText(['metadata', 'annotations', 'app.kubernetes.io/name'])).toBe('metadata.annotations[app.kubernetes.io/name]');
    expect(pathText(['metadata', 'labels', 'example.com/v1'])).toBe('metadata.labels[example.com/v1]');
    expect(pathText(['data', '1x'])).toBe('data[1x]');
    expect(pathText(['data', '-x'])).toBe('data[-x]');
    expect(pathText(['data', 'a b'])).toBe('data[a b]');
    expect(pathText(['data', 'a!'])).toBe('data[a!]');
  });

  test('parsePath reads dotted keys and bracketed indexes, an index of several digits as one number', () => {
    expect(parsePath('spec.containers[0].ports[12].name')).toEqual(['spec', 'containers', 0, 'ports', 12, 'name']);
  });

  test('parsePath reads a bracketed key that is not all digits as a key, whatever digits it starts or ends with', () => {
    expect(parsePath('metadata.annotations[app.kubernetes.io/name]')).toEqual(['metadata', 'annotations', 'app.kubernetes.io/name']);
    expect(parsePath('data[1x]')).toEqual(['data', '1x']);
    expect(parsePath('labels[example.com/v1]')).toEqual(['labels', 'example.com/v1']);
  });

  test.each<[string, FieldPath]>([
    ['a container field', ['spec', 'template', 'spec', 'containers', 0, 'readinessProbe', 'httpGet', 'port']],
    ['an annotation', ['metadata', 'annotations', 'hardened-workloads.io/declared']],
    ['a label key with digits', ['spec', 'selector', 'matchLabels', 'example.com/v2']],
    ['a list of lists', ['items', 3, 10, 'name']],
  ])('parsePath reads back what pathText writes: %s', (_, path) => {
    expect(parsePath(pathText(path))).toEqual(path);
  });
});

describe('object names and identities', () => {
  test('an object is named Kind/name, with its namespace between when one is written', () => {
    expect(objectName({ kind: 'Deployment', metadata: { name: 'web' } })).toBe('Deployment/web');
    expect(objectName({ kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' } })).toBe('Deployment/shop/web');
    expect(objectName({ kind: 'Deployment', metadata: { name: 'web', namespace: '' } })).toBe('Deployment/web');
  });

  test('an object named by generateName is named by its prefix and a star', () => {
    const metadata = { generateName: 'debug-', namespace: 'shop' } as KubernetesObject['metadata'];
    expect(objectName({ kind: 'Pod', metadata })).toBe('Pod/shop/debug-*');
  });

  test('the identity of an object is its API group (not version), kind, namespace as written and name', () => {
    expect(identityOf({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' } })).toBe(
      'apps\u0000Deployment\u0000shop\u0000web',
    );
    expect(identityOf({ apiVersion: 'apps/v1beta2', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' } })).toBe(
      'apps\u0000Deployment\u0000shop\u0000web',
    );
  });

  test('the core group is the empty group, and no namespace written is the empty namespace, not default', () => {
    expect(identityOf({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } })).toBe('\u0000Service\u0000\u0000web');
    expect(identityOf({ kind: 'Service', metadata: { name: 'web' } })).toBe('\u0000Service\u0000\u0000web');
    expect(identityOf({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' } })).toBe(
      '\u0000Service\u0000default\u0000web',
    );
  });

  test('an object without a name (generateName, no metadata) has no identity: it is a new object each time', () => {
    expect(
      identityOf({ apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'debug-' } as KubernetesObject['metadata'] }),
    ).toBeUndefined();
    expect(identityOf({ apiVersion: 'v1', kind: 'Pod' })).toBeUndefined();
  });
});

describe('maps keyed by names from the input', () => {
  test('a dictionary has no prototype, and no entry unless given one', () => {
    const empty = dictionary();
    expect(Object.getPrototypeOf(empty)).toBeNull();
    expect(Object.keys(empty)).toEqual([]);
  });

  test('a dictionary keeps __proto__ and constructor as its own entries, the last of a name winning', () => {
    const map = dictionary<number>([
      ['__proto__', 1],
      ['constructor', 2],
      ['constructor', 3],
    ]);
    expect(Object.keys(map)).toEqual(['__proto__', 'constructor']);
    expect(map['__proto__']).toBe(1);
    expect(map.constructor).toBe(3);
  });

  test('own gives a record’s own entry, never an inherited member', () => {
    expect(own({ app: 'shop' }, 'app')).toBe('shop');
    expect(own({ app: 'shop' }, 'constructor')).toBeUndefined();
    expect(own({ app: 'shop' }, 'toString')).toBeUndefined();
    expect(own(dictionary([['constructor', 'x']]), 'constructor')).toBe('x');
  });

  test('own of no record is nothing', () => {
    expect(own(null, 'app')).toBeUndefined();
    expect(own(undefined, 'app')).toBeUndefined();
  });
});

describe('the input shapes through checkManifests', () => {
  const problemsOf = (text: string) => {
    try {
      checkManifests([{ name: 'app.yaml', text }]);
    } catch (error) {
      if (error instanceof InputError) return error.problems;
      throw error;
    }
    return [];
  };

  test('a malformed field is an input problem at the line and column of its key, named with its object', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          image: 5',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      { file: 'app.yaml', line: 10, column: 11, message: 'Deployment/web: spec.template.spec.containers[0].image must be a string, not 5' },
    ]);
  });

  test('a required field that is missing is reported at its nearest written ancestor', () => {
    expect(problemsOf('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n')).toEqual([
      { file: 'app.yaml', line: 5, column: 1, message: 'Deployment/web: spec.template is required' },
    ]);
  });

  test('a label named constructor is a plain label: its wrong value is named by its key', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    constructor: 5\n';
    expect(problemsOf(text)).toEqual([
      { file: 'app.yaml', line: 6, column: 5, message: 'Service/web: metadata.labels.constructor must be a string, not 5' },
    ]);
  });

  test('an object of a kind named toString is skipped as a kind check does not read, not refused for a spec', () => {
    const text = `${stringify(VALID.Deployment)}---\n${stringify({ apiVersion: 'example.com/v1', kind: 'toString', metadata: { name: 'x' } })}`;
    const report = checkManifests([{ name: 'app.yaml', text }]);
    expect(report.skipped.map((entry) => entry.object)).toEqual([{ kind: 'toString', name: 'x' }]);
  });
});

describe('workloadsOf: the objects that run pods, in input order', () => {
  test('every workload kind is a workload with its subject; other kinds are not', () => {
    const objects = [
      VALID.Service,
      VALID.Deployment,
      VALID.PodDisruptionBudget,
      { ...VALID.Job, metadata: { name: 'migrate', namespace: 'shop' } },
    ];
    const { objects: sourced } = parseSourcedManifests({
      name: 'app.yaml',
      text: objects.map((object) => stringify(object)).join('---\n'),
    });
    expect(workloadsOf(sourced).map(({ kind, subject, pod }) => [kind, subject, pod.containers.map((view) => view.name)])).toEqual([
      ['Deployment', 'Deployment/web', ['app']],
      ['Job', 'Job/shop/migrate', ['app']],
    ]);
  });
});
