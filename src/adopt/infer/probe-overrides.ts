import { resolveWorkload } from '../../declaration/resolve';
import type { WorkloadSpec } from '../../declaration/workload-spec';
import type { ContainerAt } from './container';
import type { FieldKeys, Ledger } from './ledger';
import type { Node } from '../../manifests/objects';
import { TIMINGS_ANNOTATION } from '../../annotations';
import { summaryNumber } from './own-output';

const PROBES = ['readiness', 'liveness', 'startup'] as const;
/** The probe timings overrides.<probe> may replace (src/declaration/schema/overrides.ts); a readiness probe has no grace of its own. */
const FIELDS = {
  readiness: ['periodSeconds', 'timeoutSeconds', 'failureThreshold'],
  liveness: ['periodSeconds', 'timeoutSeconds', 'failureThreshold', 'terminationGracePeriodSeconds'],
  startup: ['periodSeconds', 'timeoutSeconds', 'failureThreshold', 'terminationGracePeriodSeconds'],
} as const;

/**
 * overrides.*: in our own output (the timings annotation says so), a probe timing, the grace
 * period, the preStop delay or a rollout figure that is not what the inferred declaration derives
 * was overridden, so it is read back as an override.
 * The derivation is asked again after each round, as an overridden period changes the failure
 * threshold derived from it; anyone's manifests get the timings derived anew instead.
 */
export function inferProbeOverrides(ledger: Ledger, at: ContainerAt, object: Node, pod: Node, podSpecPath: string): void {
  for (let round = 0; round < PROBES.length + 1; round += 1) {
    let derived;
    try {
      derived = resolveWorkload(structuredClone(ledger.declaration) as unknown as WorkloadSpec).timings;
    } catch {
      return; // a declaration that does not resolve yet: the review shows the differences
    }
    let changed = false;
    const rollout = derived.rollout as unknown as Record<string, unknown>;
    const strategy = object.spec?.strategy?.rollingUpdate ?? object.spec?.updateStrategy?.rollingUpdate;
    const preStop = summaryNumber(object, 'shutdown', /^shutdown: preStop (\d+)s/);
    const others: Array<[FieldKeys, unknown, unknown, string]> = [
      [
        ['overrides', 'terminationGracePeriodSeconds'],
        pod.terminationGracePeriodSeconds,
        derived.terminationGracePeriodSeconds,
        `${podSpecPath}.terminationGracePeriodSeconds`,
      ],
      [
        ['overrides', 'preStopSeconds'],
        preStop,
        derived.preStop.seconds,
        `the preStop of the ${TIMINGS_ANNOTATION} annotation's shutdown line`,
      ],
      ...(['minReadySeconds', 'progressDeadlineSeconds'] as const).map((field): [FieldKeys, unknown, unknown, string] => [
        ['overrides', field],
        object.spec?.[field],
        rollout[field],
        `spec.${field}`,
      ]),
      ...(['maxSurge', 'maxUnavailable'] as const).map((field): [FieldKeys, unknown, unknown, string] => [
        ['overrides', field],
        strategy?.[field],
        rollout[field],
        `the rolling update's ${field}`,
      ]),
    ];
    for (const [keys, value, expected, source] of others) {
      if (value === undefined || expected === undefined || value === expected || ledger.has(keys)) continue;
      ledger.set(keys, value, `${source} ${String(value)}, not the ${String(expected)} the declaration derives: an override`);
      changed = true;
    }
    for (const probe of PROBES) {
      const written = at.container[`${probe}Probe`] as Record<string, unknown> | undefined;
      if (written === undefined) continue;
      for (const field of FIELDS[probe]) {
        const value = written[field];
        const expected = (derived[probe] as unknown as Record<string, unknown>)[field];
        if (typeof value !== 'number' || value === expected || ledger.has(['overrides', probe, field])) continue;
        ledger.set(
          ['overrides', probe, field],
          value,
          `${at.path}.${probe}Probe.${field} ${value}, not the ${String(expected)} the declaration derives: an override`,
        );
        changed = true;
      }
    }
    if (!changed) return;
  }
}
