import type { Problem } from '../../declaration/errors';
import { KINDS } from '../../kinds/table';
import type { Node } from '../../manifests/objects';
import { patchProblems, type Patches } from '../../patches/apply';
import type { AdoptedController } from './group';
import type { Ledger } from './ledger';

/**
 * Fields the synthesis writes from the declaration's times and hardening: in the input they are
 * replaced, not dropped (the review shows old and new value with the rule that set it).
 */
const DERIVED_POD = [
  'terminationGracePeriodSeconds',
  'securityContext',
  'topologySpreadConstraints',
  'affinity',
  'automountServiceAccountToken',
  'serviceAccountName',
  'serviceAccount',
  'volumes',
  'restartPolicy',
  'activeDeadlineSeconds',
];
const DERIVED_CONTROLLER = [
  'selector',
  'template',
  'strategy',
  'minReadySeconds',
  'progressDeadlineSeconds',
  'replicas',
  'updateStrategy',
  'serviceName',
  'jobTemplate',
  'podFailurePolicy',
  'backoffLimit',
  'activeDeadlineSeconds',
];
const DERIVED_CONTAINER = [
  'name',
  'readinessProbe',
  'livenessProbe',
  'startupProbe',
  'lifecycle',
  'securityContext',
  'imagePullPolicy',
  'volumeMounts',
  'resources',
  'restartPolicy',
  'terminationMessagePath',
  'terminationMessagePolicy',
];
/** Set by the API server or the cluster, never by the author. */
const CLUSTER_METADATA = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink', 'ownerReferences'];

/**
 * Every field of the workload object that no inference read and the synthesis does not derive goes
 * to `patches` (a merge patch of the object or of the container by name), so that nothing is
 * silently dropped; a patch the patch table refuses (src/patches/table.ts) is dropped instead, with
 * the table's rule.
 */
export function leftovers(
  ledger: Ledger,
  object: Node,
  controller: AdoptedController,
  podPath: readonly string[],
  containers: ReadonlyArray<{ name: string; path: string; container: Node }>,
): void {
  const role = controller;
  const objectPatch: Record<string, unknown> = {};
  const containerPatches: Record<string, Record<string, unknown>> = {};
  const at = (path: string) => ledger.consumed(ledger.subject, path);
  const setIn = (target: Record<string, unknown>, keys: readonly string[], value: unknown) => {
    let node = target;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]!] = value;
  };

  if (object.status !== undefined) ledger.drop(ledger.subject, 'status', 'status is written by the cluster');
  for (const field of CLUSTER_METADATA) {
    if (object.metadata?.[field] !== undefined)
      ledger.drop(ledger.subject, `metadata.${field}`, 'set by the API server, not by the author');
  }
  for (const [key, value] of Object.entries((object.metadata?.annotations as Record<string, string> | undefined) ?? {})) {
    if (
      key.startsWith('hardened-workloads.io/') ||
      key === 'deployment.kubernetes.io/revision' ||
      key.startsWith('meta.helm.sh/') ||
      key === 'kubectl.kubernetes.io/last-applied-configuration'
    )
      continue;
    setIn(objectPatch, ['metadata', 'annotations', key], value);
  }
  const spec: Node = object.spec ?? {};
  for (const [key, value] of Object.entries(spec)) {
    if (DERIVED_CONTROLLER.includes(key) || at(`spec.${key}`)) continue;
    setIn(objectPatch, ['spec', key], value);
  }
  if (controller === 'CronJob') {
    for (const [key, value] of Object.entries((spec.jobTemplate?.spec as Node | undefined) ?? {})) {
      const path = `spec.jobTemplate.spec.${key}`;
      if (DERIVED_CONTROLLER.includes(key) || at(path)) continue;
      setIn(objectPatch, ['spec', 'jobTemplate', 'spec', key], value);
    }
  }
  const pod: Node = podPath.reduce<Node>((node, key) => node?.[key], object)?.spec ?? {};
  for (const [key, value] of Object.entries(pod)) {
    if (['containers', 'initContainers', 'ephemeralContainers'].includes(key)) continue;
    const path = [...podPath, 'spec', key].join('.');
    if (DERIVED_POD.includes(key) || at(path)) continue;
    setIn(objectPatch, [...podPath, 'spec', key], value);
  }
  for (const { name, path, container } of containers) {
    for (const [key, value] of Object.entries(container)) {
      if (DERIVED_CONTAINER.includes(key) || at(`${path}.${key}`)) continue;
      (containerPatches[name] ??= {})[key] = value;
    }
  }

  const patch = {
    ...(Object.keys(objectPatch).length > 0 ? { object: objectPatch } : {}),
    ...(Object.keys(containerPatches).length > 0 ? { containers: containerPatches } : {}),
  };
  if (Object.keys(patch).length === 0) return;
  const problems: Problem[] = patchProblems(
    { [role]: patch } as Patches,
    KINDS[(ledger.get(['kind']) as keyof typeof KINDS | undefined) ?? 'web'].objects,
  );
  const refused = new Set(problems.map((problem) => problem.path));
  for (const problem of problems) {
    ledger.drop(
      ledger.subject,
      problem.path.replace(/^patches\.[A-Za-z]+\.(object\.|containers\.)?/, ''),
      `${problem.rule}; ${problem.fix}`,
    );
  }
  // Keep every patched field the table does not refuse.
  const kept = prune(patch, `patches.${role}`, refused);
  if (kept !== undefined)
    ledger.set(
      ['patches', role],
      kept,
      'fields of the input the schema has no field for, carried over as a merge patch (README: "When the declaration cannot say it: patches")',
    );
}

function prune(value: unknown, path: string, refused: ReadonlySet<string>): unknown {
  if (refused.has(path)) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value).flatMap(([key, child]) => {
    const kept = prune(child, `${path}.${key}`, refused);
    return kept === undefined ? [] : [[key, kept] as const];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
