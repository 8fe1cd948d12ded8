import { ACKNOWLEDGED_ANNOTATION, TIMINGS_ANNOTATION } from '../../annotations';
import { ACKNOWLEDGEMENT_IDS } from '../../declaration/ids';
import type { Node } from '../../manifests/objects';
import { CARRIED_OVER } from './identity';
import type { Ledger } from './ledger';

/**
 * What our own annotations say beyond the declared times, when the input is our output: the
 * acknowledgements with their written reasons (`id: reason` lines), and the times the timings
 * summary shows (a run's typical time, a StatefulSet's maintenance window).
 */
export function ownAcknowledgements(object: Node): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const line of String(object.metadata?.annotations?.[ACKNOWLEDGED_ANNOTATION] ?? '').split('\n')) {
    const match = /^([A-Za-z]+): (.+)$/.exec(line);
    if (match && (ACKNOWLEDGEMENT_IDS as readonly string[]).includes(match[1]!)) reasons.set(match[1]!, match[2]!);
  }
  return reasons;
}

/**
 * The acknowledgements: each one the input writes (ours) with its reason; each departure the
 * inference carried over with "carried over from the existing manifest — review" unless the input
 * gives a reason.
 */
export function inferAcknowledgements(ledger: Ledger, object: Node): void {
  const reasons = ownAcknowledgements(object);
  for (const [id, reason] of reasons) ledger.set(['acknowledge', id], reason, `${id} in the ${ACKNOWLEDGED_ANNOTATION} annotation`);
  const acknowledge = (ledger.get(['acknowledge']) as Record<string, string> | undefined) ?? {};
  for (const [id, reason] of Object.entries(acknowledge)) {
    if (reason === CARRIED_OVER && reasons.has(id))
      ledger.set(['acknowledge', id], reasons.get(id)!, `${id} in the ${ACKNOWLEDGED_ANNOTATION} annotation`);
  }
}

/** A number the timings summary writes, e.g. `typical 900s` in its `run:` line. */
export function summaryNumber(object: Node, line: string, pattern: RegExp): number | undefined {
  const text = String(object.metadata?.annotations?.[TIMINGS_ANNOTATION] ?? '');
  const found = text.split('\n').find((each) => each.startsWith(`${line}:`));
  const match = found === undefined ? null : pattern.exec(found);
  return match ? Number(match[1]) : undefined;
}
