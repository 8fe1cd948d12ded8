import { checkInvariants, type InvariantResult } from '../invariants/check';
import type { DeclaredTimes } from '../invariants/facts';
import { invariantsText } from '../explain/text';
import { type KubernetesObject, workloadsFromManifests } from './facts';
import { type PodSecurityFinding, restrictedPodFindings } from './pod-security';

/** The verdict on one Deployment found in manifests. */
export interface ManifestCheck {
  readonly subject: string;
  /** The declared times used: from our annotation, overridden by what the caller passed. */
  readonly declared: DeclaredTimes;
  readonly invariants: readonly InvariantResult[];
  readonly podSecurity: readonly PodSecurityFinding[];
}

/**
 * Checks every Deployment in a set of manifests — ours or anyone's — against the twelve
 * invariants and the restricted Pod Security Standard. Declared times the manifests cannot show
 * (the slowest start, propagation, drain) come from `declared` or from our annotation.
 */
export function checkManifests(objects: readonly KubernetesObject[], declared: DeclaredTimes = {}): ManifestCheck[] {
  const deployments = objects.filter((object) => object.kind === 'Deployment');
  return workloadsFromManifests(objects).map((workload, index) => {
    const times = { ...workload.declared, ...definedOnly(declared) };
    const template = deployments[index]!.spec.template;
    return {
      subject: workload.facts.subject,
      declared: times,
      invariants: checkInvariants(workload.facts, times),
      podSecurity: restrictedPodFindings(template.spec, template.metadata?.annotations),
    };
  });
}

function definedOnly(times: DeclaredTimes): DeclaredTimes {
  return Object.fromEntries(Object.entries(times).filter(([, value]) => value !== undefined));
}

export function failed(check: ManifestCheck): boolean {
  return check.podSecurity.length > 0 || check.invariants.some((result) => result.status === 'violated');
}

export function checkText(checks: readonly ManifestCheck[]): string {
  if (checks.length === 0) return 'No Deployment found: nothing to check.\n';
  return `${checks
    .map((check) => {
      const verdict = failed(check) ? 'FAILED' : 'passed';
      const lines = [
        `${check.subject}: ${verdict}`,
        ...invariantsText(check.invariants)
          .split('\n')
          .map((line) => `  ${line}`),
      ];
      if (check.podSecurity.length > 0) {
        lines.push('  Pod Security Standard "restricted":');
        lines.push(...check.podSecurity.map((finding) => `    ${finding.control}: ${finding.field} ${finding.problem}`));
      } else {
        lines.push('  ok  Pod Security Standard "restricted"');
      }
      const unknown = check.invariants.filter((result) => result.status === 'unknown').length;
      if (unknown > 0)
        lines.push(`  ${unknown} invariant(s) need declared times: pass --startup-max-seconds, --propagation-seconds, --drain-seconds`);
      return lines.join('\n');
    })
    .join('\n\n')}\n`;
}
