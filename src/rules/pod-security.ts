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

/**
 * How GitHub code scanning rates each control's finding: SARIF `properties.security-severity`, a
 * score from 0.1 to 10 (over 9.0 critical, 7.0 to 8.9 high, 4.0 to 6.9 medium, below low), shown
 * for rules that also carry the tag `security`. Highest where the container reaches the node
 * (privileged, HostProcess, host namespaces, host paths), lower where it only widens what an
 * attacker inside the container can do.
 * https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning#reportingdescriptor-object
 */
export const SECURITY_SEVERITY = {
  hostNamespaces: 8.5,
  hostProcess: 9.5,
  volumeTypes: 8.0,
  sysctls: 6.0,
  appArmor: 5.5,
  seLinux: 6.0,
  runAsNonRoot: 6.0,
  runAsUser: 7.0,
  seccomp: 5.5,
  privileged: 9.5,
  procMount: 7.0,
  hostPorts: 5.0,
  privilegeEscalation: 7.0,
  capabilities: 7.5,
} as const satisfies Record<PodSecurityRuleId, number>;

export function securitySeverity(id: RuleId): number | undefined {
  return Object.prototype.hasOwnProperty.call(SECURITY_SEVERITY, id) ? SECURITY_SEVERITY[id as PodSecurityRuleId] : undefined;
}

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
