/**
 * One thing wrong with a declaration, in the four parts SPEC §6 asks for.
 */
export interface Problem {
  /** Path of the field in the declaration, e.g. `startup.maxSeconds` or `networkPolicy.egressTo[0].cidr`. */
  readonly path: string;
  /** The value given (undefined when the field is missing). */
  readonly value: unknown;
  /** The rule the value breaks. */
  readonly rule: string;
  /** What to do about it. */
  readonly fix: string;
}

/**
 * Thrown for a declaration that cannot be synthesized. It carries every problem found, not just
 * the first, so that one run shows the user everything to mend.
 */
export class DeclarationError extends Error {
  public readonly problems: readonly Problem[];
  public readonly subject: string;

  constructor(subject: string, problems: readonly Problem[]) {
    super(formatProblems(subject, problems));
    this.name = 'DeclarationError';
    this.subject = subject;
    this.problems = problems;
  }
}

export function isDeclarationError(error: unknown): error is DeclarationError {
  return error instanceof DeclarationError;
}

/** Renders a value the way the user wrote it, so they can find it in their file. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function formatProblem(problem: Problem): string {
  return [
    `- ${problem.path || '(declaration)'}: ${showValue(problem.value)}`,
    `    rule: ${problem.rule}`,
    `    fix:  ${problem.fix}`,
  ].join('\n');
}

export function formatProblems(subject: string, problems: readonly Problem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return [`Invalid workload declaration ${subject} (${count}):`, ...problems.map(formatProblem)].join('\n');
}
