import { checkInvariants, type InvariantResult } from '../../invariants/check';
import { deriveTimings } from '../../timing/derive';
import type { Derivation, Timings } from '../../timing/types';
import { DeclarationError, type Problem } from '../errors';
import type { AcknowledgementId } from '../ids';
import { isKnownDistroless } from '../image';
import type { ResolvedProbe } from '../probes';
import { issueProblems } from '../schema-problems';
import { applyPreset, type EffectiveSpec, type PresetEffect } from '../presets';
import { workloadSchema } from '../schema';
import type { EnvEntry } from '../workload-spec';
import { resolveEnv } from './env';
import { factsOf, invariantProblem, isAcknowledgeable } from './invariant-problems';
import { checkPod } from './pod';
import { checkKindFields } from './kind-fields';
import { resolveProbes } from './probes';
import { checkRelations } from './relations';
import { resolveReplicas } from './replicas';
import type { Resolution } from './resolution';
import { resolveResources } from './resources';
import { type ResolvedLoadBalancer, resolveRoutes, routeNotes } from './routes';
import { targetGroupProblem } from './target-group';
import { checkScheduling } from './scheduling';
import { resolveVolumes } from './volumes';

export type Replicas =
  | { readonly mode: 'fixed'; readonly count: number }
  | { readonly mode: 'autoscaled'; readonly min: number; readonly max: number; readonly targetCPUUtilizationPercentage: number };

export interface Acknowledgement {
  readonly id: AcknowledgementId;
  readonly reason: string;
}

/**
 * A declaration that passed every check, with everything the faces need decided: the timings,
 * the probes with their ports, the replica mode, the resource limits and what was acknowledged.
 */
export interface ResolvedWorkload extends Derivation {
  /** The declaration with every default and its preset's values filled in. */
  readonly spec: EffectiveSpec;
  /** What the preset filled in, if the declaration names one. */
  readonly preset?: PresetEffect;
  /** metadata.name of every object and app.kubernetes.io/instance. */
  readonly instance: string;
  readonly distroless: boolean;
  readonly probes: {
    readonly readiness?: ResolvedProbe;
    readonly liveness?: ResolvedProbe;
    readonly startup?: ResolvedProbe;
  };
  readonly replicas: Replicas;
  readonly resources: { readonly cpu: string; readonly memory: string; readonly cpuLimit?: string };
  /** The load balancer whose target group the declaration configures (an aws-alb Ingress, an aws-nlb Service). */
  readonly loadBalancer?: ResolvedLoadBalancer;
  /** The main container's environment variables, in the order Kubernetes sets them. */
  readonly env: readonly EnvEntry[];
  /** The generated ConfigMap of the inline config files, when there are any. */
  readonly configMap?: { readonly name: string; readonly data: Readonly<Record<string, string>> };
  /** Acknowledgements in a fixed order, each one used by this declaration. */
  readonly acknowledgements: readonly Acknowledgement[];
  readonly invariants: readonly InvariantResult[];
  /** What a reader of `explain` should know that no invariant can check, one sentence each. */
  readonly notes: readonly string[];
}

/**
 * Validates a declaration and derives everything from it, or throws a `DeclarationError` listing
 * every problem. This is the one place where declarations are validated; both the constructs and
 * the CLI go through it, and the Helm templates mirror it.
 *
 * Problems are gathered in stages — shape and types, then the relations between fields, then the
 * invariants of the derived timings — because each stage needs the one before to have passed.
 */
export function resolveWorkload(declaration: unknown): ResolvedWorkload {
  const subject = subjectOf(declaration);
  const parsed = workloadSchema.safeParse(declaration, { reportInput: true });
  if (!parsed.success) {
    throw new DeclarationError(
      subject,
      parsed.error.issues.flatMap((issue) => issueProblems(issue, declaration)),
    );
  }
  const { spec, effect: preset } = applyPreset(parsed.data);
  const problems: Problem[] = [];
  const used = new Set<AcknowledgementId>();
  const acknowledged = (id: AcknowledgementId) => {
    if (spec.acknowledge[id] === undefined) return false;
    used.add(id);
    return true;
  };

  const resolution: Resolution = { problems, acknowledged };
  const distroless = spec.distroless ?? isKnownDistroless(spec.image);
  checkKindFields(spec, resolution);
  const probes = resolveProbes(spec, resolution);
  const replicas = resolveReplicas(spec, resolution);
  const resources = resolveResources(spec, resolution);
  checkRelations(spec, distroless, problems);
  const loadBalancer = resolveRoutes(spec, probes, resolution);
  const env = resolveEnv(spec, 'env', problems);
  const instance = spec.instance ?? spec.name;
  const configMap = resolveVolumes(spec, instance, problems);
  checkPod(spec, resolution);
  checkScheduling(spec, problems);
  if (problems.length > 0) throw new DeclarationError(subject, problems);

  const derivation = deriveTimings({
    kind: spec.kind,
    startupMaxSeconds: spec.startup.maxSeconds,
    startupTypicalSeconds: spec.startup.typicalSeconds,
    drainSeconds: spec.drainSeconds,
    platform: spec.traffic.platform,
    propagationSeconds: spec.traffic.propagationSeconds,
    probeLatencyMs: spec.probeLatencyMs,
    kubernetesVersion: spec.kubernetesVersion,
    preStopType: spec.preStop.type,
    probes: { readiness: probes.readiness !== undefined, liveness: probes.liveness !== undefined, startup: probes.startup !== undefined },
    loadBalancer: loadBalancer?.kind,
    overrides: spec.overrides,
  });
  const { timings } = derivation;
  const invariants = checkInvariants(factsOf(timings, probes, replicas, loadBalancer), {
    startupMaxSeconds: timings.startupMaxSeconds,
    propagationSeconds: timings.propagationSeconds,
    drainSeconds: timings.drainSeconds,
  });
  for (const result of invariants) {
    if (result.status !== 'violated') continue;
    if (isAcknowledgeable(result.id) && acknowledged(result.id)) continue;
    problems.push(invariantProblem(spec, result));
  }
  const targetGroup = targetGroupProblem(spec, timings);
  if (targetGroup) problems.push(targetGroup);

  // Sorted, so that the report does not depend on the order the keys were written in.
  for (const id of (Object.keys(spec.acknowledge) as AcknowledgementId[]).sort()) {
    if (!used.has(id)) {
      problems.push({
        path: `acknowledge.${id}`,
        value: spec.acknowledge[id],
        rule: 'an acknowledgement must excuse something this declaration does; this one excuses nothing',
        fix: `remove acknowledge.${id}, so that the recorded reasons stay true`,
      });
    }
  }
  if (problems.length > 0) throw new DeclarationError(subject, problems);

  return {
    ...derivation,
    spec,
    preset,
    instance,
    distroless,
    probes,
    replicas,
    resources,
    ...(loadBalancer ? { loadBalancer } : {}),
    env,
    ...(configMap ? { configMap } : {}),
    acknowledgements: (Object.keys(spec.acknowledge) as AcknowledgementId[]).sort().map((id) => ({ id, reason: spec.acknowledge[id]! })),
    invariants,
    notes: notesOn(declaration, spec, timings),
  };
}

function notesOn(declaration: unknown, spec: EffectiveSpec, timings: Timings): string[] {
  const notes: string[] = [];
  const declaredVersion = (declaration as { kubernetesVersion?: unknown }).kubernetesVersion !== undefined;
  if (!declaredVersion && timings.preStop.mechanism === 'exec') {
    notes.push(
      `kubernetesVersion is not declared, so 1.28 is assumed and the preStop delay runs "sleep ${timings.preStop.seconds}" inside the container. ` +
        'In an image without a sleep binary that hook fails silently and Kubernetes sends SIGTERM at once. ' +
        'Declare kubernetesVersion: from "1.30" on the sleep action needs no binary; or set distroless: true to be offered the alternatives.',
    );
  }
  notes.push(...routeNotes(spec, timings));
  return notes;
}

function subjectOf(declaration: unknown): string {
  const name = (declaration as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? `"${name}"` : '(unnamed)';
}
