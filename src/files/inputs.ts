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
const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * Expands the arguments of `check` into texts: a file is read as is, a folder is walked for
 * `.yaml`, `.yml` and `.json` files (sorted, so reports are stable), and `-` is standard input,
 * so that `helm template … | hardened-workloads check -` works. Every unreadable argument is
 * reported at once.
 */
export function readInputs(args: readonly string[], readStdin: () => string): InputText[] {
  const problems: InputProblem[] = [];
  const texts: InputText[] = [];
  for (const arg of args) {
    if (arg === STDIN) {
      texts.push({ name: STDIN_NAME, text: readStdin() });
      continue;
    }
    try {
      const files = statSync(arg).isDirectory() ? manifestFilesUnder(arg) : [arg];
      if (files.length === 0) problems.push({ file: arg, message: 'the folder holds no .yaml, .yml or .json file' });
      for (const file of files) texts.push({ name: file, text: readFileSync(file, 'utf8') });
    } catch (error) {
      problems.push({ file: arg, message: `cannot be read: ${(error as Error).message}` });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return texts;
}

function manifestFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      // Hidden entries (.git, .github, editor folders) are never manifests to check.
      if (entry.name.startsWith('.')) return [];
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return manifestFilesUnder(path);
      return entry.isFile() && MANIFEST_EXTENSIONS.includes(extname(entry.name)) ? [path] : [];
    });
}
