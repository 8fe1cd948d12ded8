import type { KubernetesObject, Node } from '../../manifests/objects';
import type { Ledger } from './ledger';

/** The objects whose names `keep.names` keeps, by role (src/declaration/schema/keep.ts), as found for the workload. */
export interface KeptObjects {
  readonly Service?: KubernetesObject;
  readonly HeadlessService?: KubernetesObject;
  readonly ServiceAccount?: KubernetesObject;
  readonly PodDisruptionBudget?: KubernetesObject;
  readonly HorizontalPodAutoscaler?: KubernetesObject;
  readonly NetworkPolicy?: KubernetesObject;
  readonly Ingress?: KubernetesObject;
  readonly Route?: KubernetesObject;
  readonly ServiceMonitor?: KubernetesObject;
  readonly PodMonitor?: KubernetesObject;
}

const same = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

/**
 * keep.*: so that applying the result is an in-place upgrade, not a new service. A selector is
 * immutable once created (https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#label-selector-updates),
 * and clients reach Services by name, so the input's selector, object names and Service port name
 * are kept where they differ from what the declaration would make (app.kubernetes.io/name +
 * instance, objects named `instance`, the port named after its protocol). Nothing is written when
 * our defaults already equal the input.
 */
export function inferKeep(ledger: Ledger, workload: Node, objects: KeptObjects, servicePortName: string | undefined): void {
  const name = String(ledger.get(['name']));
  const instance = String(ledger.get(['instance']) ?? name);
  // A Job's selector is generated (controller-uid); the pods' own selector is then the one the
  // NetworkPolicy and the spread constraints select them by.
  const podSelector: Node | undefined = objects.NetworkPolicy?.spec?.podSelector ?? spreadSelector(workload);
  const selector: Node = workload.spec?.selector ?? podSelector ?? {};
  const matchLabels: Record<string, string> = selector.matchLabels ?? {};
  if (Array.isArray(selector.matchExpressions) && selector.matchExpressions.length > 0) {
    ledger.drop(
      ledger.subject,
      'spec.selector.matchExpressions',
      "keep.selector keeps matchLabels only: a selector with expressions cannot be kept, and a Deployment's selector cannot change in place — the workload must be replaced",
    );
  }
  const ours = { 'app.kubernetes.io/instance': instance, 'app.kubernetes.io/name': name };
  const sorted = Object.fromEntries(Object.entries(matchLabels).sort(([left], [right]) => (left < right ? -1 : 1)));
  if (Object.keys(matchLabels).length > 0 && !same(sorted, ours))
    ledger.set(['keep', 'selector'], matchLabels, 'spec.selector.matchLabels: a selector cannot change in place');
  for (const [role, object] of Object.entries(objects) as Array<[keyof KeptObjects, KubernetesObject | undefined]>) {
    const kept = object?.metadata?.name;
    if (kept === undefined) continue;
    if (role === 'ServiceAccount' && kept === 'default') {
      // The schema refuses keep.names.ServiceAccount: default (src/declaration/schema/keep.ts).
      ledger.drop(
        ledger.subject,
        `${podServiceAccountPath(workload)}`,
        "the pods run as the namespace's default ServiceAccount, which every pod naming no account shares: the workload gets its own account, named after the instance",
      );
      continue;
    }
    const made = role === 'HeadlessService' ? `${instance}-headless` : instance;
    if (kept !== made) ledger.set(['keep', 'names', role], kept, `${object!.kind}/${kept} metadata.name`);
  }
  // The protocol's default: grpc with a gRPC readiness check, else http (src/declaration/schema: protocol).
  const grpcReadiness = (ledger.get(['health', 'readiness']) as Record<string, unknown> | undefined)?.grpc !== undefined;
  const protocol = String(ledger.get(['protocol']) ?? (grpcReadiness ? 'grpc' : 'http'));
  if (servicePortName !== undefined && servicePortName !== protocol) {
    ledger.set(
      ['keep', 'servicePortName'],
      servicePortName,
      `the Service port's name ${servicePortName}: clients and Ingresses may address it by name`,
    );
  }
}

/** The labelSelector of the pod template's first spread constraint, wherever the template is. */
function spreadSelector(workload: Node): Node | undefined {
  const template: Node | undefined = workload.spec?.template ?? workload.spec?.jobTemplate?.spec?.template;
  return ((template?.spec?.topologySpreadConstraints as Node[] | undefined) ?? [])[0]?.labelSelector;
}

/** Where the pod template names its ServiceAccount. */
function podServiceAccountPath(workload: Node): string {
  const template = workload.spec?.template !== undefined ? 'spec.template' : 'spec.jobTemplate.spec.template';
  const pod: Node = (workload.spec?.template ?? workload.spec?.jobTemplate?.spec?.template)?.spec ?? {};
  return `${template}.spec.${pod.serviceAccountName !== undefined ? 'serviceAccountName' : 'serviceAccount'}`;
}
