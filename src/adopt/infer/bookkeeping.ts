import { type KubernetesObject, type Node, objectName } from '../../manifests/objects';
import type { Ledger } from './ledger';

/**
 * Issue 20's accounting: fields of the input that no other inference reads because they say
 * nothing about the application — a release's bookkeeping, or what Kubernetes ignores — each
 * dropped with the reason for that field, so that nothing disappears without a word.
 */

/** The label Helm's charts write with the chart's name and version (https://helm.sh/docs/chart_best_practices/labels/). */
const CHART_LABEL = 'helm.sh/chart';

/**
 * `helm.sh/chart` on every object of the workload and on its pod template: it names the chart and
 * version that rendered the input. The schema's `labels` would carry it to every object, but it
 * would then name a chart that no longer renders them, and go stale at the next version; the
 * chart that renders the declaration writes its own labels.
 */
export function dropReleaseLabels(ledger: Ledger, members: readonly KubernetesObject[], podPath: readonly string[]): void {
  const reason = (value: unknown) =>
    `the chart version that rendered the input (${String(value)}): a release's bookkeeping, stale once the declaration renders these objects`;
  for (const object of members) {
    const labels: Record<string, unknown> = object.metadata?.labels ?? {};
    if (Object.prototype.hasOwnProperty.call(labels, CHART_LABEL))
      ledger.drop(objectName(object), `metadata.labels[${CHART_LABEL}]`, reason(labels[CHART_LABEL]));
  }
  const workload = members[0] as Node | undefined;
  const template: Node | undefined = podPath.reduce<Node | undefined>((node, key) => node?.[key], workload);
  const podLabels: Record<string, unknown> = template?.metadata?.labels ?? {};
  if (workload && Object.prototype.hasOwnProperty.call(podLabels, CHART_LABEL))
    ledger.drop(ledger.subject, `${podPath.join('.')}.metadata.labels[${CHART_LABEL}]`, reason(podLabels[CHART_LABEL]));
}

/**
 * A ConfigMap that other workloads of the input read too belongs to none of them alone: the
 * declaration refers to it by name (files, env, envFrom) instead of copying its text into
 * configFiles, and it stays as it is when the declaration's objects replace the workload's.
 */
export function dropSharedConfigMaps(
  ledger: Ledger,
  members: readonly KubernetesObject[],
  shared: ReadonlyMap<string, readonly string[]>,
): void {
  for (const object of members) {
    const others = object.kind === 'ConfigMap' ? shared.get(String(object.metadata?.name)) : undefined;
    if (others === undefined) continue;
    ledger.drop(
      objectName(object),
      '',
      `read by ${others.join(', ')} too: a ConfigMap several workloads share belongs to none of them alone, so the declaration refers to it by name and does not write it; it stays as it is`,
    );
  }
}

/**
 * `enableServiceLinks: true` is Kubernetes' default (the review says so): nothing to carry. `false`
 * (cert-manager's charts) keeps the Service variables out of the environment, which the schema
 * cannot say: it is left to the leftovers, which carry it as a patch.
 */
export function readServiceLinks(ledger: Ledger, pod: Node, podSpecPath: string): void {
  if (pod.enableServiceLinks === true) ledger.consume(ledger.subject, `${podSpecPath}.enableServiceLinks`);
}

/** A pod template's metadata.name: controllers name their pods themselves (`<workload>-<hash>`, a Job's `<job>-<suffix>`) and ignore it. */
export function dropTemplateName(ledger: Ledger, workload: Node, podPath: readonly string[]): void {
  const template: Node | undefined = podPath.reduce<Node | undefined>((node, key) => node?.[key], workload);
  if (template?.metadata?.name === undefined) return;
  ledger.drop(
    ledger.subject,
    `${podPath.join('.')}.metadata.name`,
    `the pod template's name ${String(template.metadata.name)} is not used: the ${String(workload.kind)} names its pods after itself`,
  );
}

/** `seLinuxOptions: {}` (bitnami's charts): it sets no SELinux user, role, type or level, the same as leaving it out. */
export function dropEmptySeLinuxOptions(ledger: Ledger, pod: Node, podSpecPath: string): void {
  for (const list of ['initContainers', 'containers']) {
    for (const [index, container] of ((pod[list] as Node[] | undefined) ?? []).entries()) {
      const options = container?.securityContext?.seLinuxOptions;
      if (typeof options !== 'object' || options === null || Object.keys(options).length > 0) continue;
      ledger.drop(
        ledger.subject,
        `${podSpecPath}.${list}.${index}.securityContext.seLinuxOptions`,
        'empty: it sets no SELinux user, role, type or level, the same as leaving it out',
      );
    }
  }
}

/**
 * The labels a kept NetworkPolicy's podSelector names beyond the workload's selector (argo-cd's
 * redis policy adds app.kubernetes.io/instance): the declaration's NetworkPolicy selects the
 * workload's pods by its selector, the same pods, and the patch table refuses a podSelector.
 */
export function dropNetworkPolicySelector(
  ledger: Ledger,
  policy: KubernetesObject | undefined,
  selector: Readonly<Record<string, string>>,
): void {
  const matchLabels: Record<string, unknown> = policy?.spec?.podSelector?.matchLabels ?? {};
  for (const key of Object.keys(matchLabels)) {
    if (Object.prototype.hasOwnProperty.call(selector, key)) continue;
    ledger.drop(
      objectName(policy!),
      `spec.podSelector.matchLabels[${key}]`,
      `the declaration's NetworkPolicy selects the workload's pods by its selector (${JSON.stringify(selector)}), which every pod that carries ${key}=${String(matchLabels[key])} here also carries; patches may not change a podSelector (names and selectors identify the objects and pods across upgrades)`,
    );
  }
}

/**
 * A Service port's appProtocol the declaration does not write. Service ports are refused in
 * patches (they are what clients and routes address), so it is dropped: where the port's name
 * already says the protocol (`http`, `https`, `grpc-…`), meshes read it from the name
 * (https://istio.io/latest/docs/ops/configuration/traffic-management/protocol-selection/); the
 * declaration writes appProtocol itself for its serving port where the name does not say it.
 */
export function dropServicePortProtocols(ledger: Ledger, services: readonly KubernetesObject[], serving: Node | undefined): void {
  for (const service of services) {
    for (const [index, port] of ((service.spec?.ports as Node[] | undefined) ?? []).entries()) {
      if (port?.appProtocol === undefined || port.appProtocol === null) continue;
      const protocol = String(port.appProtocol);
      const name = String(port.name ?? '');
      const named = name === protocol || name.startsWith(`${protocol}-`);
      // The serving port: the declaration's protocol writes kubernetes.io/h2c (http2, grpc), or http under a kept name that does not say it (src/declaration/resolve/ports.ts).
      // A StatefulSet's headless Service publishes the serving port too, under the same name and target.
      const servingPort =
        port === serving || (serving !== undefined && port.name === serving.name && String(port.targetPort) === String(serving.targetPort));
      if (servingPort && (protocol === 'kubernetes.io/h2c' || (protocol === 'http' && !named))) continue;
      ledger.drop(
        objectName(service),
        `spec.ports.${index}.appProtocol`,
        named
          ? `appProtocol ${protocol} says what the port's name ${name} says, and meshes read the protocol from the name; patches may not change Service ports`
          : `the schema writes appProtocol only for the serving port's protocol, and patches may not change Service ports (what clients and routes address): a mesh reads the protocol from the port's name ${name} instead`,
      );
    }
  }
}
