import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';
import type { AdoptedWorkload, FieldChange, KubernetesObject, ObjectReview } from '../types';
import { comparable, pairObjects } from './index';

/**
 * The three faces of a review: text for people (one block per object, one line per change, in
 * the review's order), JSON for tools, and a unified diff of the YAML.
 */

/** A workload brought over, with the review of what its declaration synthesizes. */
export interface ReviewedWorkload {
  readonly adopted: AdoptedWorkload;
  /** The file the declaration was written to, when `-o` was given. */
  readonly file?: string;
  readonly review: readonly ObjectReview[];
}

const LONGEST_VALUE = 72;

function value(value: unknown): string {
  if (value === undefined) return 'absent';
  const text = typeof value === 'string' ? (value === '' ? '""' : value) : JSON.stringify(value);
  const line = text.replace(/\n/g, '\\n');
  return line.length > LONGEST_VALUE ? `${line.slice(0, LONGEST_VALUE - 1)}…` : line;
}

/** `absent`, or `absent (30)` when Kubernetes fills in 30 for it: what the cluster does today. */
function side(change: FieldChange, which: 'before' | 'after'): string {
  if (change[which] !== undefined) return value(change[which]);
  return change.kubernetesDefault === undefined ? 'absent' : `absent (${value(change.kubernetesDefault)})`;
}

export function changeText(change: FieldChange): string {
  const why = change.rule === undefined ? change.reason : `${change.rule}: ${change.reason}`;
  return `${change.path} ${side(change, 'before')} → ${side(change, 'after')} (${why})`;
}

export function reviewText(reviews: readonly ObjectReview[]): string {
  return reviews
    .map((review) =>
      [
        `${review.object}: ${review.status}`,
        ...(review.kept.length > 0 ? [`  kept: ${review.kept.join(', ')}`] : []),
        ...review.notKept.map(({ what, why }) => `  not kept: ${what}: ${why}`),
        ...review.changes.map((change) => `  ${changeText(change)}`),
      ].join('\n'),
    )
    .join('\n\n');
}

/** Everything one run says, for people: per workload, the inferences to confirm, what was dropped, the ambiguities, the review. */
export function adoptionText(workloads: readonly ReviewedWorkload[]): string {
  return `${workloads
    .map(({ adopted, file, review }) => {
      const confirm = adopted.inferences.filter((inference) => inference.confirm);
      const sections = [`${adopted.workload}${file === undefined ? '' : ` → ${file}`}`];
      if (adopted.inferences.length > 0) {
        sections.push(
          [
            'Inferred',
            ...adopted.inferences.map(
              ({ field, value: inferred, source, confirm: unsure }) =>
                `  ${field} = ${value(inferred)}${unsure ? ' CONFIRM' : ''} (${source})`,
            ),
          ].join('\n'),
        );
      }
      if (adopted.dropped.length > 0) {
        sections.push(
          [
            'Dropped',
            ...adopted.dropped.map(({ object, path, reason }) => `  ${[object, path].filter(Boolean).join(' ')}: ${reason}`),
          ].join('\n'),
        );
      }
      if (adopted.ambiguities.length > 0) {
        sections.push(
          [
            'Ambiguous',
            ...adopted.ambiguities.map(({ object, message, resolve }) => `  ${object}: ${message} (resolve with ${resolve})`),
          ].join('\n'),
        );
      }
      sections.push(
        [
          'Review',
          ...reviewText(review)
            .split('\n')
            .map((line) => (line === '' ? '' : `  ${line}`)),
        ].join('\n'),
      );
      if (confirm.length > 0) {
        sections.push(`${confirm.length} value(s) to confirm: ${confirm.map(({ field }) => field).join(', ')}`);
      }
      return sections.join('\n\n');
    })
    .join('\n\n')}\n`;
}

/** The machine-readable report: per workload, its inferences, dropped fields, ambiguities and the review. */
export function adoptionJson(workloads: readonly ReviewedWorkload[]): string {
  return `${JSON.stringify(
    {
      workloads: workloads.map(({ adopted, file, review }) => ({
        workload: adopted.workload,
        file,
        inferences: adopted.inferences,
        dropped: adopted.dropped,
        ambiguities: adopted.ambiguities,
        review,
      })),
    },
    null,
    2,
  )}\n`;
}

/** Both sides written the same way (sorted keys, no server fields), so that the diff shows only real changes. */
function yamlOf(object: KubernetesObject | undefined, withNamespace: boolean): string {
  return object === undefined ? '' : stringify(comparable(object, withNamespace), { sortMapEntries: true, lineWidth: 0 });
}

/** A unified diff of each object's YAML, current (a/) against synthesized (b/), objects paired as the review pairs them. */
export function adoptionDiff(input: readonly KubernetesObject[], output: readonly KubernetesObject[]): string {
  return pairObjects(input, output)
    .map(({ input: before, output: after }) => {
      const withNamespace = after?.metadata?.namespace !== undefined;
      const name = `${(before ?? after)!.kind}/${(before ?? after)!.metadata?.name ?? ''}`;
      const old = yamlOf(before, withNamespace);
      const now = yamlOf(after, withNamespace);
      if (old === now) return '';
      const patch = createTwoFilesPatch(
        before ? `a/${name}.yaml` : '/dev/null',
        after ? `b/${name}.yaml` : '/dev/null',
        old,
        now,
        undefined,
        undefined,
        { context: 3 },
      );
      // The first line ("Index: ..." or "=====") of jsdiff's patch is not part of the unified format git reads.
      return patch.replace(/^=+\n/m, '');
    })
    .filter((patch) => patch !== '')
    .join('');
}
