import type { EffectiveSpec } from '../presets';
import { RESTRICTED_CAPABILITIES } from '../schema/security-context';
import type { Resolution } from './resolution';

/**
 * The declared user and capabilities against the restricted Pod Security Standard
 * (https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted): root and
 * capabilities beyond NET_BIND_SERVICE are the departures a node agent may need (kubelets write
 * container logs 0640 root:root), so kind daemon may make them with a written reason, recorded in
 * the annotation where `check` finds it; every other kind stays restricted.
 * Mirrored by `hw.securityContext.problems` in templates/_resolve-security.tpl.
 */
export function checkSecurityContext(spec: EffectiveSpec, { problems, acknowledged }: Resolution): void {
  const declared = spec.securityContext;
  if (declared === undefined) return;
  const daemon = spec.kind === 'daemon';
  if (declared.runAsUser === 0) {
    if (!daemon) {
      problems.push({
        path: 'securityContext.runAsUser',
        value: 0,
        rule: `user 0 is root, which the restricted Pod Security Standard forbids (Running as Non-root); only a node agent (kind daemon) may run as root, and kind ${spec.kind} is not one`,
        fix: "use a non-zero user id that can read the image's files (e.g. 65532 or the image's own user), or leave runAsUser out",
      });
    } else if (!acknowledged('runAsNonRoot')) {
      problems.push({
        path: 'securityContext.runAsUser',
        value: 0,
        rule: 'user 0 is root, which the restricted Pod Security Standard forbids (Running as Non-root): the departure needs a written reason',
        fix: 'add acknowledge.runAsNonRoot: "<what the agent reads or writes that only root can>", or use a non-zero user id',
      });
    }
  }
  const added = [...new Set(declared.capabilities ?? [])].filter((name) => !RESTRICTED_CAPABILITIES.includes(name)).sort();
  if (added.length > 0) {
    if (!daemon) {
      problems.push({
        path: 'securityContext.capabilities',
        value: declared.capabilities,
        rule: `the restricted Pod Security Standard lets a container add only NET_BIND_SERVICE (Capabilities); ${added.join(', ')} is for node agents (kind daemon) only, and kind ${spec.kind} is not one`,
        fix: `remove ${added.join(', ')} from securityContext.capabilities`,
      });
    } else if (!acknowledged('capabilities')) {
      problems.push({
        path: 'securityContext.capabilities',
        value: declared.capabilities,
        rule: `adding ${added.join(', ')} departs from the restricted Pod Security Standard, which allows only NET_BIND_SERVICE (Capabilities): the departure needs a written reason`,
        fix: `add acknowledge.capabilities: "<why the agent needs ${added.join(', ')}>", or remove them`,
      });
    }
  }
}

/** Whether the application's container runs as root (a node agent that acknowledged it). */
export const runsAsRoot = (spec: EffectiveSpec): boolean => spec.securityContext?.runAsUser === 0;

/**
 * What `explain` says about a node agent's access to its host paths: as any user but root it
 * cannot read what the kubelet writes for root alone (container logs are 0640 root:root).
 */
export function securityNotes(spec: EffectiveSpec): string[] {
  if (spec.kind !== 'daemon' || runsAsRoot(spec)) return [];
  const hostPaths = spec.daemon?.hostPaths ?? {};
  const paths = Object.keys(hostPaths)
    .sort()
    .map((name) => hostPaths[name]!.path);
  if (paths.length === 0) return [];
  const user = spec.securityContext?.runAsUser ?? 65532;
  return [
    `The agent reads the host paths (${paths.join(', ')}) as user ${user}, not root: it cannot read files only root may read, such as the container logs kubelets write 0640 root:root under /var/log/pods, nor write to folders the kubelet created for root. ` +
      'If it must, declare securityContext.runAsUser: 0 with acknowledge.runAsNonRoot (or a supplementalGroups entry of a group that may read them).',
  ];
}
