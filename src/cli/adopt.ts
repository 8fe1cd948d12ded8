import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import type { AdoptedWorkload, KubernetesObject } from '../adopt/types';
import { type ReviewedWorkload, adoptionDiff, adoptionJson, adoptionText } from '../adopt/review/format';
import { reviewAdoption } from '../adopt/review';
import { parseDeclarations } from '../files/declarations';
import { InputError, type InputProblem } from '../files/input-error';
import { readInputs } from '../files/inputs';
import { parseSourcedManifests } from '../files/manifests';
import { writeOutputFolder } from '../files/output-folder';
import { resolveWorkload } from '../declaration/resolve';
import type { WorkloadSpec } from '../declaration/schema';
import { synthesizeObjects } from '../synth';
import type { Explanation } from '../timing/types';
import type { Io } from './program';

/**
 * `hardened-workloads adopt`: someone's manifests in, a declaration per workload and a review of
 * what changes out. The inference (src/adopt/infer/) and the review (src/adopt/review/) are pure;
 * this module reads, synthesizes in between, writes and chooses the exit code.
 */

/**
 * Exit codes of `adopt`: 0 done; 3 a value is marked CONFIRM (nothing in the input supports it) or
 * an ambiguity is open, unless --accept-inferred; 1 a written declaration does not synthesize (a
 * bug of adopt: please report it); 2 wrong usage, unreadable input or no workload in it.
 */
export const ADOPT_EXIT = { ok: 0, invalid: 1, usage: 2, confirm: 3 } as const;

/** The options of `adopt` as commander parses them. */
export interface AdoptFlags {
  readonly workload?: string;
  readonly service?: string;
  readonly output?: string;
  readonly format: 'text' | 'json';
  readonly diff?: boolean;
  readonly acceptInferred?: boolean;
}

/** The inference, as src/adopt/infer/ provides it: loaded by the program, given here so that this module stays testable on its own. */
export interface Adopter {
  adoptManifests(objects: readonly KubernetesObject[], options?: { readonly service?: string }): AdoptedWorkload[];
  /** The declaration as YAML text, a comment beside every inferred value, `# CONFIRM` on the unsupported ones. */
  writeDeclaration(adopted: AdoptedWorkload): string;
}

/** What synthesis gives the CLI for one declaration: the objects and the derivation behind their numbers. */
export interface Synthesizer {
  /** Throws a DeclarationError when the declaration is invalid. */
  synthesize(declaration: unknown): { objects: KubernetesObject[]; explanations: readonly Explanation[] };
}

/**
 * Synthesis as `synth` does it: the declaration resolved first (a DeclarationError with every
 * problem, before any object), then the objects, with the derivation behind their numbers.
 */
export const SYNTHESIZER: Synthesizer = {
  synthesize(declaration) {
    const { explanations } = resolveWorkload(declaration);
    return { objects: synthesizeObjects([declaration as WorkloadSpec]) as KubernetesObject[], explanations };
  },
};

/** The instance name a declaration synthesizes under: the file it is written to. */
function instanceOf(declaration: unknown): string {
  const { instance, name } = (declaration ?? {}) as { instance?: unknown; name?: unknown };
  return String(instance ?? name);
}

/** What --workload may say for `Kind/namespace/name`: the name, `Kind/name` or all of it. */
function namesOf(workload: string): string[] {
  const parts = workload.split('/');
  return [parts[parts.length - 1]!, `${parts[0]}/${parts[parts.length - 1]}`, workload];
}

/** The manifests of every input, read as `check` reads them; every unreadable document is reported at once. */
function readObjects(inputs: readonly string[], io: Io): KubernetesObject[] {
  const problems: InputProblem[] = [];
  const objects = readInputs(inputs, io.readStdin ?? (() => readFileSync(0, 'utf8'))).flatMap((text) => {
    const parsed = parseSourcedManifests(text);
    problems.push(...parsed.problems);
    return parsed.objects.map(({ object }) => object);
  });
  if (problems.length > 0) throw new InputError(problems);
  return objects;
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n');
}

/** A declaration adopt wrote that does not synthesize: a bug of the inference, never the user's. */
export class UnsynthesizableDeclaration extends Error {
  constructor(workload: string, cause: unknown) {
    super(
      `the declaration written for ${workload} does not synthesize — a bug of adopt, please report it with the input:\n${(cause as Error).message}`,
    );
  }
}

export interface ReviewedDeclaration extends ReviewedWorkload {
  /** The declaration as written (YAML with a comment on every inferred value). */
  readonly declarationText: string;
  /** With `--diff`: the unified diff of the YAML. */
  readonly diff?: string;
}

/**
 * Writes each adopted workload's declaration, reads the text back as `synth` reads a file (what
 * is reviewed is what the file says), synthesizes it and reviews the result against the input.
 * The whole of `adopt` after reading: the benchmark times it against `check`.
 */
export function reviewDeclarations(
  adopted: readonly AdoptedWorkload[],
  adopter: Pick<Adopter, 'writeDeclaration'>,
  synthesizer: Synthesizer,
  diff: boolean,
): ReviewedDeclaration[] {
  return adopted.map((workload) => {
    const text = adopter.writeDeclaration(workload);
    let synthesized: ReturnType<Synthesizer['synthesize']>;
    try {
      synthesized = synthesizer.synthesize(parseDeclarations(text, `${instanceOf(workload.declaration)}.yaml`)[0]);
    } catch (error) {
      throw new UnsynthesizableDeclaration(workload.workload, error);
    }
    return {
      adopted: workload,
      review: reviewAdoption(workload.input, synthesized.objects, { explanations: synthesized.explanations, dropped: workload.dropped }),
      declarationText: text,
      diff: diff ? adoptionDiff(workload.input, synthesized.objects) : undefined,
    };
  });
}

/** Runs `adopt` and returns its exit code. */
export function runAdopt(inputs: readonly string[], flags: AdoptFlags, io: Io, adopter: Adopter, synthesizer: Synthesizer): number {
  const everything = adopter.adoptManifests(readObjects(inputs, io), { service: flags.service });
  if (everything.length === 0) {
    io.stderr(`hardened-workloads adopt: no workload (Deployment, StatefulSet, DaemonSet, Job, CronJob) in ${inputs.join(', ')}\n`);
    return ADOPT_EXIT.usage;
  }
  const adopted =
    flags.workload === undefined ? everything : everything.filter(({ workload }) => namesOf(workload).includes(flags.workload!));
  if (adopted.length === 0) {
    const names = everything.map(({ workload }) => workload).join(', ');
    throw new CommanderError(ADOPT_EXIT.usage, 'usage', `error: no workload named "${flags.workload}" in the input (it has: ${names})`);
  }

  let reviewed: ReviewedDeclaration[];
  try {
    reviewed = reviewDeclarations(adopted, adopter, synthesizer, flags.diff === true);
  } catch (error) {
    if (!(error instanceof UnsynthesizableDeclaration)) throw error;
    io.stderr(`hardened-workloads adopt: ${error.message}\n`);
    return ADOPT_EXIT.invalid;
  }

  let files: readonly string[] | undefined;
  if (flags.output !== undefined) {
    const outputs = reviewed.map(({ adopted: workload, declarationText }) => ({
      file: `${instanceOf(workload.declaration)}.yaml`,
      text: declarationText,
    }));
    files = writeOutputFolder(flags.output, outputs, { inputs, suffix: '.yaml' }).written;
  }
  const withFiles = reviewed.map((entry, index) => ({ ...entry, file: files?.[index] }));

  if (flags.format === 'json') {
    const report = JSON.parse(adoptionJson(withFiles)) as { workloads: Array<Record<string, unknown>> };
    report.workloads.forEach((entry, index) => {
      if (files === undefined) entry.declaration = withFiles[index]!.declarationText;
      if (flags.diff) entry.diff = withFiles[index]!.diff;
    });
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    io.stdout(
      withFiles
        .map((entry) => {
          const parts = [adoptionText([entry]).trimEnd()];
          if (files === undefined)
            parts.push(`Declaration (${instanceOf(entry.adopted.declaration)}.yaml)\n${indent(entry.declarationText)}`);
          if (flags.diff) parts.push(`Diff (a/ current, b/ synthesized)\n${entry.diff === '' ? '  no change' : entry.diff!.trimEnd()}`);
          return `${parts.join('\n\n')}\n`;
        })
        .join('\n'),
    );
  }

  const open = adopted.flatMap(({ workload, inferences, ambiguities }) => [
    ...inferences.filter(({ confirm }) => confirm).map(({ field }) => `${workload}: ${field} is marked CONFIRM`),
    ...ambiguities.map(({ object, resolve }) => `${object}: ambiguous, resolve with ${resolve}`),
  ]);
  if (open.length === 0 || flags.acceptInferred) return ADOPT_EXIT.ok;
  io.stderr(
    `hardened-workloads adopt: ${open.length} value(s) to confirm (edit the declaration and remove "# CONFIRM", or run with --accept-inferred):\n${open
      .map((line) => `  ${line}\n`)
      .join('')}`,
  );
  return ADOPT_EXIT.confirm;
}
