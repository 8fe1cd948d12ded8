import { ACKNOWLEDGED_ANNOTATION, ANNOTATION_PREFIX, DECLARED_ANNOTATION, PATCHED_ANNOTATION, TIMINGS_ANNOTATION } from '../../annotations';
import type { KubernetesObject, Node } from '../../manifests/objects';
import type { Ledger } from './ledger';
import {
  DERIVED_MESH_ANNOTATION,
  ISTIO_INJECT,
  ISTIO_PROXY_CONFIG,
  LINKERD_INJECT,
  LINKERD_WAIT_BEFORE_EXIT,
} from '../../meshes/annotations';

/** The labels the synthesis writes itself on every object and pod (src/constructs/metadata.ts). */
const OWN_LABELS = [
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/component',
  'app.kubernetes.io/managed-by',
  'app.kubernetes.io/version',
];
/** Labels Kubernetes and Helm write or that name a release, not the application: never carried into `labels`. */
const FOREIGN_LABELS = /^(helm\.sh\/chart|app\.kubernetes\.io\/(managed-by|part-of|version|component))$/;
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** A label value (src/declaration/schema: labels). */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/**
 * name and instance. Our objects are named after the instance and labelled with the name
 * (app.kubernetes.io/name); anyone's workload object gives the instance, and its name label, when it
 * is a DNS-1035 label, the name. A name that is no DNS-1035 label is made into one, marked CONFIRM.
 */
export function inferIdentity(ledger: Ledger, workload: KubernetesObject, mainContainer: string): void {
  const objectName = String(workload.metadata?.name ?? '');
  // Our own output names the application's container after the workload (a kept selector may
  // replace the name label); anyone's: the name label, else the object's name.
  const ours = workload.metadata?.labels?.['app.kubernetes.io/managed-by'] === 'hardened-workloads';
  const label = ours ? mainContainer : workload.metadata?.labels?.['app.kubernetes.io/name'];
  const name = label !== undefined && DNS_1035_LABEL.test(label) ? label : objectName;
  ledger.consume(ledger.subject, 'metadata.name', 'metadata.namespace');
  if (DNS_1035_LABEL.test(name)) {
    ledger.set(
      ['name'],
      name,
      name === objectName ? 'metadata.name' : ours ? "the application container's name" : 'metadata.labels["app.kubernetes.io/name"]',
    );
  } else {
    const fixed =
      name
        .toLowerCase()
        .replace(/[^-a-z0-9]/g, '-')
        .replace(/^[^a-z]+/, '')
        .replace(/-+$/, '')
        .slice(0, 63) || 'workload';
    ledger.confirm(['name'], fixed, `${JSON.stringify(name)} is not a DNS-1035 label: renamed, which renames the objects`);
  }
  if (objectName !== ledger.get(['name']) && DNS_1035_LABEL.test(objectName)) ledger.set(['instance'], objectName, 'metadata.name');
  if (workload.metadata?.namespace) {
    ledger.drop(
      ledger.subject,
      'metadata.namespace',
      `the namespace is the chart's or the release's: synthesize with namespace ${workload.metadata.namespace}`,
    );
  }
}

/**
 * labels: the pod template's labels that are neither ours nor a release's (helm.sh/chart,
 * managed-by, part-of, version, component). Our labels apply to every object and pod, so a label
 * the input sets only on some objects is applied more widely.
 */
export function inferLabels(
  ledger: Ledger,
  pod: { metadata: Node; path: readonly (string | number)[] },
  selector: Readonly<Record<string, string>>,
): void {
  const at = [...pod.path, 'metadata'].join('.');
  ledger.consume(ledger.subject, `${at}.labels`, 'metadata.labels', 'spec.selector');
  for (const [key, value] of Object.entries((pod.metadata.labels as Record<string, string> | undefined) ?? {})) {
    if (OWN_LABELS.includes(key) || FOREIGN_LABELS.test(key)) continue;
    if (Object.prototype.hasOwnProperty.call(selector, key)) continue; // selector labels are kept by keep.selector, not labels
    if (!LABEL_VALUE.test(String(value))) {
      ledger.drop(ledger.subject, `${at}.labels.${key}`, 'not a label value the schema accepts');
      continue;
    }
    ledger.set(['labels', key], String(value), `${at}.labels["${key}"]`);
  }
}

/**
 * mesh: from the annotation the synthesis derives for a mesh's proxy (Linkerd's
 * config.alpha.linkerd.io/proxy-wait-before-exit-seconds, Istio's proxy.istio.io/config with a
 * terminationDrainDuration), or the mesh's injection annotation on the pod. The derived annotation
 * is then the synthesis's, not a podAnnotation.
 * https://linkerd.io/2/tasks/graceful-shutdown/, https://istio.io/latest/docs/reference/config/annotations/
 */
export function inferMesh(ledger: Ledger, pod: { metadata: Node; path: readonly (string | number)[] }, timings?: string): void {
  // Our own output names its mesh in the timings annotation's mesh line: without one, a mesh's annotation is a podAnnotation.
  if (timings !== undefined) {
    const named = /(?:^|\n)mesh: (linkerd|istio) /.exec(timings)?.[1];
    if (named !== undefined) ledger.set(['mesh'], named, `the mesh line of the ${TIMINGS_ANNOTATION} annotation`);
    return;
  }
  const annotations: Record<string, string> = pod.metadata.annotations ?? {};
  const at = [...pod.path, 'metadata', 'annotations'].join('.');
  if (annotations[LINKERD_WAIT_BEFORE_EXIT] !== undefined || annotations[LINKERD_INJECT] === 'enabled') {
    ledger.set(
      ['mesh'],
      'linkerd',
      `${at}["${annotations[LINKERD_WAIT_BEFORE_EXIT] !== undefined ? LINKERD_WAIT_BEFORE_EXIT : LINKERD_INJECT}"]`,
    );
  } else if (/terminationDrainDuration/.test(annotations[ISTIO_PROXY_CONFIG] ?? '') || annotations[ISTIO_INJECT] === 'true') {
    ledger.set(['mesh'], 'istio', `${at}["${annotations[ISTIO_INJECT] === 'true' ? ISTIO_INJECT : ISTIO_PROXY_CONFIG}"]`);
  }
}

/** podAnnotations: the pod template's annotations but ours (hardened-workloads.io/*) and the ones a mesh's drain is derived into. */
export function inferPodAnnotations(ledger: Ledger, pod: { metadata: Node; path: readonly (string | number)[] }): void {
  const at = [...pod.path, 'metadata'].join('.');
  ledger.consume(ledger.subject, `${at}.annotations`, 'metadata.annotations');
  for (const [key, value] of Object.entries((pod.metadata.annotations as Record<string, string> | undefined) ?? {})) {
    if (key.startsWith(`${ANNOTATION_PREFIX}/`) || key === 'kubectl.kubernetes.io/restartedAt') continue;
    const mesh = ledger.get(['mesh']) as keyof typeof DERIVED_MESH_ANNOTATION | undefined;
    if (mesh !== undefined && DERIVED_MESH_ANNOTATION[mesh] === key) continue;
    if (/^checksum\//.test(key)) {
      ledger.drop(
        ledger.subject,
        `${at}.annotations.${key}`,
        "a chart's checksum that rolls the pods when its configuration changes: the synthesis names ConfigMaps after their content instead",
      );
      continue;
    }
    ledger.set(['podAnnotations', key], String(value), `${at}.annotations["${key}"]`);
  }
}

/** The annotations the project writes (on the workload only): any other under its prefix is a declaration's. */
export const OWN_ANNOTATIONS: ReadonlySet<string> = new Set([
  TIMINGS_ANNOTATION,
  DECLARED_ANNOTATION,
  ACKNOWLEDGED_ANNOTATION,
  PATCHED_ANNOTATION,
]);

/** serviceAccount.annotations (workload identity and the like), mountApiToken, imagePullSecrets. */
export function inferServiceAccount(ledger: Ledger, pod: Node, podPath: string, account: KubernetesObject | undefined): void {
  ledger.consume(
    ledger.subject,
    `${podPath}.serviceAccountName`,
    `${podPath}.serviceAccount`,
    `${podPath}.automountServiceAccountToken`,
    `${podPath}.imagePullSecrets`,
  );
  for (const [key, value] of Object.entries(account?.metadata?.annotations ?? {})) {
    // The project writes its own annotations on the workload only: any other under its prefix here is the declaration's.
    if (OWN_ANNOTATIONS.has(key) || key.startsWith('meta.helm.sh/')) continue;
    ledger.set(
      ['serviceAccount', 'annotations', key],
      String(value),
      `ServiceAccount ${account?.metadata?.name} metadata.annotations["${key}"]`,
    );
  }
  // Only a token the input asks for explicitly is carried over; without one the hardening default (no token) applies.
  if (
    pod.automountServiceAccountToken === true ||
    (pod.automountServiceAccountToken === undefined && account?.automountServiceAccountToken === true)
  ) {
    ledger.set(
      ['serviceAccount', 'mountApiToken'],
      true,
      `automountServiceAccountToken: true in the input: the pods mount an API token today`,
    );
    ledger.set(['acknowledge', 'automountServiceAccountToken'], CARRIED_OVER, 'the input mounts the API token');
  }
  if (Array.isArray(pod.imagePullSecrets)) {
    ledger.set(
      ['imagePullSecrets'],
      (pod.imagePullSecrets as Node[]).map((entry) => String(entry.name)),
      `${podPath}.imagePullSecrets`,
    );
  }
}

/** The reason `adopt` writes for every departure from the hardening it carries over (issue 20). */
export const CARRIED_OVER = 'carried over from the existing manifest — review';
