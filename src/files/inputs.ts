import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { InputError, type InputProblem } from './input-error';

/** One text to check, with the name findings will point at. */
export interface InputText {
  /** The path as given (or found in a folder), or `<stdin>`. */
  readonly name: string;
  readonly text: string;
}

export const STDIN = '-';
export const STDIN_NAME = '<stdin>';
/** Compared without case: `deploy.YAML` and `app.Yml` (common on Windows and macOS, whose file systems ignore case) are manifests too. */
const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** An entry of a folder that the walk did not read, and why: a gate names what it did not look at. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

export interface Inputs {
  readonly texts: InputText[];
  /** In walk order. */
  readonly skipped: SkippedFile[];
}

/**
 * Expands the arguments of `check` into texts: a file is read as is, a folder is walked for
 * `.yaml`, `.yml` and `.json` files (sorted, so reports are stable), and `-` is standard input,
 * so that `helm template … | hardened-workloads check -` works. Every unreadable argument is
 * reported at once.
 */
export function readInputs(args: readonly string[], readStdin: () => string): InputText[] {
  return walkInputs(args, readStdin).texts;
}

/** `readInputs`, with every entry of the folders walked that was not read, named with the reason. */
export function walkInputs(args: readonly string[], readStdin: () => string): Inputs {
  const problems: InputProblem[] = [];
  const texts: InputText[] = [];
  const skipped: SkippedFile[] = [];
  for (const arg of args) {
    if (arg === STDIN) {
      texts.push({ name: STDIN_NAME, text: readStdin() });
      continue;
    }
    try {
      const files = statSync(arg).isDirectory() ? manifestFilesUnder(arg, skipped) : [arg];
      if (files.length === 0) problems.push({ file: arg, message: 'the folder holds no .yaml, .yml or .json file' });
      for (const file of files) texts.push({ name: file, text: readFileSync(file, 'utf8') });
    } catch (error) {
      problems.push({ file: arg, message: `cannot be read: ${(error as Error).message}` });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return { texts, skipped };
}

function isManifestName(name: string): boolean {
  return MANIFEST_EXTENSIONS.includes(extname(name).toLowerCase());
}

/**
 * The manifest files under a folder. A symbolic link to a file is followed (a shared manifest
 * linked into several overlays is read where it is linked); a link to a folder is not (it may
 * lead back up the tree, a loop, or out of it), nor one to nothing. Whatever is not read is added
 * to `skipped` with the reason.
 */
function manifestFilesUnder(folder: string, skipped: SkippedFile[]): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      const skip = (reason: string): string[] => {
        skipped.push({ file: path, reason });
        return [];
      };
      // Hidden entries (.git, .github, editor folders) are never manifests to check; named once, not walked.
      if (entry.name.startsWith('.'))
        return skip(`hidden (its name starts with a dot)${entry.isDirectory() ? ': the folder is not walked' : ''}`);
      if (entry.isDirectory()) return manifestFilesUnder(path, skipped);
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let target;
        try {
          target = statSync(path);
        } catch {
          return skip('a symbolic link to nothing (broken)');
        }
        if (target.isDirectory())
          return skip(
            'a symbolic link to a folder, not followed (it may lead back up the tree or out of it); give its target as an argument to check it',
          );
        isFile = target.isFile();
      }
      if (!isFile) return skip('not a regular file');
      return isManifestName(entry.name) ? [path] : skip('not a .yaml, .yml or .json file');
    });
}
