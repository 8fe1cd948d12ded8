/**
 * Names of the invariants (docs/derivation.md) and of the other decisions a declaration can acknowledge.
 *
 * They live apart from both the schema and the checks because both refer to them: the schema lists
 * the keys `acknowledge` accepts, the checks report violations under these names.
 */

/** The invariants of docs/derivation.md, in its order. */
export const INVARIANT_IDS = [
  'startupWindow',
  'probeSuccessThreshold',
  'livenessAfterReadiness',
  'distinctProbes',
  'readinessTimeout',
  'preStopCoversPropagation',
  'graceCoversShutdown',
  'probeGrace',
  'surgeWhenNoUnavailable',
  'progressDeadline',
  'pdbAllowsDisruption',
  'graceLimit',
  'sidecarsOutliveDrain',
  'deregistrationDelay',
  'loadBalancerHealthCheck',
  'deadlineCoversAttempts',
  'runFitsSchedule',
  'attemptFitsDeadline',
  'ephemeralStorageCoversFolders',
] as const;
export type InvariantId = (typeof INVARIANT_IDS)[number];

/**
 * Invariants that an explicit override may break when the declaration gives a written reason.
 * The others are Kubernetes API rules or would make the workload unsafe in every case.
 */
export const ACKNOWLEDGEABLE_INVARIANTS = [
  'startupWindow',
  'livenessAfterReadiness',
  'readinessTimeout',
  'preStopCoversPropagation',
  'graceCoversShutdown',
  'progressDeadline',
  'graceLimit',
  // Like graceCoversShutdown: only a grace override can break it, and a platform that caps the
  // grace period may knowingly cut a sidecar's last flush short.
  'sidecarsOutliveDrain',
  'deregistrationDelay',
  'loadBalancerHealthCheck',
  // A Job whose deadline is deliberately one attempt long (a retry would come too late to matter).
  'deadlineCoversAttempts',
  // A run that may, now and then, delay or stop the next one (Forbid skips it, Replace stops the late run).
  'runFitsSchedule',
  // A Job's deadline deliberately shorter than all its attempts (the later retries may be cut off).
  'attemptFitsDeadline',
  // Folders that never fill together: their size limits are caps, not what they hold.
  'ephemeralStorageCoversFolders',
] as const satisfies readonly InvariantId[];

/** Hardening defaults that may be waived, each only with a written reason. */
export const WAIVER_IDS = [
  'singleReplica',
  'noLiveness',
  'noCpuLimit',
  // A memory limit above the request (resources.memoryLimit), which check's rule memoryLimit reports.
  'memoryLimit',
  'automountServiceAccountToken',
  // stateful: a claim retention policy that deletes the volumes.
  'deleteVolumeClaims',
  // daemon: host paths, which the restricted Pod Security Standard's control "Volume Types" forbids.
  'volumeTypes',
  // daemon: root (runAsUser 0), which the restricted standard's "Running as Non-root" forbids.
  'runAsNonRoot',
  // daemon: capabilities beyond NET_BIND_SERVICE (the restricted standard's "Capabilities").
  'capabilities',
  // Each a danger of its own (src/declaration/dangers.ts), so that one reason cannot cover another:
  // a toleration of every taint (control-plane nodes too);
  'tolerateEveryTaint',
  // ingress-nginx snippet annotations (raw nginx configuration in the shared controller);
  'ingressSnippets',
  // a scratch folder at or under /proc, /dev or /sys;
  'kernelFolderMount',
  // daemon: a container-runtime socket, or a folder holding one, as a host path (node takeover), besides volumeTypes;
  'runtimeSocket',
  // daemon: a writable host path (the node's files), besides volumeTypes.
  'writableHostPath',
] as const;

export const ACKNOWLEDGEMENT_IDS = [...ACKNOWLEDGEABLE_INVARIANTS, ...WAIVER_IDS] as const;
export type AcknowledgementId = (typeof ACKNOWLEDGEMENT_IDS)[number];

/**
 * The `check` rules an acknowledgement also answers for, each written as its own line of the
 * acknowledged annotation: root (runAsNonRoot) is also user 0, which the restricted standard's
 * "Running as Non-root user" control (`runAsUser`) reports on its own.
 */
export const ACKNOWLEDGEMENT_ALSO_COVERS: Partial<Record<AcknowledgementId, readonly string[]>> = { runAsNonRoot: ['runAsUser'] };

/**
 * Acknowledgement keys renamed with the `check` rules they answer for (RENAMED_RULES in
 * src/rules/catalogue.ts), new key → old key. A declaration may write either (upgrade safety: one
 * that worked keeps working); the old key gets a note naming the new one, and both at once are
 * refused. Inside, and in the acknowledged annotation, the old id stays: `check` reads both, and
 * output already deployed does not change.
 */
export const ACKNOWLEDGEMENT_ALIASES = { cpuLimit: 'noCpuLimit', probeTimeout: 'readinessTimeout' } as const satisfies Record<
  string,
  AcknowledgementId
>;
export type AcknowledgementAlias = keyof typeof ACKNOWLEDGEMENT_ALIASES;

/** Every key `acknowledge` accepts: the ids and their new names. */
export const ACKNOWLEDGEMENT_KEYS = [...ACKNOWLEDGEMENT_IDS, ...(Object.keys(ACKNOWLEDGEMENT_ALIASES) as AcknowledgementAlias[])] as const;

/** The key a declaration should write for an acknowledgement: its new name, when it was renamed. */
export function acknowledgementKey(id: AcknowledgementId): string {
  const renamed = Object.entries(ACKNOWLEDGEMENT_ALIASES).find(([, old]) => old === id);
  return renamed ? renamed[0] : id;
}
