import type { Problem } from '../errors';
import { ACKNOWLEDGEMENT_ALIASES, type AcknowledgementId } from '../ids';
import type { ParsedSpec } from '../schema';

/** A declaration with each renamed acknowledgement key read as the id inside, and what was written how. */
export interface AliasedAcknowledgements {
  readonly spec: ParsedSpec;
  /** The new key an id was written under (its problems are reported at that key). */
  readonly writtenAs: Partial<Record<AcknowledgementId, string>>;
  /** For each old key written: the note naming its new key. */
  readonly notes: readonly string[];
  /** Both keys of one pair: the same acknowledgement twice. */
  readonly problems: readonly Problem[];
}

/**
 * Reads `acknowledge.cpuLimit` and `acknowledge.probeTimeout` (the names of the check rules) as
 * the ids inside, noCpuLimit and readinessTimeout (ACKNOWLEDGEMENT_ALIASES), which a declaration
 * may still write. Mirrored by the alias block of `hw.spec` (templates/_spec.tpl).
 */
export function withAcknowledgementAliases(spec: ParsedSpec): AliasedAcknowledgements {
  const acknowledge: Record<string, string | undefined> = { ...spec.acknowledge };
  const writtenAs: Partial<Record<AcknowledgementId, string>> = {};
  const notes: string[] = [];
  const problems: Problem[] = [];
  for (const [key, id] of Object.entries(ACKNOWLEDGEMENT_ALIASES).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const reason = acknowledge[key];
    if (acknowledge[id] !== undefined)
      notes.push(
        `acknowledge.${id} is now called acknowledge.${key}, after the check rule it answers for; the old key still works, but write ${key}`,
      );
    if (reason === undefined) continue;
    delete acknowledge[key];
    if (acknowledge[id] !== undefined) {
      problems.push({
        path: `acknowledge.${key}`,
        value: reason,
        rule: `acknowledges the same departure as acknowledge.${id}, its old name`,
        fix: `keep acknowledge.${key} only`,
      });
      continue;
    }
    acknowledge[id] = reason;
    writtenAs[id] = key;
  }
  if (Object.keys(writtenAs).length === 0 && problems.length === 0) return { spec, writtenAs, notes, problems };
  return { spec: { ...spec, acknowledge: acknowledge as ParsedSpec['acknowledge'] }, writtenAs, notes, problems };
}
