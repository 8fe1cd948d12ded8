/**
 * Input that `check` cannot read: a missing file, a YAML syntax error, a document that is not a
 * Kubernetes object, a malformed field, a bad configuration or suppression. Each problem names
 * where it is (`file:line:column`), as compilers and linters do, so editors and CI logs link to it.
 */
export interface InputProblem {
  readonly file: string;
  /** 1-based; absent when the problem concerns the whole file. */
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

export class InputError extends Error {
  constructor(readonly problems: readonly InputProblem[]) {
    super(problems.map(formatInputProblem).join('\n'));
    this.name = 'InputError';
  }
}

export function formatInputProblem({ file, line, column, message }: InputProblem): string {
  const where = line === undefined ? file : column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
  return printable(`${where}: ${message}`);
}

/**
 * Characters that reach a terminal or CI log from manifests (names, values, reasons) and could
 * rewrite what it shows: C0 and C1 control characters (a line break starts a line of its own, an
 * escape sequence erases or recolours one, a carriage return overwrites it) and the bidirectional
 * overrides that reorder text (CVE-2021-42574, "Trojan Source").
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One line of text output with every such character written as an escape (`\n`, `\u001b`). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (character) => SHORT[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
