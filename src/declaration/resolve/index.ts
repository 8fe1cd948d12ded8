import { checkInvariants, type InvariantResult } from '../../invariants/check';
import { KINDS, runsToCompletion, servesTraffic } from '../../kinds/table';
import { RULES, ruleOfInvariant } from '../../rules/catalogue';
import { NATIVE_SIDECAR_MINOR } from '../../timing/containers';
import { deriveTimings } from '../../timing/derive';
import type { Derivation, Explanation, TimingInput, Timings } from '../../timing/types';
import { DeclarationError, type Problem } from '../errors';
import type { AcknowledgementId } from '../ids';
import { isKnownDistroless } from '../image';
import type { ResolvedProbe } from '../probes';
import { issueProblems } from '../schema-problems';
import { applyPreset, type EffectiveSpec, type PresetEffect } from '../presets';
import { workloadSchema } from '../schema';
import { textProblems } from '../text';
import { declaredTimesOf } from '../../invariants/declared-times';
import type { EnvEntry, FilesSource } from '../workload-spec';
import { resolveEnv } from './env';
import { withAcknowledgementAliases } from './acknowledgement-aliases';
import { ephemeralStorageFactsOf, factsOf, invariantProblem, isAcknowledgeable } from './invariant-problems';
import { checkPod } from './pod';
import { checkControllerOverrides, checkKindFields } from './kind-fields';
import { checkDaemonSet, daemonSetInput } from './daemon-set';
import { checkSecurityContext, securityNotes } from './security-context';
import { checkTimes } from './run';
import { resolveSchedule } from './schedule';
import { resolveProbes } from './probes';
import { checkKeep } from './keep';
import { checkMetricsPort, checkServicePorts, resolveServingPort, type ServingPort } from './ports';
import { checkRelations } from './relations';
import { resolveReplicas } from './replicas';
import { checkDangers } from './dangers';
import type { Resolution } from './resolution';
import { type ResolvedInitContainer, type ResolvedSidecar, resolveContainers } from './containers';
import { type ResolvedResources, resolveResources } from './resources';
import { type ResolvedLoadBalancer, resolveRoutes, routeNotes } from './routes';
import { targetGroupProblem } from './target-group';
import { checkScheduling } from './scheduling';
import { resolveVolumes } from './volumes';
import { checkStatefulSet, statefulSetInput, statefulSetNotes } from './stateful-set';

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
  /** The port the workload serves on, when it has one: its name, protocol and Service port. */
  readonly servingPort?: ServingPort;
  readonly resources: ResolvedResources;
  /** In their order: each runs to completion before the application starts. */
  readonly initContainers: readonly ResolvedInitContainer[];
  /** In their order: native from Kubernetes 1.29, else ordinary containers (`timings.containers.sidecarMode`). */
  readonly sidecars: readonly ResolvedSidecar[];
  /** The load balancer whose target group the declaration configures (an aws-alb Ingress, an aws-nlb Service). */
  readonly loadBalancer?: ResolvedLoadBalancer;
  /** The main container's environment variables, in the order Kubernetes sets them. */
  readonly env: readonly EnvEntry[];
  /** The files of every container by key, each once: the pod's volumes files-<key>. */
  readonly podFiles: Readonly<Record<string, FilesSource>>;
  /** The generated ConfigMap of the inline config files, when there are any. */
  readonly configMap?: { readonly name: string; readonly data: Readonly<Record<string, string>> };
  /** Acknowledgements that excuse nothing before patching: a patch must need each (src/patches/). */
  readonly unusedAcknowledgements: readonly AcknowledgementId[];
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
  // Text neither face can carry alike comes first, in every field (src/declaration/text.ts).
  const text = textProblems(declaration);
  if (text.length > 0) throw new DeclarationError(subject, text);
  const parsed = workloadSchema.safeParse(declaration);
  if (!parsed.success) {
    // The messages quote each offending value: parse again, keeping the inputs (the valid case,
    // by far the most frequent, does not pay for collecting them).
    const { error } = workloadSchema.safeParse(declaration, { reportInput: true });
    throw new DeclarationError(
      subject,
      (error ?? parsed.error).issues.flatMap((issue) => issueProblems(issue, declaration)),
    );
  }
  const aliased = withAcknowledgementAliases(parsed.data);
  const { spec, effect: preset, problems: presetProblems = [] } = applyPreset(aliased.spec);
  const problems: Problem[] = [...aliased.problems, ...presetProblems];
  const used = new Set<AcknowledgementId>();
  const acknowledged = (id: AcknowledgementId) => {
    if (spec.acknowledge[id] === undefined) return false;
    used.add(id);
    return true;
  };

  const resolution: Resolution = { problems, acknowledged };
  const distroless = spec.distroless ?? isKnownDistroless(spec.image);
  checkKindFields(spec, resolution);
  checkTimes(spec, resolution);
  const schedule = resolveSchedule(spec, resolution);
  checkControllerOverrides(spec, resolution);
  const probes = resolveProbes(spec, resolution);
  const replicas = resolveReplicas(spec, resolution);
  const resources = resolveResources(spec.resources, 'resources', resolution);
  checkRelations(spec, distroless, problems);
  const loadBalancer = resolveRoutes(spec, probes, resolution);
  const env = resolveEnv(spec, 'env', problems);
  const instance = spec.instance ?? spec.name;
  const configMap = resolveVolumes(spec, instance, problems);
  const servingPort = resolveServingPort(spec, probes.readiness, problems);
  checkMetricsPort(spec, servingPort, problems);
  checkServicePorts(spec, servingPort, problems);
  checkKeep(spec, instance, servingPort, problems);
  const { initContainers, sidecars, files: podFiles } = resolveContainers(spec, resources, resolution, servingPort);
  checkPod(spec, resolution);
  checkScheduling(spec, problems);
  checkStatefulSet(spec, replicas, resolution);
  checkDaemonSet(spec, resolution);
  checkSecurityContext(spec, resolution);
  checkDangers(spec, resolution);
  if (problems.length > 0) throw new DeclarationError(subject, problems);

  const timingInput: TimingInput = {
    kind: spec.kind,
    controller: KINDS[spec.kind].controller,
    servesTraffic: servesTraffic(spec.kind, spec.port),
    ...(spec.kind === 'stateful' ? { statefulSet: statefulSetInput(spec, replicas) } : {}),
    ...(spec.kind === 'daemon' ? { daemonSet: daemonSetInput(spec) } : {}),
    startupMaxSeconds: spec.startup?.maxSeconds,
    startupTypicalSeconds: spec.startup?.typicalSeconds,
    run: spec.run,
    schedule,
    drainSeconds: spec.drainSeconds,
    platform: spec.traffic.platform,
    propagationSeconds: spec.traffic.propagationSeconds,
    probeLatencyMs: spec.probeLatencyMs,
    kubernetesVersion: spec.kubernetesVersion,
    preStopType: spec.preStop.type,
    probes: { readiness: probes.readiness !== undefined, liveness: probes.liveness !== undefined, startup: probes.startup !== undefined },
    loadBalancer: loadBalancer?.kind,
    overrides: spec.overrides,
    initContainers: initContainers.map(({ name, maxSeconds }) => ({ name, maxSeconds })),
    sidecars: sidecars.map(({ name, startSeconds, probes: sidecarProbes, stopSeconds }) => ({
      name,
      startSeconds,
      readiness: sidecarProbes.readiness !== undefined,
      liveness: sidecarProbes.liveness !== undefined,
      stopSeconds,
    })),
    mesh: spec.mesh,
  };
  // Synthesis reads only the numbers: the explanations are derived again, identically, when asked for.
  const { timings } = deriveTimings(timingInput, { explain: false });
  let explanations: readonly Explanation[] | undefined;
  let invariants: readonly InvariantResult[] | undefined;
  let notes: readonly string[] | undefined;
  // Read now: the caller's declaration may change after it has been resolved.
  const versionDeclared = (declaration as { kubernetesVersion?: unknown }).kubernetesVersion !== undefined;
  // Only the invariants of the kind's controller: a StatefulSet has no surge and no progress deadline, a Job no rollout at all.
  const controller = KINDS[spec.kind].controller;
  const checkControllerInvariants = () =>
    checkInvariants(
      factsOf(timings, probes, replicas, loadBalancer, ephemeralStorageFactsOf(spec, [{ name: spec.name, resources }, ...sidecars])),
      declaredTimesOf(timings),
    ).filter(({ id }) => (RULES[ruleOfInvariant(id)].kinds as readonly string[]).includes(controller));
  for (const result of checkControllerInvariants()) {
    if (result.status !== 'violated') continue;
    if (isAcknowledgeable(result.id) && acknowledged(result.id)) continue;
    problems.push(invariantProblem(spec, result, timings));
  }
  const targetGroup = targetGroupProblem(spec, timings);
  if (targetGroup) problems.push(targetGroup);

  // Sorted, so that the report does not depend on the order the keys were written in.
  // With patches, an acknowledgement may excuse what a patch does: the patch stage (src/patches/) decides.
  const patched = Object.keys(spec.patches).length > 0;
  const unusedAcknowledgements: AcknowledgementId[] = [];
  for (const id of (Object.keys(spec.acknowledge) as AcknowledgementId[]).sort()) {
    if (!used.has(id) && patched) unusedAcknowledgements.push(id);
    else if (!used.has(id)) {
      const key = aliased.writtenAs[id] ?? id;
      problems.push({
        path: `acknowledge.${key}`,
        value: spec.acknowledge[id],
        rule: 'an acknowledgement must excuse something this declaration does; this one excuses nothing',
        fix: `remove acknowledge.${key}, so that the recorded reasons stay true`,
      });
    }
  }
  if (problems.length > 0) throw new DeclarationError(subject, problems);

  return {
    get explanations() {
      explanations ??= deriveTimings(timingInput).explanations;
      return explanations;
    },
    timings,
    spec,
    preset,
    instance,
    distroless,
    probes,
    replicas,
    servingPort,
    resources,
    initContainers,
    sidecars,
    podFiles,
    loadBalancer,
    env,
    configMap,
    unusedAcknowledgements,
    acknowledgements: (Object.keys(spec.acknowledge) as AcknowledgementId[]).sort().map((id) => ({ id, reason: spec.acknowledge[id]! })),
    // Like the explanations: worked out again when asked for, rather than held for every workload.
    get invariants() {
      invariants ??= checkControllerInvariants();
      return invariants;
    },
    get notes() {
      notes ??= [...aliased.notes, ...notesOn(versionDeclared, timings, spec)];
      return notes;
    },
  };
}

function notesOn(versionDeclared: boolean, timings: Timings, spec: EffectiveSpec): string[] {
  const notes: string[] = [];
  const { sidecarMode, sidecars, initContainers } = timings.containers;
  if (!versionDeclared && timings.preStop.mechanism === 'exec') {
    notes.push(
      `kubernetesVersion is not declared, so 1.28 is assumed and the preStop delay runs "sleep ${timings.preStop.seconds}" inside the container. ` +
        'In an image without a sleep binary that hook fails silently and Kubernetes sends SIGTERM at once. ' +
        'Declare kubernetesVersion: from "1.30" on the sleep action needs no binary; or set distroless: true to be offered the alternatives.',
    );
  }
  if (sidecarMode === 'ordinary') {
    notes.push(
      `On Kubernetes ${spec.kubernetesVersion} the sidecars (${sidecars.map(({ name }) => name).join(', ')}) are ordinary containers: Kubernetes starts them together with the application, ` +
        'so the start order cannot be guaranteed and the application must retry what it does through them until they are up. ' +
        `From kubernetesVersion "1.${NATIVE_SIDECAR_MINOR}" they run as native sidecars, which start before the application and stop after it.`,
    );
    if (initContainers.length > 0) {
      notes.push(
        `The init containers (${initContainers.map(({ name }) => name).join(', ')}) run before the ordinary sidecars start, so they cannot use them (a migration cannot reach the database through a proxy sidecar) before Kubernetes 1.${NATIVE_SIDECAR_MINOR}.`,
      );
    }
  }
  if (spec.mesh !== undefined && initContainers.length > 0) {
    notes.push(
      `Init containers (${initContainers.map(({ name }) => name).join(', ')}) run before the ${spec.mesh} proxy when the mesh injects it as an ordinary container: ` +
        'if the mesh redirects their traffic through the proxy, they cannot reach the network. Run the mesh with native sidecars, or exclude their traffic from redirection.',
    );
  }
  notes.push(...routeNotes(spec, timings));
  notes.push(...statefulSetNotes(timings));
  notes.push(...securityNotes(spec));
  notes.push(
    ...runOnceNotes(
      spec,
      initContainers.map(({ name }) => name),
    ),
  );
  return notes;
}

/**
 * Init containers of a workload with more than one pod run in every pod: a migration there runs
 * once per new pod, several at once in a surge or a scale-up (README, "Migrations that run once").
 */
function runOnceNotes(spec: EffectiveSpec, initContainers: readonly string[]): string[] {
  if (initContainers.length === 0 || runsToCompletion(spec.kind)) return [];
  const pods =
    spec.kind === 'daemon'
      ? 'one pod on every node'
      : spec.autoscaling !== undefined
        ? `${spec.autoscaling.minReplicas ?? 2} to ${spec.autoscaling.maxReplicas} pods`
        : spec.replicas !== undefined && spec.replicas < 2
          ? undefined
          : `${spec.replicas ?? 2} pods`;
  if (pods === undefined) return [];
  return [
    `The init containers (${initContainers.join(', ')}) run in every new pod of this ${spec.kind} workload (${pods}): each rollout, scale-up and rescheduled pod runs them again, several at once. ` +
      'Work that must run once per release, such as a database migration, belongs elsewhere: a kind job run before the rollout (in the Helm face with the annotation "helm.sh/hook": pre-install,pre-upgrade; ' +
      'with Argo CD in an earlier sync wave, argocd.argoproj.io/sync-wave), or a migration tool that takes a lock so that concurrent runs wait (README, "Migrations that run once").',
  ];
}

function subjectOf(declaration: unknown): string {
  const name = (declaration as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? `"${name}"` : '(unnamed)';
}
