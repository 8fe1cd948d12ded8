import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from './input-error';

/** The suffix of every file `synth --output` writes; only such files are ever reported stale or pruned. */
export const OUTPUT_SUFFIX = '.k8s.yaml';

export interface OutputFile {
  /** A bare file name ending in `.k8s.yaml` (an instance name is a DNS label, so it has no separator). */
  readonly file: string;
  readonly text: string;
}

export interface OutputFolderOptions {
  /** The files the output was made from: none of them may be overwritten. */
  readonly inputs: readonly string[];
  /** Remove the `.k8s.yaml` files of the folder that this run did not write. */
  readonly prune?: boolean;
  /** The ending of every file written (default `.k8s.yaml`; `adopt` writes declarations, `<instance>.yaml`). */
  readonly suffix?: string;
}

export interface OutputFolderResult {
  /** Paths written, in the order given. */
  readonly written: readonly string[];
  /** `.k8s.yaml` files of the folder that no workload of this run wrote: removed with `prune`, else left. */
  readonly stale: readonly string[];
  readonly pruned: boolean;
}

/**
 * Writes the files of one synthesis into a folder so that a reader (kubectl, Argo CD, a diff)
 * never sees a half-written file and nothing outside the folder is touched:
 * - every file goes to a temporary file created exclusively in the same folder, then is renamed
 *   over its target. A rename replaces a directory entry, so a symbolic link at the target is
 *   replaced, never followed out of the folder (POSIX rename(2)); and the files appear only after
 *   all of them were written, so a failure leaves the folder as it was;
 * - a target that is one of the input files (the same file, through any path or link) is refused
 *   before anything is written;
 * - `.k8s.yaml` files of workloads that are no longer declared are reported, or removed with `prune`
 *   (a folder applied with `kubectl apply -f` would otherwise keep deploying them).
 */
export function writeOutputFolder(folder: string, files: readonly OutputFile[], options: OutputFolderOptions): OutputFolderResult {
  const suffix = options.suffix ?? OUTPUT_SUFFIX;
  for (const { file } of files) {
    if (basename(file) !== file || !file.endsWith(suffix) || file.startsWith('.')) {
      throw new Error(`internal: output file name ${JSON.stringify(file)} is not a bare <instance>${suffix} name`);
    }
  }
  mkdirSync(folder, { recursive: true });
  if (!statSync(folder).isDirectory()) {
    throw new InputError([{ file: folder, message: 'the output is not a folder: name a folder for --output' }]);
  }
  refuseOverwritingInputs(folder, files, options.inputs, suffix);

  const temporaries: Array<{ temporary: string; target: string }> = [];
  try {
    for (const { file, text } of files) {
      const temporary = join(folder, `.${file}.${process.pid}.tmp`);
      writeExclusively(temporary, text);
      temporaries.push({ temporary, target: join(folder, file) });
    }
  } catch (error) {
    for (const { temporary } of temporaries) unlinkSync(temporary);
    throw new InputError([{ file: folder, message: `cannot write the output: ${(error as Error).message}` }]);
  }
  for (const { temporary, target } of temporaries) renameSync(temporary, target);

  const names = new Set(files.map(({ file }) => file));
  const stale = readdirSync(folder)
    .filter((entry) => entry.endsWith(suffix) && !entry.startsWith('.') && !names.has(entry))
    .sort()
    .map((entry) => join(folder, entry));
  if (options.prune) for (const path of stale) if (!lstatSync(path).isDirectory()) unlinkSync(path);
  return { written: temporaries.map(({ target }) => target), stale, pruned: options.prune === true };
}

function refuseOverwritingInputs(folder: string, files: readonly OutputFile[], inputs: readonly string[], suffix: string): void {
  const inputIdentities = new Map<string, string>();
  for (const input of inputs) {
    const identity = fileIdentity(input);
    if (identity !== undefined) inputIdentities.set(identity, input);
  }
  const problems = files.flatMap(({ file }) => {
    const target = join(folder, file);
    // Both the entry itself and what a link there points to: either way the input would be lost.
    const clashes = [fileIdentity(target, { followLink: false }), fileIdentity(target)]
      .map((identity) => (identity === undefined ? undefined : inputIdentities.get(identity)))
      .filter((input): input is string => input !== undefined);
    return clashes.length === 0
      ? []
      : [
          {
            file: target,
            message: `synthesis would overwrite its own input ${clashes[0]}: write into another folder (--output) or rename the input file so it does not end in ${suffix}`,
          },
        ];
  });
  if (problems.length > 0) throw new InputError(problems);
}

/** Device and inode: the same file whatever path or link reaches it; undefined when there is none. */
function fileIdentity(path: string, { followLink = true } = {}): string | undefined {
  try {
    const stats = followLink ? statSync(path) : lstatSync(path);
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return undefined;
  }
}

/** 'wx' fails if anything, a link included, is already at the path: a temporary file is always new. */
function writeExclusively(path: string, text: string): void {
  const descriptor = openSync(path, 'wx', 0o644);
  try {
    writeSync(descriptor, text);
    fsyncSync(descriptor);
  } catch (error) {
    closeSync(descriptor);
    unlinkSync(path);
    throw error;
  }
  closeSync(descriptor);
}
