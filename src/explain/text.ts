import { type Patches, patchedFields } from '../patches/apply';
import type { ResolvedWorkload } from '../declaration/resolve';
import type { InvariantResult } from '../invariants/check';
import { type Timeline, timeline } from './timeline';

/**
 * Plain-text renderings for terminals and CI logs: fixed-width columns, no colour, stable output
 * (so that it can be diffed and snapshot-tested).
 */

function table(rows: readonly string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
}

export function timelineText(model: Timeline): string {
  return model.sections
    .map((section) =>
      [
        `${section.title} (t = 0: ${section.origin})`,
        ...table(section.events.map((event) => [`${event.at}s`.padStart(6), event.label])),
        ...section.notes.map((note) => `        ${note}`),
      ].join('\n'),
    )
    .join('\n\n');
}

const STATUS_MARK: Record<InvariantResult['status'], string> = { holds: 'ok', violated: 'VIOLATED', unknown: 'unknown' };

export function invariantsText(results: readonly InvariantResult[]): string {
  return table(results.map((result) => [STATUS_MARK[result.status], `${result.number}`.padStart(2), result.id, result.detail])).join('\n');
}

function inputsText(inputs: Readonly<Record<string, number | string>>): string {
  return Object.entries(inputs)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
}

/** Why every number is what it is: the derivation, the invariants, acknowledgements, patches and the timeline. */
export function explainText(workload: ResolvedWorkload): string {
  const derivation = table([
    ['key', 'value', 'source', 'rule', 'inputs'],
    ...workload.explanations.map((entry) => [entry.key, String(entry.value), entry.source, entry.formula, inputsText(entry.inputs)]),
  ]);
  const sections = [
    `${workload.instance}: ${workload.spec.kind} workload, image ${workload.spec.image}`,
    ['Derivation', ...derivation.map((line) => `  ${line}`)].join('\n'),
    [
      'Invariants',
      ...invariantsText(workload.invariants)
        .split('\n')
        .map((line) => `  ${line}`),
    ].join('\n'),
  ];
  if (workload.preset) {
    sections.push(
      `Preset ${workload.preset.preset} filled in: ${workload.preset.fields.join(', ') || 'nothing (the declaration says it all)'}`,
    );
  }
  if (workload.notes.length > 0) {
    sections.push(['Notes', ...workload.notes.map((note) => `  - ${note}`)].join('\n'));
  }
  if (workload.acknowledgements.length > 0) {
    sections.push(['Acknowledged', ...workload.acknowledgements.map(({ id, reason }) => `  ${id}: ${reason}`)].join('\n'));
  }
  const patched = patchedFields(workload.spec.patches as Patches);
  if (patched.length > 0) {
    // Derived fields are refused in patches (src/patches/table.ts): what is listed here changes no derived number.
    sections.push(
      [
        'Patched (no derived field; checked against the invariants and the restricted standard)',
        ...patched.map((line) => `  ${line}`),
      ].join('\n'),
    );
  }
  sections.push(['Timeline', timelineText(timeline(workload))].join('\n'));
  return `${sections.join('\n\n')}\n`;
}
