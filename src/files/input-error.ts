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
  return `${where}: ${message}`;
}
