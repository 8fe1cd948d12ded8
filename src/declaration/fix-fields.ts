const PROBE_NAMES = ['readiness', 'liveness', 'startup'] as const;

/**
 * The invariant checks are shared with `check`, which reads anyone's manifests and rightly names
 * Kubernetes fields in its fixes ("raise terminationGracePeriodSeconds to at least 45"). A
 * declaration has none of those fields: each phrase below is the check's wording of a Kubernetes
 * field, and its replacement the declaration field that sets it, so that a declaration's fix names
 * only fields its author can set, with the number the check computed. Applied, in this order, to
 * the fix of every invariant a declaration violates, by both faces (templates/_generated.tpl
 * carries this table to templates/_invariants.tpl).
 */
export const FIX_FIELDS: ReadonlyArray<readonly [phrase: string, declared: string]> = [
  ['raise the startup failureThreshold', 'raise overrides.startup.failureThreshold'],
  ['raise the liveness failureThreshold', 'raise overrides.liveness.failureThreshold'],
  ['raise the liveness timeoutSeconds', 'raise overrides.liveness.timeoutSeconds'],
  ...PROBE_NAMES.flatMap((probe) => [
    [`set the ${probe} timeoutSeconds`, `set overrides.${probe}.timeoutSeconds`] as const,
    [`set the ${probe} periodSeconds`, `set overrides.${probe}.periodSeconds`] as const,
  ]),
  // "delay SIGTERM by at least N s in a/the preStop hook": the delay is overrides.preStopSeconds.
  ['delay SIGTERM by at least ', 'raise overrides.preStopSeconds to at least '],
  [' s in a preStop hook', ''],
  [' s in the preStop hook', ''],
  ['raise terminationGracePeriodSeconds', 'raise overrides.terminationGracePeriodSeconds'],
  [
    'lower terminationGracePeriodSeconds to 600 s or less (overrides.terminationGracePeriodSeconds, or a shorter drain)',
    'lower overrides.terminationGracePeriodSeconds to at most 600 (or shorten drainSeconds)',
  ],
  [
    'lower the probe terminationGracePeriodSeconds',
    'lower overrides.liveness.terminationGracePeriodSeconds and overrides.startup.terminationGracePeriodSeconds',
  ],
  ['set maxSurge to at least 1', 'set overrides.maxSurge to at least 1'],
  ['raise progressDeadlineSeconds', 'raise overrides.progressDeadlineSeconds'],
  ['set the deregistration delay', 'set overrides.loadBalancer.deregistrationDelaySeconds'],
  ['raise the health check timeout', 'raise overrides.loadBalancer.healthCheckTimeoutSeconds'],
  ['raise the unhealthy threshold', 'raise overrides.loadBalancer.unhealthyThresholdCount'],
  ['lower the unhealthy threshold', 'lower overrides.loadBalancer.unhealthyThresholdCount'],
  ['raise the health check interval', 'raise overrides.loadBalancer.healthCheckIntervalSeconds'],
  ['lower the health check interval', 'lower overrides.loadBalancer.healthCheckIntervalSeconds'],
  ['raise the ephemeral-storage limit above', 'raise resources.ephemeralStorage.limit above'],
  [
    "or lower the emptyDirs' sizeLimits (or keep folders in memory)",
    'or lower tmp.sizeLimit and scratch.<name>.sizeLimit (or set their medium: memory)',
  ],
];

/** A check's fix in the declaration's own fields (FIX_FIELDS). */
export function inDeclarationFields(fix: string): string {
  return FIX_FIELDS.reduce((text, [phrase, declared]) => text.split(phrase).join(declared), fix);
}
