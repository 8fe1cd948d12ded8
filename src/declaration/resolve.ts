import { checkInvariants, type InvariantResult } from '../invariants/check';
import type { WorkloadFacts } from '../invariants/facts';
import { deriveTimings, kubernetesMinor, SLEEP_ACTION_MINOR } from '../timing/derive';
import type { Derivation, ProbeTimings, Timings } from '../timing/types';
import { DeclarationError, type Problem } from './errors';
import { ACKNOWLEDGEABLE_INVARIANTS, type AcknowledgementId, type InvariantId } from './ids';
import { isKnownDistroless } from './image';
import { describeHandler, probeForm, type ResolvedProbe, resolveProbe } from './probes';
import { cpuMillicores, DEFAULT_CPU_LIMIT_FACTOR, formatCpu } from './quantities';
import { issueProblems } from './schema-problems';
import { applyPreset, type EffectiveSpec, type PresetEffect } from './presets';
import { type ProbeTarget, workloadSchema } from './schema';

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

  const distroless = spec.distroless ?? isKnownDistroless(spec.image);
  const probes = resolveProbes(spec, problems, acknowledged);
  const replicas = resolveReplicas(spec, problems, acknowledged);
  const resources = resolveResources(spec, problems, acknowledged);
  checkRelations(spec, distroless, problems);
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
    overrides: spec.overrides,
  });
  const { timings } = derivation;
  const invariants = checkInvariants(factsOf(timings, probes, replicas), {
    startupMaxSeconds: timings.startupMaxSeconds,
    propagationSeconds: timings.propagationSeconds,
    drainSeconds: timings.drainSeconds,
  });
  for (const result of invariants) {
    if (result.status !== 'violated') continue;
    if (isAcknowledgeable(result.id) && acknowledged(result.id)) continue;
    problems.push(invariantProblem(spec, result));
  }

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
    instance: spec.instance ?? spec.name,
    distroless,
    probes,
    replicas,
    resources,
    acknowledgements: (Object.keys(spec.acknowledge) as AcknowledgementId[]).sort().map((id) => ({ id, reason: spec.acknowledge[id]! })),
    invariants,
    notes: notesOn(declaration, timings),
  };
}

function notesOn(declaration: unknown, timings: Timings): string[] {
  const notes: string[] = [];
  const declaredVersion = (declaration as { kubernetesVersion?: unknown }).kubernetesVersion !== undefined;
  if (!declaredVersion && timings.preStop.mechanism === 'exec') {
    notes.push(
      `kubernetesVersion is not declared, so 1.28 is assumed and the preStop delay runs "sleep ${timings.preStop.seconds}" inside the container. ` +
        'In an image without a sleep binary that hook fails silently and Kubernetes sends SIGTERM at once. ' +
        'Declare kubernetesVersion: from "1.30" on the sleep action needs no binary; or set distroless: true to be offered the alternatives.',
    );
  }
  return notes;
}

function subjectOf(declaration: unknown): string {
  const name = (declaration as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? `"${name}"` : '(unnamed)';
}

function isAcknowledgeable(id: InvariantId): id is (typeof ACKNOWLEDGEABLE_INVARIANTS)[number] {
  return (ACKNOWLEDGEABLE_INVARIANTS as readonly string[]).includes(id);
}

function resolveProbes(
  spec: EffectiveSpec,
  problems: Problem[],
  acknowledged: (id: AcknowledgementId) => boolean,
): ResolvedWorkload['probes'] {
  const resolve = (name: 'readiness' | 'liveness' | 'startup', target: ProbeTarget): ResolvedProbe | undefined => {
    const path = `health.${name}`;
    const resolved = resolveProbe(target, spec.port);
    if (!resolved) {
      problems.push({
        path: `${path}.port`,
        value: undefined,
        rule: `a ${probeForm(target)} probe needs a port, and the workload declares none`,
        fix: `add ${path}.port or the workload's port`,
      });
    }
    return resolved;
  };

  const { health } = spec;
  if (spec.kind === 'web') {
    if (spec.port === undefined) {
      problems.push({ path: 'port', value: undefined, rule: 'a web workload needs its serving port', fix: 'add port, e.g. port: 8080' });
    }
    if (health.readiness === undefined) {
      problems.push({
        path: 'health.readiness',
        value: undefined,
        rule: 'a web workload needs a readiness check, or traffic reaches pods that cannot serve it yet',
        fix: 'add health.readiness, e.g. health: { readiness: { path: /readyz } }',
      });
    }
  }
  const readiness = health.readiness && resolve('readiness', health.readiness);

  let liveness: ResolvedProbe | undefined;
  if (health.liveness === false) {
    if (!acknowledged('noLiveness')) {
      problems.push({
        path: 'health.liveness',
        value: false,
        rule: 'turning liveness off needs a written reason: a wedged process would then never be restarted',
        fix: 'keep the default (tcpSocket on the port), or add acknowledge.noLiveness: "<why>"',
      });
    }
  } else if (health.liveness !== undefined) {
    liveness = resolve('liveness', health.liveness);
  } else if (spec.port !== undefined) {
    liveness = { type: 'tcp', port: spec.port };
  } else if (spec.kind === 'worker') {
    problems.push({
      path: 'health.liveness',
      value: undefined,
      rule: 'a worker without a port has no default liveness check (the default is tcpSocket on the port)',
      fix: 'add health.liveness, e.g. { exec: ["/app/healthcheck"] }, or liveness: false with acknowledge.noLiveness',
    });
  }

  // The startup probe gates liveness; without liveness it still holds readiness back until the start is over.
  const startupTarget = health.startup;
  const startup = startupTarget !== undefined ? resolve('startup', startupTarget) : (liveness ?? readiness);
  return { readiness, liveness, startup };
}

/** Two pods: one can be disrupted while the other serves. */
const DEFAULT_REPLICAS = 2;

function resolveReplicas(spec: EffectiveSpec, problems: Problem[], acknowledged: (id: AcknowledgementId) => boolean): Replicas {
  const { autoscaling } = spec;
  const replicas: Replicas = autoscaling
    ? {
        mode: 'autoscaled',
        min: autoscaling.minReplicas,
        max: autoscaling.maxReplicas,
        targetCPUUtilizationPercentage: autoscaling.targetCPUUtilizationPercentage,
      }
    : { mode: 'fixed', count: spec.replicas ?? DEFAULT_REPLICAS };
  if (autoscaling && spec.replicas !== undefined) {
    problems.push({
      path: 'replicas',
      value: spec.replicas,
      rule: 'with autoscaling the HorizontalPodAutoscaler decides the number of pods, so replicas would be ignored',
      fix: `remove replicas; the autoscaler keeps between autoscaling.minReplicas (${autoscaling.minReplicas}) and autoscaling.maxReplicas (${autoscaling.maxReplicas}) pods`,
    });
  }
  if (autoscaling && autoscaling.maxReplicas < autoscaling.minReplicas) {
    problems.push({
      path: 'autoscaling.maxReplicas',
      value: autoscaling.maxReplicas,
      rule: `maxReplicas must be at least minReplicas (${autoscaling.minReplicas})`,
      fix: `raise autoscaling.maxReplicas to ${autoscaling.minReplicas} or more`,
    });
  }
  const fewest = replicas.mode === 'fixed' ? replicas.count : replicas.min;
  if (fewest < 2 && !acknowledged('singleReplica')) {
    problems.push({
      path: autoscaling ? 'autoscaling.minReplicas' : 'replicas',
      value: fewest,
      rule: 'a single replica has downtime on every rollout, node drain and crash, and cannot have a PodDisruptionBudget',
      fix: 'run at least 2 replicas, or add acknowledge.singleReplica: "<why downtime is acceptable>"',
    });
  }
  return replicas;
}

function resolveResources(
  spec: EffectiveSpec,
  problems: Problem[],
  acknowledged: (id: AcknowledgementId) => boolean,
): ResolvedWorkload['resources'] {
  const { cpu, memory, cpuLimit } = spec.resources;
  if (cpuLimit === false) {
    if (!acknowledged('noCpuLimit')) {
      problems.push({
        path: 'resources.cpuLimit',
        value: false,
        rule: 'removing the CPU limit needs a written reason',
        fix: 'keep the default (4 x the request) or set a limit, or add acknowledge.noCpuLimit: "<why>"',
      });
    }
    return { cpu, memory };
  }
  if (cpuLimit !== undefined && cpuMillicores(cpuLimit) < cpuMillicores(cpu)) {
    problems.push({
      path: 'resources.cpuLimit',
      value: cpuLimit,
      rule: `the CPU limit must be at least the CPU request (${cpu})`,
      fix: `raise resources.cpuLimit to ${cpu} or more, or leave it out for the default`,
    });
  }
  return { cpu, memory, cpuLimit: cpuLimit ?? formatCpu(DEFAULT_CPU_LIMIT_FACTOR * cpuMillicores(cpu)) };
}

function checkRelations(spec: EffectiveSpec, distroless: boolean, problems: Problem[]): void {
  const { startup, preStop } = spec;
  if (startup.typicalSeconds !== undefined && startup.typicalSeconds > startup.maxSeconds) {
    problems.push({
      path: 'startup.typicalSeconds',
      value: startup.typicalSeconds,
      rule: `a typical start cannot take longer than the slowest one (startup.maxSeconds = ${startup.maxSeconds})`,
      fix: `lower startup.typicalSeconds to at most ${startup.maxSeconds}, or raise startup.maxSeconds`,
    });
  }
  if (spec.kind === 'worker') {
    if (preStop.type !== 'auto') {
      problems.push({
        path: 'preStop.type',
        value: preStop.type,
        rule: 'workers receive no Service traffic and get no preStop hook',
        fix: 'remove preStop, or make the workload kind: web',
      });
    }
    return;
  }
  const minor = kubernetesMinor(spec.kubernetesVersion);
  if (preStop.type === 'sleep' && minor < SLEEP_ACTION_MINOR) {
    problems.push({
      path: 'preStop.type',
      value: 'sleep',
      rule: `the preStop sleep action needs Kubernetes 1.${SLEEP_ACTION_MINOR} or later (kubernetesVersion is ${spec.kubernetesVersion})`,
      fix: `set kubernetesVersion: "1.${SLEEP_ACTION_MINOR}" if every cluster runs it, or use preStop.type exec, http or app`,
    });
  }
  const execSleep = preStop.type === 'exec' || (preStop.type === 'auto' && minor < SLEEP_ACTION_MINOR);
  if (execSleep && distroless) {
    problems.push({
      path: 'preStop.type',
      value: preStop.type,
      rule: `exec "sleep" fails in an image without a sleep binary (${spec.distroless === undefined ? 'the image is from a known distroless registry' : 'distroless: true'}), and Kubernetes then sends SIGTERM at once`,
      fix:
        `target Kubernetes >= 1.${SLEEP_ACTION_MINOR} (kubernetesVersion: "1.${SLEEP_ACTION_MINOR}") for the sleep action, ` +
        'or use preStop.type: http with an endpoint that returns after the delay, ' +
        'or preStop.type: app if the application waits by itself after SIGTERM',
    });
  }
  if (preStop.type === 'http' && preStop.path === undefined) {
    problems.push({
      path: 'preStop.path',
      value: undefined,
      rule: 'an httpGet preStop hook needs the path of an endpoint that returns after the delay',
      fix: 'add preStop.path, e.g. /prestop',
    });
  }
  if (preStop.type !== 'http') {
    for (const field of ['path', 'port'] as const) {
      if (preStop[field] !== undefined) {
        problems.push({
          path: `preStop.${field}`,
          value: preStop[field],
          rule: 'path and port apply to preStop.type http only',
          fix: `remove preStop.${field}, or set preStop.type: http`,
        });
      }
    }
  }
}

function probeFacts(timings: ProbeTimings, probe: ResolvedProbe, grace?: number) {
  return {
    periodSeconds: timings.periodSeconds,
    timeoutSeconds: timings.timeoutSeconds,
    failureThreshold: timings.failureThreshold,
    successThreshold: timings.successThreshold,
    terminationGracePeriodSeconds: grace,
    handler: describeHandler(probe),
  };
}

/** The facts the invariants read, straight from the derivation (before any object exists). */
function factsOf(timings: Timings, probes: ResolvedWorkload['probes'], replicas: Replicas): WorkloadFacts {
  const count = replicas.mode === 'fixed' ? replicas.count : replicas.min;
  return {
    subject: 'declaration',
    servesTraffic: timings.kind === 'web',
    readiness: probes.readiness && probeFacts(timings.readiness, probes.readiness),
    liveness: probes.liveness && probeFacts(timings.liveness, probes.liveness, timings.liveness.terminationGracePeriodSeconds),
    startup: probes.startup && probeFacts(timings.startup, probes.startup, timings.startup.terminationGracePeriodSeconds),
    preStopSeconds: timings.preStop.seconds,
    terminationGracePeriodSeconds: timings.terminationGracePeriodSeconds,
    replicas: count,
    maxSurge: timings.rollout.maxSurge,
    maxUnavailable: timings.rollout.maxUnavailable,
    minReadySeconds: timings.rollout.minReadySeconds,
    progressDeadlineSeconds: timings.rollout.progressDeadlineSeconds,
    podDisruptionBudget: count >= 2 ? { maxUnavailable: 1 } : undefined,
  };
}

/** The field a violation is reported under: the override that caused it, else the declared input. */
const INVARIANT_FIELDS: Record<InvariantId, readonly string[]> = {
  startupWindow: ['overrides.startup.failureThreshold', 'overrides.startup.periodSeconds', 'startup.maxSeconds'],
  probeSuccessThreshold: ['health'],
  livenessAfterReadiness: [
    'overrides.liveness.failureThreshold',
    'overrides.liveness.periodSeconds',
    'overrides.liveness.timeoutSeconds',
    'overrides.readiness.failureThreshold',
    'overrides.readiness.periodSeconds',
    'overrides.readiness.timeoutSeconds',
    'traffic.propagationSeconds',
  ],
  distinctProbes: ['health.liveness', 'health.readiness'],
  readinessTimeout: ['overrides.readiness.timeoutSeconds', 'overrides.readiness.periodSeconds', 'probeLatencyMs'],
  preStopCoversPropagation: ['overrides.preStopSeconds', 'traffic.propagationSeconds'],
  graceCoversShutdown: ['overrides.terminationGracePeriodSeconds', 'overrides.preStopSeconds', 'drainSeconds'],
  probeGrace: [
    'overrides.liveness.terminationGracePeriodSeconds',
    'overrides.startup.terminationGracePeriodSeconds',
    'overrides.terminationGracePeriodSeconds',
  ],
  surgeWhenNoUnavailable: ['overrides.maxSurge', 'overrides.maxUnavailable'],
  progressDeadline: ['overrides.progressDeadlineSeconds', 'overrides.minReadySeconds', 'startup.maxSeconds'],
  pdbAllowsDisruption: ['replicas'],
  graceLimit: ['overrides.terminationGracePeriodSeconds', 'drainSeconds'],
};

function valueAtPath(spec: EffectiveSpec, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], spec);
}

function invariantProblem(spec: EffectiveSpec, result: InvariantResult): Problem {
  const fields =
    result.probe === undefined
      ? INVARIANT_FIELDS[result.id]
      : [`overrides.${result.probe}.timeoutSeconds`, `overrides.${result.probe}.periodSeconds`, 'probeLatencyMs'];
  const path = fields.find((field) => valueAtPath(spec, field) !== undefined) ?? fields[fields.length - 1]!;
  const escape = isAcknowledgeable(result.id)
    ? `; if this is deliberate, add acknowledge.${result.id}: "<reason>"`
    : ' (this invariant cannot be acknowledged)';
  return {
    path,
    value: valueAtPath(spec, path),
    rule: `invariant ${result.number} (${result.id}): ${result.statement} Here: ${result.detail}`,
    fix: `${result.fix}${escape}`,
  };
}
