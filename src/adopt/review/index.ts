import { objectName } from '../../manifests/objects';
import type { Explanation } from '../../timing/types';
import type { Dropped, FieldChange, KubernetesObject, ObjectReview } from '../types';
import { attribute, type AttributionContext, kubernetesDefault } from './attribution';
import { type Difference, differences, keyedPath, sameValue } from './compare';
import { ACKNOWLEDGED_ANNOTATION } from '../../annotations';
import { ruleIdOf, RULES } from '../../rules/catalogue';
import { admittedChange } from './admitted';

/**
 * The review of an adoption (issue 20): for every object of the input and of what the written
 * declaration synthesizes, what changes, each change with the rule that made it and the numbers.
 * Pure data in, data out: the CLI synthesizes in between (src/cli/adopt.ts).
 */

export interface ReviewContext {
  /** The derivation of the synthesized workload (ResolvedWorkload.explanations): the numbers behind each derived change. */
  readonly explanations?: readonly Explanation[];
  /** What the inference dropped on purpose: a field it names is "not kept" with its reason, not merely "not in the declaration". */
  readonly dropped?: readonly Dropped[];
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

/** What the API server or kubectl writes, never a user: not compared. */
const SERVER_FIELDS = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink'];
const SERVER_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision'];

/** The object as compared: without status and the fields the server writes; without a namespace when the other side has none (kubectl's namespace applies). */
export function comparable(object: KubernetesObject, withNamespace: boolean): Record<string, unknown> {
  const { status: _status, ...rest } = object as KubernetesObject & { status?: unknown };
  const metadata: Record<string, unknown> = { ...(object.metadata ?? {}) };
  for (const field of SERVER_FIELDS) delete metadata[field];
  if (!withNamespace) delete metadata.namespace;
  // `annotations:` with nothing under it (ingress-nginx's chart) is null: no annotations.
  if (metadata.annotations === null) delete metadata.annotations;
  if (metadata.annotations !== undefined) {
    const annotations = Object.fromEntries(
      Object.entries(metadata.annotations as Record<string, string>).filter(([key]) => !SERVER_ANNOTATIONS.includes(key)),
    );
    if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
    else delete metadata.annotations;
  }
  return { ...rest, metadata };
}

const identity = (object: KubernetesObject) => `${object.kind}/${object.metadata?.name ?? ''}`;

export interface Pair {
  readonly input?: KubernetesObject;
  readonly output?: KubernetesObject;
}

/** Input and output objects matched by kind and name, in the input's order, then the new objects in the output's order. */
export function pairObjects(input: readonly KubernetesObject[], output: readonly KubernetesObject[]): Pair[] {
  const outputs = new Map(output.map((object) => [identity(object), object]));
  const paired = new Set<string>();
  const pairs: Pair[] = input.map((object) => {
    const match = outputs.get(identity(object));
    if (match === undefined) return { input: object };
    paired.add(identity(object));
    return { input: object, output: match };
  });
  return [...pairs, ...output.filter((object) => !paired.has(identity(object))).map((object) => ({ output: object }))];
}

function selectorOf(object: KubernetesObject): unknown {
  if (object.kind === 'Service') return object.spec?.selector;
  if (object.kind === 'Job' || object.kind === 'CronJob') return undefined; // Kubernetes generates a Job's selector.
  return object.spec?.selector;
}

/** The Service's ports as clients and routes see them; protocol TCP when left out (its default). */
/**
 * A Service's ports as its clients see them: name, number, protocol (and a node port). The
 * targetPort is not among them — it names the pod's port, which the pods may call differently
 * (its change is listed with the other changes).
 */
function servicePorts(object: KubernetesObject): Array<Record<string, unknown>> {
  const ports = (object.spec?.ports ?? []) as Array<Record<string, unknown>>;
  return (
    ports
      // `nodePort: null` (bitnami's charts render it for ClusterIP) is no node port.
      .map(({ name, port, protocol, nodePort }) => ({ name, port, protocol: protocol ?? 'TCP', ...(nodePort == null ? {} : { nodePort }) }))
      .sort((a, b) => Number(a.port) - Number(b.port))
  );
}

function show(value: unknown): string {
  return value === undefined ? 'absent' : typeof value === 'string' ? value : JSON.stringify(value);
}

/** Name, selector and Service ports: said explicitly, kept or not and why. */
function keptOrNot(before: KubernetesObject, after: KubernetesObject): Pick<ObjectReview, 'kept' | 'notKept'> {
  const kept = ['name'];
  const notKept: Array<{ what: string; why: string }> = [];
  const selector = selectorOf(before);
  if (WORKLOAD_KINDS.has(before.kind ?? '') || before.kind === 'Service' || before.kind === 'PodDisruptionBudget') {
    if (selector !== undefined || selectorOf(after) !== undefined) {
      if (sameValue(selector, selectorOf(after))) kept.push('selector');
      else
        notKept.push({
          what: 'selector',
          why:
            `${show(selector)} → ${show(selectorOf(after))}: ` +
            (before.kind === 'Service' || before.kind === 'PodDisruptionBudget'
              ? 'it must select the new pods'
              : `the selector of a ${before.kind} cannot be changed in place (apply fails): declare keep.selector with the current labels, or delete and recreate the ${before.kind}`),
        });
    }
  }
  if (before.kind === 'Service') {
    const old = servicePorts(before);
    const now = servicePorts(after);
    // Kept: every port a client uses today is still there as it was (a port added beside them breaks no client).
    if (old.every((port) => now.some((other) => sameValue(port, other)))) kept.push('Service ports');
    else
      notKept.push({
        what: 'Service ports',
        why: `${show(old)} → ${show(now)}: clients and routes that name a port by its name or number must follow (declare keep.servicePortName and service.port to keep them)`,
      });
  }
  return { kept, notKept };
}

/** Why an object of the input has no counterpart of the same name. */
function removedBecause(object: KubernetesObject, renamed: KubernetesObject | undefined): { what: string; why: string } {
  if (renamed !== undefined && object.kind === 'ConfigMap') {
    return {
      what: 'name',
      why: `replaced by ${objectName(renamed)}: the declaration's files go into an immutable ConfigMap named after the hash of its content, so that a change of content rolls the pods; the old one stays until deleted`,
    };
  }
  if (renamed !== undefined) {
    return {
      what: 'name',
      why: `replaced by ${objectName(renamed)}: the declaration names it after the workload (keep.names keeps the current name)`,
    };
  }
  if (object.kind === 'Secret') {
    return { what: 'object', why: 'the declaration refers to it by name and does not write it: it stays as it is' };
  }
  return {
    what: 'object',
    why: 'the declaration does not synthesize it: kubectl apply leaves it in place; delete it once the new objects serve',
  };
}

/** Why an object is new, as check's rule for it says. */
const ADDED: Readonly<Record<string, { rule?: string; reason: string }>> = {
  PodDisruptionBudget: { rule: 'podDisruptionBudget', reason: RULES.podDisruptionBudget.title },
  ServiceAccount: { rule: 'automountServiceAccountToken', reason: `its own ServiceAccount: ${RULES.automountServiceAccountToken.title}` },
  NetworkPolicy: { reason: 'only the declared callers may connect, and the pods only reach what the declaration names (networkPolicy)' },
  ConfigMap: { reason: "the declaration's files, in an immutable ConfigMap named after the hash of its content" },
  HorizontalPodAutoscaler: { reason: 'the declared autoscaling' },
};

function review(
  pair: Pair,
  context: AttributionContext,
  dropped: readonly Dropped[],
  renamed: KubernetesObject | undefined,
  portNumbers: ReadonlyMap<string, number>,
): ObjectReview {
  const { input, output } = pair;
  if (input === undefined) {
    const why = ADDED[output!.kind ?? ''] ?? { reason: 'synthesized from the declaration' };
    return {
      object: objectName(output!),
      status: 'added',
      changes: [{ path: 'metadata.name', after: output!.metadata?.name, ...why }],
      kept: [],
      notKept: [],
    };
  }
  const object = objectName(input);
  if (output === undefined) {
    // An object the inference dropped whole (a ConfigMap other workloads share) says why itself.
    const whole = dropped.find((entry) => entry.object === object && entry.path === '');
    const why = whole === undefined ? removedBecause(input, renamed) : { what: 'object', why: whole.reason };
    return { object, status: 'removed', changes: [], kept: [], notKept: [why] };
  }
  const withNamespace = output.metadata?.namespace !== undefined;
  // The inference names dropped fields with list indices: in the review's form, read against the input.
  const droppedHere = dropped.filter((entry) => entry.object === object).map((entry) => ({ ...entry, path: keyedPath(input, entry.path) }));
  const volumes = renamedVolumes(input, output);
  const changes = differences(comparable(input, withNamespace), comparable(output, withNamespace)).map((difference) =>
    volumes.get(difference.path) !== undefined && difference.after === undefined
      ? { ...difference, reason: volumes.get(difference.path)! }
      : input.kind === 'NetworkPolicy' && /^spec\.ingress(\.|\[|$)/.test(difference.path)
        ? {
            ...change(difference, context, droppedHere),
            reason: admittedChange(
              input,
              output,
              portNumbers,
              droppedHere.filter((entry) => entry.path.startsWith('spec.ingress')).map((entry) => `dropped: ${entry.reason}`),
            ),
          }
        : change(difference, context, droppedHere),
  );
  return { object, status: changes.length === 0 ? 'unchanged' : 'changed', changes, ...keptOrNot(input, output) };
}

/** Where a workload kind keeps its pod's spec. */
const podSpecPath = (object: KubernetesObject) =>
  object.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';

/** A pod's volumes by name, each with the folders its containers mount it at (canonical: no trailing slash). */
function mountedAt(object: KubernetesObject): Map<string, Set<string>> {
  const pod = podSpecPath(object)
    .split('.')
    .reduce<Record<string, unknown> | undefined>(
      (node, key) => node?.[key] as Record<string, unknown> | undefined,
      object as Record<string, unknown>,
    );
  const places = new Map<string, Set<string>>();
  for (const volume of (pod?.volumes as Array<{ name?: string }> | undefined) ?? []) places.set(String(volume.name), new Set());
  for (const list of ['containers', 'initContainers'])
    for (const container of (pod?.[list] as Array<{ volumeMounts?: Array<{ name?: string; mountPath?: string }> }> | undefined) ?? [])
      for (const mount of container.volumeMounts ?? [])
        places.get(String(mount.name))?.add(String(mount.mountPath).replace(/(.)\/+$/, '$1'));
  return places;
}

/**
 * The input's volumes that the output mounts at the same folders under another name (the
 * declaration names its volumes after its fields: scratch-<key>, files-<key>, tmp): by the review's
 * path of the input volume, the reason the review gives for its going.
 */
function renamedVolumes(input: KubernetesObject, output: KubernetesObject): Map<string, string> {
  const reasons = new Map<string, string>();
  if (!WORKLOAD_KINDS.has(input.kind ?? '')) return reasons;
  const before = mountedAt(input);
  const after = mountedAt(output);
  for (const [name, places] of before) {
    if (after.has(name) || places.size === 0) continue;
    const folders = `${places.size === 1 ? 'folder' : 'folders'} (${[...places].join(', ')})`;
    const match = [...after].find(([other, at]) => !before.has(other) && [...places].every((place) => at.has(place)));
    if (match !== undefined) {
      reasons.set(
        `${podSpecPath(input)}.volumes[${name}]`,
        `renamed ${match[0]}, mounted at the same ${folders}: the declaration names its volumes after its fields`,
      );
      continue;
    }
    // A ConfigMap's folder whose files the declaration mounts one by one (configFiles: each file at its path, from one ConfigMap).
    const files = [...after].find(
      ([other, at]) => !before.has(other) && [...places].every((place) => [...at].some((path) => path.startsWith(`${place}/`))),
    );
    if (files !== undefined)
      reasons.set(
        `${podSpecPath(input)}.volumes[${name}]`,
        `replaced by ${files[0]}, whose files are mounted one by one in the same ${folders}: the declaration's configFiles`,
      );
  }
  for (const [path, reason] of movedMounts(input, output)) reasons.set(path, reason);
  return reasons;
}

/**
 * The input's mounts a container of the same name no longer has at the path written (the review
 * keys mounts by it), but mounts at the same folder in canonical form, or file by file under it
 * (configFiles): by the review's path of the input mount, the reason for its going.
 */
function movedMounts(input: KubernetesObject, output: KubernetesObject): Map<string, string> {
  type Mounting = { name?: string; volumeMounts?: Array<{ mountPath?: string }> };
  const podOf = (object: KubernetesObject) =>
    podSpecPath(object)
      .split('.')
      .reduce<Record<string, unknown> | undefined>(
        (node, key) => node?.[key] as Record<string, unknown> | undefined,
        object as Record<string, unknown>,
      );
  const reasons = new Map<string, string>();
  for (const list of ['containers', 'initContainers']) {
    const now = new Map(((podOf(output)?.[list] as Mounting[] | undefined) ?? []).map((container) => [container.name, container]));
    for (const container of (podOf(input)?.[list] as Mounting[] | undefined) ?? []) {
      const paths = (now.get(container.name)?.volumeMounts ?? []).map((mount) => String(mount.mountPath));
      for (const mount of container.volumeMounts ?? []) {
        const written = String(mount.mountPath);
        const folder = written.replace(/(.)\/+$/, '$1');
        if (paths.includes(written)) continue;
        const at = `${podSpecPath(input)}.${list}[${String(container.name)}].volumeMounts[${written}]`;
        if (paths.includes(folder)) reasons.set(at, `mounted at ${folder}, the same folder written without the trailing slash`);
        else if (paths.some((path) => path.startsWith(`${folder}/`)))
          reasons.set(at, `the folder's files are mounted one by one under ${folder} instead (the declaration's configFiles)`);
      }
    }
  }
  return reasons;
}

function change(difference: Difference, context: AttributionContext, dropped: readonly Dropped[]): FieldChange {
  const reason = dropped.find((entry) => difference.path === entry.path || difference.path.startsWith(`${entry.path}.`));
  const attribution = difference.after === undefined && reason ? { reason: `dropped: ${reason.reason}` } : attribute(difference, context);
  const { whole: _whole, ...fields } = difference;
  const standard = difference.before === undefined || difference.after === undefined ? kubernetesDefault(difference) : undefined;
  return { ...fields, ...(standard === undefined ? {} : { kubernetesDefault: standard }), ...attribution };
}

/** The `acknowledged` annotation of the synthesized workload, `id: reason` a line, by check's rule id (old ids renamed). */
function acknowledgedIn(output: readonly KubernetesObject[]): Map<string, string> {
  const workload = output.find((object) => WORKLOAD_KINDS.has(object.kind ?? ''));
  const text = workload?.metadata?.annotations?.[ACKNOWLEDGED_ANNOTATION] ?? '';
  const entries = new Map<string, string>();
  for (const line of text.split('\n')) {
    const at = line.indexOf(': ');
    const id = at < 0 ? undefined : ruleIdOf(line.slice(0, at));
    if (id !== undefined) entries.set(id, line.slice(at + 2));
  }
  return entries;
}

/**
 * What happens to every object when `output` (what the adopted declaration synthesizes) replaces
 * `input` (the workload's objects as read). Objects are paired by kind and name; an object whose
 * name changes is "removed" and its replacement "added", with why.
 */
export function reviewAdoption(
  input: readonly KubernetesObject[],
  output: readonly KubernetesObject[],
  context: ReviewContext = {},
): ObjectReview[] {
  const attribution: AttributionContext = {
    explanations: new Map((context.explanations ?? []).map((entry) => [entry.key, entry])),
    acknowledged: acknowledgedIn(output),
  };
  const pairs = pairObjects(input, output);
  // One object of a kind removed and one of the same kind added: a rename.
  const renames = new Map<KubernetesObject, KubernetesObject>();
  for (const kind of new Set(pairs.map((pair) => (pair.input ?? pair.output)!.kind))) {
    const gone = pairs.filter((pair) => pair.output === undefined && pair.input!.kind === kind);
    const fresh = pairs.filter((pair) => pair.input === undefined && pair.output!.kind === kind);
    if (gone.length === 1 && fresh.length === 1) renames.set(gone[0]!.input!, fresh[0]!.output!);
  }
  // A NetworkPolicy may name a container port: the workloads' port names, to read who is admitted where.
  const portNumbers = new Map<string, number>();
  for (const object of [...input, ...output].filter((each) => WORKLOAD_KINDS.has(each.kind ?? ''))) {
    const pod = podSpecPath(object)
      .split('.')
      .reduce<Record<string, unknown> | undefined>(
        (node, key) => node?.[key] as Record<string, unknown> | undefined,
        object as Record<string, unknown>,
      );
    for (const list of ['containers', 'initContainers'])
      for (const container of (pod?.[list] as Array<{ ports?: Array<{ name?: string; containerPort?: number }> }> | undefined) ?? [])
        for (const port of container.ports ?? []) if (port.name !== undefined) portNumbers.set(port.name, Number(port.containerPort));
  }
  return pairs.map((pair) => review(pair, attribution, context.dropped ?? [], pair.input && renames.get(pair.input), portNumbers));
}

export type { ObjectReview, FieldChange };
