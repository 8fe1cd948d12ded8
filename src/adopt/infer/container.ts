import { isLatestTag, parseImage, PINNED_IMAGE_PATTERN } from '../../declaration/image';
import { cpuMillicores, DEFAULT_CPU_LIMIT_FACTOR, formatCpu } from '../../declaration/quantities';
import type { Node } from '../../manifests/objects';
import type { FieldKeys, Ledger } from './ledger';

/** Where a container is: the object that holds it and the container's path in it, for sources and drops. */
export interface ContainerAt {
  readonly object: string;
  /** Dotted, from the object's root, e.g. `spec.template.spec.containers.0`. */
  readonly path: string;
  readonly container: Node;
}

/**
 * The image. The schema refuses `latest` and untagged images (every restart could run different
 * code), so such an image is dropped with "the user must pin" and a placeholder marked CONFIRM.
 */
export function inferImage(ledger: Ledger, at: ContainerAt, keys: FieldKeys): void {
  const image = String(at.container.image ?? '');
  ledger.consume(at.object, `${at.path}.image`, `${at.path}.imagePullPolicy`);
  if (new RegExp(PINNED_IMAGE_PATTERN).test(image) && !isLatestTag(image)) {
    ledger.set(keys, image, `${at.path}.image`);
    return;
  }
  const repository = parseImage(image).repository || 'registry/repository';
  ledger.drop(
    at.object,
    `${at.path}.image`,
    `the image ${JSON.stringify(image)} is not pinned by a version tag or a digest: the user must pin it`,
  );
  ledger.confirm(
    keys,
    `${repository}:PIN-A-VERSION`,
    `the input's image ${JSON.stringify(image)} is not pinned: write its version tag or digest`,
  );
}

/** command and args, as written: the schema's are the container's. */
export function inferCommand(ledger: Ledger, at: ContainerAt, prefix: FieldKeys): void {
  for (const field of ['command', 'args'] as const) {
    const value = at.container[field] as unknown[] | undefined;
    ledger.consume(at.object, `${at.path}.${field}`);
    if (Array.isArray(value)) ledger.set([...prefix, field], value.map(String), `${at.path}.${field}`);
  }
}

const POD_FIELDS: Readonly<Record<string, string>> = {
  'metadata.name': 'name',
  'metadata.namespace': 'namespace',
  'metadata.uid': 'uid',
  'spec.serviceAccountName': 'serviceAccountName',
  'spec.nodeName': 'nodeName',
  'status.hostIP': 'hostIP',
  'status.podIP': 'podIP',
  'status.podIPs': 'podIPs',
};

/** One env entry in the schema's words, or why it cannot be said (a label or annotation field, a container's resources named by another container). */
function envSource(entry: Node, container: string): { value: unknown } | { why: string } {
  if (entry.valueFrom === undefined) return { value: String(entry.value ?? '') };
  const { secretKeyRef, configMapKeyRef, fieldRef, resourceFieldRef } = entry.valueFrom as Node;
  const key = (reference: Node) => ({
    name: String(reference.name),
    key: String(reference.key),
    ...(typeof reference.optional === 'boolean' ? { optional: reference.optional } : {}),
  });
  if (secretKeyRef) return { value: { secret: key(secretKeyRef) } };
  if (configMapKeyRef) return { value: { configMap: key(configMapKeyRef) } };
  if (fieldRef) {
    const pod = POD_FIELDS[String(fieldRef.fieldPath)];
    return pod ? { value: { pod } } : { why: `the pod field ${fieldRef.fieldPath} has no name in env.*.pod` };
  }
  if (resourceFieldRef) {
    if (resourceFieldRef.containerName !== undefined && resourceFieldRef.containerName !== container) {
      return { why: `it reads the resources of another container (${resourceFieldRef.containerName})` };
    }
    const divisor = resourceFieldRef.divisor === undefined ? {} : { divisor: String(resourceFieldRef.divisor) };
    return { value: { resource: { field: String(resourceFieldRef.resource), ...divisor } } };
  }
  return { why: 'its valueFrom names no source the schema knows' };
}

/** env as a map by name (the order the synthesis writes is its own), envFrom as a list. */
export function inferEnv(ledger: Ledger, at: ContainerAt, prefix: FieldKeys): void {
  const entries = (at.container.env as Node[] | undefined) ?? [];
  ledger.consume(at.object, `${at.path}.env`, `${at.path}.envFrom`);
  // A map is written in name order; a list keeps the input's order, which $(VAR) references depend on.
  const names = entries.map((entry) => String(entry.name));
  const asList = names.some((name, index) => index > 0 && name < names[index - 1]!);
  const list: Array<Record<string, unknown>> = [];
  if (asList) ledger.put([...prefix, 'env'], list);
  entries.forEach((entry, index) => {
    const name = String(entry.name);
    const source = envSource(entry, String(at.container.name));
    if ('why' in source) {
      ledger.drop(at.object, `${at.path}.env.${index}`, `env ${name} is not carried over: ${source.why}; set it in patches`);
    } else if (asList) {
      list.push({ name });
      const fields = typeof source.value === 'string' ? { value: source.value } : (source.value as Record<string, unknown>);
      for (const [field, content] of Object.entries(fields)) {
        ledger.set([...prefix, 'env', String(list.length - 1), field], content, `${at.path}.env.${index}`);
      }
    } else {
      ledger.set([...prefix, 'env', name], source.value, `${at.path}.env.${index}`);
    }
  });
  const envFrom = ((at.container.envFrom as Node[] | undefined) ?? []).map((entry) => {
    const reference: Node = entry.secretRef ?? entry.configMapRef ?? {};
    return {
      ...(entry.secretRef ? { secret: String(reference.name) } : { configMap: String(reference.name) }),
      ...(entry.prefix !== undefined ? { prefix: String(entry.prefix) } : {}),
      ...(typeof reference.optional === 'boolean' ? { optional: reference.optional } : {}),
    };
  });
  if (envFrom.length > 0) ledger.set([...prefix, 'envFrom'], envFrom, `${at.path}.envFrom`);
}

/**
 * requests and limits. A container without requests gets the schema's defaults (250m, 256Mi),
 * marked CONFIRM: nothing says what it needs. The CPU limit is written only where it differs from
 * the default (4 x the request); a missing one is `cpuLimit: false`, which needs an acknowledgement
 * carried over.
 */
export function inferResources(ledger: Ledger, at: ContainerAt, prefix: FieldKeys, acknowledge: (id: string) => void): void {
  const { requests = {}, limits = {} } = (at.container.resources ?? {}) as { requests?: Node | null; limits?: Node | null };
  const request: Node = requests ?? {};
  const limit: Node = limits ?? {};
  ledger.consume(at.object, `${at.path}.resources`);
  const keys = [...prefix, 'resources'];
  const cpu = request.cpu ?? limit.cpu;
  const memory = request.memory ?? limit.memory;
  const source = (what: string) => `${at.path}.resources.${request[what] !== undefined ? 'requests' : 'limits'}.${what}`;
  if (cpu !== undefined) ledger.set([...keys, 'cpu'], String(cpu), source('cpu'));
  else ledger.confirm([...keys, 'cpu'], '250m', 'no CPU request in the input: the default 250m, confirm what the container needs');
  if (memory !== undefined) ledger.set([...keys, 'memory'], String(memory), source('memory'));
  else ledger.confirm([...keys, 'memory'], '256Mi', 'no memory request in the input: the default 256Mi, confirm what the container needs');
  const cpuRequest = String(cpu ?? '250m');
  if (limit.cpu === undefined) {
    ledger.set([...keys, 'cpuLimit'], false, `no CPU limit in ${at.path}.resources.limits`);
    acknowledge('noCpuLimit');
  } else if (formatCpu(DEFAULT_CPU_LIMIT_FACTOR * cpuMillicores(cpuRequest)) !== String(limit.cpu)) {
    ledger.set([...keys, 'cpuLimit'], String(limit.cpu), `${at.path}.resources.limits.cpu`);
  }
  if (limit.memory !== undefined && String(limit.memory) !== String(memory)) {
    ledger.set([...keys, 'memoryLimit'], String(limit.memory), `${at.path}.resources.limits.memory`);
    acknowledge('memoryLimit');
  }
  const storageRequest = request['ephemeral-storage'];
  const storageLimit = limit['ephemeral-storage'];
  if (storageRequest !== undefined)
    ledger.set([...keys, 'ephemeralStorage', 'request'], String(storageRequest), `${at.path}.resources.requests.ephemeral-storage`);
  if (storageLimit !== undefined)
    ledger.set([...keys, 'ephemeralStorage', 'limit'], String(storageLimit), `${at.path}.resources.limits.ephemeral-storage`);
}
