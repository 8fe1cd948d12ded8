/**
 * One thing wrong with a declaration, in the four parts every error gives (docs/derivation.md, "Errors").
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

/**
 * Renders a value the way the user wrote it, so they can find it in their file. Keys are sorted
 * and the cut is counted in characters (never inside an emoji) so that the Helm chart, whose maps
 * keep no key order, shows the same text; U+2028/U+2029 are escaped so the message keeps its lines.
 */
export function showValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  // JSON has no infinity or not-a-number: show them as YAML writes them, not as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
  const text = sortedJson(value).replace(/[\u2028\u2029]/g, (separator) => `\\u${separator.charCodeAt(0).toString(16)}`);
  const characters = Array.from(text);
  return characters.length > 80 ? `${characters.slice(0, 77).join('')}...` : text;
}

/** Keys in the order of their UTF-8 bytes, the order Go (and so Helm) writes a map's keys in. */
export function byUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * JSON with every map's keys sorted. Written out key by key because a JavaScript object always
 * lists integer-like keys ("60") first, whatever order they were added in.
 */
export function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : sortedJson(item))).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort(byUtf8);
  return `{${keys.map((key) => `${JSON.stringify(key)}:${sortedJson(record[key])}`).join(',')}}`;
}

/**
 * Whether two values write the same JSON (`sortedJson(a) === sortedJson(b)`) without writing it:
 * keys in any order, a key whose value is undefined is absent, an undefined list item is null.
 * Synthesis compares every workload's objects this way, so it must not sort or serialize them.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameJson(item ?? null, b[index] ?? null));
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return typeof a === 'number' && typeof b === 'number' ? JSON.stringify(a) === JSON.stringify(b) : false;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const leftKeys = Object.keys(left).filter((key) => left[key] !== undefined);
  if (leftKeys.length !== Object.keys(right).filter((key) => right[key] !== undefined).length) return false;
  return leftKeys.every((key) => Object.prototype.hasOwnProperty.call(right, key) && sameJson(left[key], right[key]));
}

/** `startup.maxSeconds`, `networkPolicy.egressTo[0].cidr`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text === '' ? String(segment) : `${text}.${String(segment)}`;
  }, '');
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
