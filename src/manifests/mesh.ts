import { parse } from 'yaml';
import type { MeshProxyFacts } from '../invariants/facts';
import {
  ISTIO_DEFAULT_DRAIN_SECONDS,
  ISTIO_INJECT,
  ISTIO_PROXY_CONFIG as ISTIO_CONFIG,
  LINKERD_INJECT,
  LINKERD_WAIT_BEFORE_EXIT as LINKERD_WAIT,
} from '../meshes/annotations';
import type { Node } from './objects';

/**
 * The mesh proxy a pod's annotations ask a webhook to inject, and how long after deletion it keeps
 * serving. Only what the pod itself says is seen: a namespace-wide injection is not.
 */

const DURATION_UNITS: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, µs: 1e-6, ns: 1e-9 };

/** A Go duration ("45s", "1m30s", "500ms") in seconds; undefined when it is not one. */
export function durationSeconds(text: unknown): number | undefined {
  if (typeof text !== 'string' || !/^(\d+(\.\d+)?(h|ms|m|s|us|µs|ns))+$/.test(text)) return undefined;
  return [...text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g)].reduce(
    (sum, [, value, unit]) => sum + Number(value) * DURATION_UNITS[unit!]!,
    0,
  );
}

function istioDrainSeconds(config: string | undefined): number {
  let parsed: unknown;
  try {
    parsed = config === undefined ? undefined : parse(config);
  } catch {
    parsed = undefined;
  }
  const drain = (parsed as { terminationDrainDuration?: unknown } | null | undefined)?.terminationDrainDuration;
  return durationSeconds(drain) ?? ISTIO_DEFAULT_DRAIN_SECONDS;
}

export function meshProxyFacts(metadata: Node): MeshProxyFacts | undefined {
  const annotations: Record<string, string> = metadata.annotations ?? {};
  const labels: Record<string, string> = metadata.labels ?? {};
  if (annotations[ISTIO_CONFIG] !== undefined || labels[ISTIO_INJECT] === 'true' || annotations[ISTIO_INJECT] === 'true') {
    return { mesh: 'istio', drainSeconds: istioDrainSeconds(annotations[ISTIO_CONFIG]) };
  }
  const wait = annotations[LINKERD_WAIT];
  if (wait !== undefined || annotations[LINKERD_INJECT] === 'enabled') {
    return { mesh: 'linkerd', drainSeconds: wait !== undefined && /^\d+$/.test(wait) ? Number(wait) : 0 };
  }
  return undefined;
}
