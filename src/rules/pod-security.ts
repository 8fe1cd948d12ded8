import type { FieldPath } from '../files/manifests';
import { parsePath } from '../manifests/field-paths';
import { type PodSecurityFinding, restrictedPodFindings } from '../manifests/pod-security';
import type { Workload } from '../manifests/workloads';
import type { Check } from './check';
import type { RuleId } from './catalogue';

/**
 * The restricted Pod Security Standard as one rule per control, so that a finding can be
 * acknowledged for exactly the control a workload needs (a node agent's host ports, say). The
 * whole profile is evaluated once per pod (`manifests/pod-security.ts`) and split by control.
 */
export const CONTROLS = {
  hostNamespaces: 'Host Namespaces',
  hostProcess: 'HostProcess',
  volumeTypes: 'Volume Types',
  sysctls: 'Sysctls',
  appArmor: 'AppArmor',
  seLinux: 'SELinux',
  runAsNonRoot: 'Running as Non-root',
  runAsUser: 'Running as Non-root user',
  seccomp: 'Seccomp',
  privileged: 'Privileged Containers',
  procMount: '/proc Mount Type',
  hostPorts: 'Host Ports',
  privilegeEscalation: 'Privilege Escalation',
  capabilities: 'Capabilities',
} as const satisfies Partial<Record<RuleId, string>>;

type PodSecurityRuleId = keyof typeof CONTROLS;

const evaluated = new WeakMap<Workload, readonly PodSecurityFinding[]>();

function findingsOf(workload: Workload): readonly PodSecurityFinding[] {
  let findings = evaluated.get(workload);
  if (!findings) {
    findings = restrictedPodFindings(workload.pod.spec, workload.pod.metadata.annotations ?? {});
    evaluated.set(workload, findings);
  }
  return findings;
}

/** Findings name fields from the pod spec, or from the template for its annotations. */
function fieldPath(workload: Workload, field: string): FieldPath {
  const relative = parsePath(field);
  return relative[0] === 'metadata' ? [...workload.pod.path, ...relative] : [...workload.pod.path, 'spec', ...relative];
}

function control(name: string): Check {
  return ({ workload }) =>
    findingsOf(workload)
      .filter((finding) => finding.control === name)
      .map((finding) => ({ path: fieldPath(workload, finding.field), message: `${finding.field} ${finding.problem}` }));
}

export const POD_SECURITY_CHECKS = Object.fromEntries(Object.entries(CONTROLS).map(([id, name]) => [id, control(name)])) as Record<
  PodSecurityRuleId,
  Check
>;
