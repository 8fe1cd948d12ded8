/**
 * Environment variables: where a value can come from, and how Kubernetes expands `$(NAME)` in one.
 * The schema (schema/container.ts) declares the forms from these tables; resolve/env.ts checks the
 * references; the constructs render the sources.
 */

/** The ways a variable gets its value; a declaration uses exactly one per variable. */
export const ENV_FORMS = ['value', 'secret', 'configMap', 'pod', 'resource'] as const;
export type EnvForm = (typeof ENV_FORMS)[number];

/**
 * Facts of the pod that the downward API gives to environment variables (`fieldRef`), by the word
 * a declaration uses. Kubernetes docs, "Downward API", "Information available via fieldRef": these
 * are the fields available as environment variables on 1.28 without a feature gate
 * (status.hostIPs needs PodHostIPs there).
 */
export const POD_FIELD_PATHS = {
  name: 'metadata.name',
  namespace: 'metadata.namespace',
  uid: 'metadata.uid',
  serviceAccountName: 'spec.serviceAccountName',
  nodeName: 'spec.nodeName',
  hostIP: 'status.hostIP',
  podIP: 'status.podIP',
  podIPs: 'status.podIPs',
} as const;
export type PodField = keyof typeof POD_FIELD_PATHS;
export const POD_FIELDS = Object.keys(POD_FIELD_PATHS) as PodField[];

/**
 * The container's own resources (`resourceFieldRef`) that the workload sets: the requests and
 * limits of CPU and memory. (Without a CPU limit, `limits.cpu` gives the node's allocatable CPU.)
 */
export const RESOURCE_FIELDS = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'] as const;
export type ResourceField = (typeof RESOURCE_FIELDS)[number];

/**
 * Divisors Kubernetes accepts (validateContainerResourceDivisor): "1m" and "1" for CPU; "1" and
 * the binary and decimal units for memory. The value is the quantity divided by the divisor,
 * rounded up.
 */
export const CPU_DIVISORS = ['1', '1m'] as const;
export const MEMORY_DIVISORS = ['1', '1k', '1Ki', '1M', '1Mi', '1G', '1Gi', '1T', '1Ti'] as const;
export const DIVISORS = ['1', '1m', '1k', '1Ki', '1M', '1Mi', '1G', '1Gi', '1T', '1Ti'] as const;
export type Divisor = (typeof DIVISORS)[number];

export function divisorsFor(field: ResourceField): readonly Divisor[] {
  return field.endsWith('.cpu') ? CPU_DIVISORS : MEMORY_DIVISORS;
}

/**
 * The names a value refers to with `$(NAME)`, in order. Kubernetes reads `$$` as a literal `$`
 * (so `$$(NAME)` is the text "$(NAME)") and leaves a reference to an unknown name as it is; only
 * names that can be variables (C identifiers) are returned, so a shell's `$(date +%s)` is text.
 * The same expression scans in the Helm face (hw.env.references).
 */
export function referencedNames(value: string): string[] {
  const names: string[] = [];
  for (const match of value.matchAll(/\$\$|\$\(([^)]*)\)/g)) {
    const name = match[1];
    if (name !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) names.push(name);
  }
  return names;
}

/**
 * Variables the kubelet defines for every Service in the namespace (when service links are on,
 * the default), which a value may refer to although no declaration lists them: CHECKOUT_SERVICE_HOST,
 * CHECKOUT_SERVICE_PORT(_<name>), CHECKOUT_PORT(_8080_TCP(_PROTO|_PORT|_ADDR)). Kubernetes docs,
 * "Service", "Environment variables".
 */
export const SERVICE_VARIABLE =
  '^[A-Z][A-Z0-9_]*_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_[0-9]+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)?)$';
