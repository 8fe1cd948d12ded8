import { DECLARED_ANNOTATION } from '../annotations';
import type { ContainerTimes, DeclaredTimes } from '../invariants/facts';
import { dictionary, type Node } from './objects';

/** The annotation's timing inputs that no invariant compares against: `adopt` reads them back. */
export interface AdoptedInputs {
  readonly startupTypicalSeconds?: number;
  readonly probeLatencyMs?: number;
}

/**
 * Our `declared` annotation: `key=number` pairs, the workload's own (`drainSeconds=30`) and those
 * of its other containers, prefixed with the container's name (`migrate.maxSeconds=300`,
 * `cloud-sql-proxy.stopSeconds=10`). Container names are DNS labels, so the dot is unambiguous.
 * An annotation written before `startupTypicalSeconds` and `probeLatencyMs` were added reads the same, without them.
 */
export function parseDeclaredTimes(annotation: string | undefined): DeclaredTimes & AdoptedInputs & { preStopSeconds?: number } {
  // Keyed by names from the input: maps without a prototype (objects.ts, dictionary).
  const times = dictionary<number>();
  const containers = dictionary<Record<string, number>>();
  for (const [, container, key, value] of (annotation ?? '').matchAll(/(?:^|\s)(?:([a-z0-9][-a-z0-9]*)\.)?(\w+)=(\d+)/g)) {
    if (container !== undefined) (containers[container] ??= dictionary())[key!] = Number(value);
    else times[key!] = Number(value);
  }
  if (Object.keys(containers).length > 0) Object.assign(times, { containers: containers as Record<string, ContainerTimes> });
  return times;
}

/**
 * The declared times written on the workload (our `declared` annotation) that the invariants
 * compare against: without the hidden preStop delay and the inputs only `adopt` reads.
 */
export function annotatedTimes(workload: { readonly source: { readonly object: Node } }): DeclaredTimes {
  const {
    preStopSeconds: _hidden,
    startupTypicalSeconds: _typical,
    probeLatencyMs: _latency,
    ...times
  } = parseDeclaredTimes(workload.source.object.metadata?.annotations?.[DECLARED_ANNOTATION]);
  return times;
}
