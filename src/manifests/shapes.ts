import type { FieldPath } from '../files/manifests';
import { pathText } from './field-paths';
import { type Node, own } from './objects';

/**
 * The shape of every field `check` reads, per kind. An object whose fields have another type
 * (`spec: 5`, `replicas: "three"`) is an input error naming the field and its position — never a
 * crash, never a field silently read as absent. Fields `check` does not read are not validated:
 * the API server does that, and a linter must accept every field of every Kubernetes version.
 */
type Scalar = 'string' | 'integer' | 'boolean' | 'intOrString';
interface Mapping {
  readonly fields?: Readonly<Record<string, Shape>>;
  /** For maps with free keys (labels, resource quantities): the shape of every value. */
  readonly values?: Shape;
  readonly required?: readonly string[];
}
interface List {
  readonly items: Shape;
  readonly nonEmpty?: boolean;
}
export type Shape = Scalar | Mapping | List;

export interface ShapeProblem {
  readonly path: FieldPath;
  readonly message: string;
}

const STRINGS: List = { items: 'string' };
const STRING_MAP: Mapping = { values: 'string' };
const QUANTITIES: Mapping = { values: 'intOrString' };

const PROBE_ACTIONS = {
  httpGet: { fields: { path: 'string', port: 'intOrString', scheme: 'string' } },
  tcpSocket: { fields: { port: 'intOrString' } },
  exec: { fields: { command: STRINGS } },
} as const satisfies Record<string, Mapping>;

const PROBE: Mapping = {
  fields: {
    ...PROBE_ACTIONS,
    grpc: { fields: { port: 'integer', service: 'string' } },
    periodSeconds: 'integer',
    timeoutSeconds: 'integer',
    failureThreshold: 'integer',
    successThreshold: 'integer',
    terminationGracePeriodSeconds: 'integer',
  },
};

const SELINUX: Mapping = { fields: { type: 'string', user: 'string', role: 'string' } };
const SECCOMP: Mapping = { fields: { type: 'string' } };
const WINDOWS: Mapping = { fields: { hostProcess: 'boolean' } };

const CONTAINER: Mapping = {
  required: ['name'],
  fields: {
    name: 'string',
    image: 'string',
    restartPolicy: 'string',
    ports: { items: { fields: { name: 'string', containerPort: 'integer', hostPort: 'integer' } } },
    readinessProbe: PROBE,
    livenessProbe: PROBE,
    startupProbe: PROBE,
    lifecycle: { fields: { preStop: { fields: { ...PROBE_ACTIONS, sleep: { fields: { seconds: 'integer' } } } } } },
    resources: { fields: { requests: QUANTITIES, limits: QUANTITIES } },
    securityContext: {
      fields: {
        privileged: 'boolean',
        allowPrivilegeEscalation: 'boolean',
        runAsNonRoot: 'boolean',
        runAsUser: 'integer',
        readOnlyRootFilesystem: 'boolean',
        procMount: 'string',
        capabilities: { fields: { add: STRINGS, drop: STRINGS } },
        seccompProfile: SECCOMP,
        seLinuxOptions: SELINUX,
        windowsOptions: WINDOWS,
      },
    },
  },
};

const POD_SPEC: Mapping = {
  required: ['containers'],
  fields: {
    containers: { items: CONTAINER, nonEmpty: true },
    initContainers: { items: CONTAINER },
    ephemeralContainers: { items: CONTAINER },
    terminationGracePeriodSeconds: 'integer',
    restartPolicy: 'string',
    automountServiceAccountToken: 'boolean',
    serviceAccountName: 'string',
    hostNetwork: 'boolean',
    hostPID: 'boolean',
    hostIPC: 'boolean',
    volumes: { items: { required: ['name'], fields: { name: 'string' } } },
    topologySpreadConstraints: { items: { fields: { topologyKey: 'string', maxSkew: 'integer', whenUnsatisfiable: 'string' } } },
    securityContext: {
      fields: {
        runAsNonRoot: 'boolean',
        runAsUser: 'integer',
        seccompProfile: SECCOMP,
        seLinuxOptions: SELINUX,
        windowsOptions: WINDOWS,
        sysctls: { items: { fields: { name: 'string' } } },
      },
    },
  },
};

const POD_METADATA: Mapping = { fields: { labels: STRING_MAP, annotations: STRING_MAP } };
const POD_TEMPLATE: Mapping = { required: ['spec'], fields: { metadata: POD_METADATA, spec: POD_SPEC } };
const LABEL_SELECTOR: Mapping = {
  fields: {
    matchLabels: STRING_MAP,
    matchExpressions: { items: { required: ['key', 'operator'], fields: { key: 'string', operator: 'string', values: STRINGS } } },
  },
};

const INGRESS_BACKEND: Mapping = {
  fields: { service: { fields: { name: 'string', port: { fields: { name: 'string', number: 'integer' } } } } },
};
/** Gateway API routes (HTTPRoute, GRPCRoute): where their rules send requests. */
const ROUTE_SPEC: Mapping = {
  fields: {
    rules: {
      items: {
        fields: {
          backendRefs: { items: { fields: { group: 'string', kind: 'string', name: 'string', namespace: 'string', port: 'integer' } } },
        },
      },
    },
  },
};

const CONTROLLER_SPEC: Mapping = {
  required: ['template'],
  fields: { replicas: 'integer', minReadySeconds: 'integer', selector: LABEL_SELECTOR, template: POD_TEMPLATE },
};

const SPECS = {
  Pod: POD_SPEC,
  Deployment: {
    ...CONTROLLER_SPEC,
    fields: {
      ...CONTROLLER_SPEC.fields,
      progressDeadlineSeconds: 'integer',
      strategy: { fields: { type: 'string', rollingUpdate: { fields: { maxSurge: 'intOrString', maxUnavailable: 'intOrString' } } } },
    },
  },
  StatefulSet: CONTROLLER_SPEC,
  DaemonSet: CONTROLLER_SPEC,
  ReplicaSet: CONTROLLER_SPEC,
  // Its selector is a plain map of labels, not a label selector.
  ReplicationController: { ...CONTROLLER_SPEC, fields: { ...CONTROLLER_SPEC.fields, selector: STRING_MAP } },
  Job: { required: ['template'], fields: { template: POD_TEMPLATE } },
  CronJob: {
    required: ['jobTemplate'],
    fields: { jobTemplate: { required: ['spec'], fields: { spec: { required: ['template'], fields: { template: POD_TEMPLATE } } } } },
  },
  Service: {
    fields: {
      type: 'string',
      loadBalancerClass: 'string',
      selector: STRING_MAP,
      ports: { items: { fields: { name: 'string', port: 'integer', targetPort: 'intOrString' } } },
    },
  },
  Ingress: {
    fields: {
      ingressClassName: 'string',
      defaultBackend: INGRESS_BACKEND,
      rules: { items: { fields: { http: { fields: { paths: { items: { fields: { backend: INGRESS_BACKEND } } } } } } } },
    },
  },
  IngressClass: { fields: { controller: 'string' } },
  HTTPRoute: ROUTE_SPEC,
  GRPCRoute: ROUTE_SPEC,
  PodDisruptionBudget: {
    fields: { selector: LABEL_SELECTOR, minAvailable: 'intOrString', maxUnavailable: 'intOrString', unhealthyPodEvictionPolicy: 'string' },
  },
  PersistentVolumeClaim: { fields: { accessModes: STRINGS } },
  HorizontalPodAutoscaler: {
    fields: { scaleTargetRef: { required: ['kind', 'name'], fields: { kind: 'string', name: 'string' } }, minReplicas: 'integer' },
  },
} as const satisfies Record<string, Mapping>;

/** The kinds whose fields `check` reads. */
export type ReadKind = keyof typeof SPECS | 'ServiceAccount' | 'Namespace' | 'PodTemplate' | (typeof BINDINGS)[number];

/** Role bindings: only their subjects are read (which ServiceAccounts call the API). */
const BINDINGS = ['RoleBinding', 'ClusterRoleBinding'] as const;

/** Kinds whose spec may be left out (an Ingress without one is refused by the API server, not by a linter). */
const SPEC_OPTIONAL = [
  'PersistentVolumeClaim',
  'Service',
  'PodDisruptionBudget',
  'Ingress',
  'IngressClass',
  'HTTPRoute',
  'GRPCRoute',
] as const;

const METADATA: Mapping = { fields: { name: 'string', namespace: 'string', labels: STRING_MAP, annotations: STRING_MAP } };

function objectShape(kind: string): Mapping | undefined {
  if (kind === 'ServiceAccount') return { fields: { metadata: METADATA, automountServiceAccountToken: 'boolean' } };
  if (kind === 'Namespace') return { fields: { metadata: METADATA } };
  // A PodTemplate has no spec: its template is at the top level.
  if (kind === 'PodTemplate') return { required: ['template'], fields: { metadata: METADATA, template: POD_TEMPLATE } };
  if ((BINDINGS as readonly string[]).includes(kind))
    return { fields: { metadata: METADATA, subjects: { items: { fields: { kind: 'string', name: 'string', namespace: 'string' } } } } };
  // Its own entry only: `kind in SPECS` once made `toString` and `constructor` read kinds.
  const spec: Mapping | undefined = own(SPECS, kind);
  if (spec === undefined) return undefined;
  const required = (SPEC_OPTIONAL as readonly string[]).includes(kind) ? [] : ['spec'];
  return { required, fields: { metadata: METADATA, spec } };
}

export function isReadKind(kind: string): kind is ReadKind {
  return objectShape(kind) !== undefined;
}

/** Every field of the object `check` reads that has the wrong type, with its path. */
export function shapeProblems(object: Node): ShapeProblem[] {
  const shape = objectShape(String(object.kind));
  const problems: ShapeProblem[] = [];
  if (shape) validate(object, shape, [], problems);
  return problems;
}

const SCALAR_TEXT: Record<Scalar, string> = {
  string: 'a string',
  integer: 'a whole number',
  boolean: 'true or false',
  intOrString: 'a whole number or a string',
};

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

function validate(value: unknown, shape: Shape, path: FieldPath, problems: ShapeProblem[]): void {
  const wrong = (expected: string) => problems.push({ path, message: `${pathText(path)} must be ${expected}, not ${typeOf(value)}` });
  if (typeof shape === 'string') {
    const fits =
      shape === 'string'
        ? typeof value === 'string'
        : shape === 'integer'
          ? Number.isInteger(value)
          : shape === 'boolean'
            ? typeof value === 'boolean'
            : Number.isInteger(value) || typeof value === 'string';
    if (!fits) wrong(SCALAR_TEXT[shape]);
    return;
  }
  if ('items' in shape) {
    if (!Array.isArray(value)) return void wrong('a list');
    if (shape.nonEmpty && value.length === 0) return void problems.push({ path, message: `${pathText(path)} must not be empty` });
    value.forEach((item, index) => validate(item, shape.items, [...path, index], problems));
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return void wrong('a mapping');
  const node = value as Node;
  for (const key of shape.required ?? []) {
    if (node[key] === undefined || node[key] === null)
      problems.push({ path: [...path, key], message: `${pathText([...path, key])} is required` });
  }
  for (const [key, field] of Object.entries(node)) {
    // null is how YAML writes an empty value (`labels:`); Kubernetes reads it as absent.
    if (field === null || field === undefined) continue;
    const fieldShape = shape.fields?.[key] ?? shape.values;
    if (fieldShape) validate(field, fieldShape, [...path, key], problems);
  }
}
