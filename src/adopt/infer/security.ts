import type { Node } from '../../manifests/objects';
import { CARRIED_OVER } from './identity';
import type { Ledger } from './ledger';
import { RESTRICTED_CAPABILITIES } from '../../declaration/schema/security-context';

/**
 * securityContext: the ids the input runs as, and its departures from the restricted Pod Security
 * Standard that the schema can say (root, added capabilities), carried over as acknowledgements
 * with the reason "carried over from the existing manifest — review". Departures the schema cannot
 * say (privileged, host namespaces, privilege escalation) are dropped: the synthesized pod is
 * restricted. https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export function inferSecurity(ledger: Ledger, pod: Node, podPath: string, container: Node, containerPath: string): void {
  ledger.consume(ledger.subject, `${podPath}.securityContext`, `${containerPath}.securityContext`);
  const podContext: Node = pod.securityContext ?? {};
  const context: Node = container.securityContext ?? {};
  const id = (field: string) => (typeof context[field] === 'number' ? context[field] : podContext[field]);
  const runAsUser = id('runAsUser');
  const runAsGroup = id('runAsGroup');
  const fsGroup = podContext.fsGroup;
  const supplementalGroups = podContext.supplementalGroups;
  if (typeof runAsUser === 'number' && runAsUser !== 65532) {
    ledger.set(
      ['securityContext', 'runAsUser'],
      runAsUser,
      `${containerPath}.securityContext.runAsUser or ${podPath}.securityContext.runAsUser`,
    );
    if (runAsUser === 0) ledger.set(['acknowledge', 'runAsNonRoot'], CARRIED_OVER, 'the input runs as root (runAsUser 0)');
  }
  if (typeof runAsGroup === 'number' && runAsGroup !== 65532 && runAsGroup > 0)
    ledger.set(['securityContext', 'runAsGroup'], runAsGroup, 'runAsGroup in the input');
  if (typeof fsGroup === 'number' && fsGroup !== 65532 && fsGroup > 0)
    ledger.set(['securityContext', 'fsGroup'], fsGroup, `${podPath}.securityContext.fsGroup`);
  if (Array.isArray(supplementalGroups) && supplementalGroups.length > 0)
    ledger.set(['securityContext', 'supplementalGroups'], supplementalGroups, `${podPath}.securityContext.supplementalGroups`);
  const added = ((context.capabilities?.add as unknown[] | undefined) ?? []).map((capability) =>
    String(capability).replace(/^CAP_/, '').toUpperCase(),
  );
  if (added.length > 0) {
    ledger.set(['securityContext', 'capabilities'], added, `${containerPath}.securityContext.capabilities.add`);
    const beyond = added.filter((capability) => !RESTRICTED_CAPABILITIES.includes(capability));
    if (beyond.length > 0)
      ledger.set(
        ['acknowledge', 'capabilities'],
        CARRIED_OVER,
        `the input adds capabilities ${beyond.join(', ')}, beyond the restricted profile's NET_BIND_SERVICE`,
      );
  }
  for (const [field, value, why] of [
    ['privileged', context.privileged === true, 'a privileged container'],
    ['allowPrivilegeEscalation', context.allowPrivilegeEscalation === true, 'privilege escalation'],
    [
      'readOnlyRootFilesystem',
      context.readOnlyRootFilesystem === false,
      'a writable root filesystem (the synthesis mounts a writable /tmp; declare scratch folders for other writable paths)',
    ],
  ] as const) {
    if (value)
      ledger.drop(
        ledger.subject,
        `${containerPath}.securityContext.${field}`,
        `${why} is not carried over: the synthesized pod is restricted`,
      );
  }
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
    ledger.consume(ledger.subject, `${podPath}.${field}`);
    if (pod[field] === true)
      ledger.drop(ledger.subject, `${podPath}.${field}`, `${field} is not carried over: the synthesized pod is restricted`);
  }
}
