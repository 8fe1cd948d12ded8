import type { z } from 'zod';
import { formatPath, showValue, type Problem } from './errors';
import { pinImageFix } from './image';
import { isAbsentKey, type JsonSchemaNode, schemaAt } from './json-schema';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (node, segment) => (node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[segment] : undefined),
    input,
  );
}

function unitOf(path: readonly PropertyKey[]): string {
  const last = String(path[path.length - 1] ?? '');
  if (last.endsWith('Seconds')) return 'a whole number of seconds';
  if (last.endsWith('Ms')) return 'a whole number of milliseconds';
  return 'a whole number';
}

function example(path: readonly PropertyKey[]): string {
  const examples = schemaAt(path)?.examples;
  return examples && examples.length > 0 ? `, e.g. ${formatPath(path)}: ${JSON.stringify(examples[0])}` : '';
}

/** A JSON type as a reader says it: "an object", "a list". */
function typeName(expected: string): string {
  const names: Record<string, string> = {
    object: 'an object',
    record: 'a map of names to values',
    array: 'a list',
    string: 'a string',
    boolean: 'true or false',
  };
  return names[expected] ?? `of type ${expected}`;
}

/** Levenshtein distance, to suggest the field a user probably meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The members of a union, nested unions included; a node that is no union is its own only member. */
function membersOf(node: JsonSchemaNode | undefined): JsonSchemaNode[] {
  if (!node) return [];
  return node.anyOf ? node.anyOf.flatMap(membersOf) : [node];
}

/**
 * The fields of the object at `path`. In a union of objects, the fields of the member the value
 * has the required keys of (the one the user meant), else of every member.
 */
function knownFields(path: readonly PropertyKey[], input: unknown): string[] {
  const value = valueAt(input, path);
  const objects = membersOf(schemaAt(path)).filter((member) => member.properties || member.propertyNames);
  const meant = objects.filter((member) => isObject(value) && (member.required ?? []).every((key) => key in value));
  const fields = (meant.length === 1 ? meant : objects).flatMap((member) => {
    const propertyNames = member.propertyNames as { enum?: string[] } | undefined;
    return Object.entries(member.properties ?? {})
      .filter(([, child]) => !isAbsentKey(child))
      .map(([key]) => key)
      .concat(propertyNames?.enum ?? []);
  });
  return [...new Set(fields)];
}

/**
 * Fields written where they do not belong, by their path as written, with where they go: the fix
 * names the place, so the user moves the field rather than deleting it. The Helm face says the same
 * from the same table (misplacedFieldChecks, `hw.table.misplacedFields`): values.schema.json lets
 * these keys through, and the templates refuse them with these words, with its schema or without.
 */
export const MISPLACED_FIELDS: Readonly<Record<string, string>> = {
  nodeSelector: 'scheduling.nodeSelector',
  tolerations: 'scheduling.tolerations',
  affinity: 'scheduling.nodeAffinity',
  nodeAffinity: 'scheduling.nodeAffinity',
  priorityClassName: 'scheduling.priorityClassName',
  cron: 'schedule.cron',
  timeZone: 'schedule.timeZone',
  concurrencyPolicy: 'schedule.concurrencyPolicy',
  maxSeconds: 'startup.maxSeconds (or run.maxSeconds for a job or cronjob)',
  terminationGracePeriodSeconds: 'overrides.terminationGracePeriodSeconds',
  progressDeadlineSeconds: 'overrides.progressDeadlineSeconds',
  minReadySeconds: 'overrides.minReadySeconds',
  annotations: 'podAnnotations (for the pods) or ingress.annotations',
  platform: 'traffic.platform',
  'ingress.tls': 'ingress.tlsSecretName',
  'ingress.host': 'ingress.hosts',
  'ingress.path': 'ingress.paths',
  'schedule.maxSeconds': 'run.maxSeconds',
  'autoscaling.replicas': 'autoscaling.minReplicas and autoscaling.maxReplicas',
  activeDeadlineSeconds: 'overrides.activeDeadlineSeconds',
  'run.activeDeadlineSeconds': 'overrides.activeDeadlineSeconds',
  startingDeadlineSeconds: 'overrides.startingDeadlineSeconds',
  'schedule.startingDeadlineSeconds': 'overrides.startingDeadlineSeconds',
  ttlSecondsAfterFinished: 'overrides.ttlSecondsAfterFinished',
};

/**
 * Kubernetes fields that a declaration says another way, with the fix. A Job's retries are
 * run.attempts only: the attempts are what the deadlines are derived from and checked against
 * (invariants 16-18), and two fields for one number could disagree.
 */
const BACKOFF_LIMIT_FIX =
  'declare run.attempts instead, the number of runs (backoffLimit + 1; backoffLimit 2 is run.attempts: 3): run.attempts is the one way to set the retries, and the deadlines are derived from it';
export const REPLACED_FIELDS: Readonly<Record<string, string>> = {
  backoffLimit: BACKOFF_LIMIT_FIX,
  'run.backoffLimit': BACKOFF_LIMIT_FIX,
  'overrides.backoffLimit': BACKOFF_LIMIT_FIX,
};

const MISPLACED_RULE = 'unknown field here';
const misplacedFixOf = (target: string) => `it belongs at ${target}: move it there`;

function misplacedFix(path: readonly PropertyKey[]): string {
  const written = path.map((segment) => (typeof segment === 'number' ? '*' : String(segment))).join('.');
  const target = Object.prototype.hasOwnProperty.call(MISPLACED_FIELDS, written) ? MISPLACED_FIELDS[written] : undefined;
  if (target !== undefined) return misplacedFixOf(target);
  return Object.prototype.hasOwnProperty.call(REPLACED_FIELDS, written) ? REPLACED_FIELDS[written]! : '';
}

/** A misplaced field as the Helm templates look for it: the object it is written in, its key, and the message. */
export interface MisplacedFieldCheck {
  readonly parent: readonly string[];
  readonly key: string;
  readonly rule: string;
  readonly fix: string;
}

/**
 * MISPLACED_FIELDS in the order the TypeScript face reports them (zod reports the unknown keys of
 * an object after those of the objects in it, in the order of the schema's fields; the keys of one
 * object in name order, see unknownFieldProblems), so that both faces list several alike.
 */
export function misplacedFieldChecks(): MisplacedFieldCheck[] {
  const rootFields = Object.keys(schemaAt([])?.properties ?? {});
  const depth = (parent: readonly string[]) => (parent.length === 0 ? rootFields.length : rootFields.indexOf(parent[0]!));
  return Object.entries(MISPLACED_FIELDS)
    .map(([written, target]) => {
      const segments = written.split('.');
      return { parent: segments.slice(0, -1), key: segments[segments.length - 1]!, rule: MISPLACED_RULE, fix: misplacedFixOf(target) };
    })
    .sort((a, b) => depth(a.parent) - depth(b.parent) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function unknownFieldProblems(issue: { path: readonly PropertyKey[]; keys: readonly string[] }, input: unknown): Problem[] {
  const known = knownFields(issue.path, input);
  // In name order, as the Helm face (whose maps have no order) reports them, whatever order they were written in.
  return [...issue.keys].sort().map((key) => {
    const closest = known.map((candidate) => ({ candidate, score: distance(key, candidate) })).sort((a, b) => a.score - b.score)[0];
    const moved = misplacedFix([...issue.path, key]);
    const suggestion = closest && closest.score <= 3 ? `did you mean ${closest.candidate}? ` : '';
    return {
      path: formatPath([...issue.path, key]),
      value: valueAt(input, [...issue.path, key]),
      rule: moved ? MISPLACED_RULE : 'unknown field',
      fix: moved || `${suggestion}remove it or correct its name; known fields here: ${known.join(', ')}`,
    };
  });
}

/** A union's members' issues with whole paths; a nested union at the same place adds its own members. */
function memberIssues(issue: z.core.$ZodIssueInvalidUnion, base: readonly PropertyKey[]): z.core.$ZodIssue[][] {
  return issue.errors.flatMap((member) => {
    const absolute = member.map((inner) => ({ ...inner, path: [...base, ...inner.path] }));
    const [only] = absolute;
    if (absolute.length === 1 && only?.code === 'invalid_union' && only.path.length === base.length) return memberIssues(only, base);
    return [absolute];
  });
}

/**
 * Whether a member's issues say the value is not that member at all: a different type, or a
 * required key missing. A member with only deeper issues (a wrong field value, an extra key) is
 * the one the user meant.
 */
function isOtherMember(issues: readonly z.core.$ZodIssue[], base: readonly PropertyKey[], input: unknown): boolean {
  return issues.some(
    (inner) =>
      (inner.path.length === base.length && inner.code !== 'unrecognized_keys') ||
      (inner.path.length === base.length + 1 && valueAt(input, inner.path) === undefined),
  );
}

/**
 * A union's issue: the problems of the member the user meant when there is exactly one, else the
 * union's own rule — after any field that no member knows, since a misspelling is the likeliest
 * cause. For a union of objects (the forms of a probe), the rule says which forms were found.
 */
function unionProblems(issue: z.core.$ZodIssueInvalidUnion, input: unknown): Problem[] {
  const meant = memberIssues(issue, issue.path).filter((member) => !isOtherMember(member, issue.path, input));
  if (meant.length === 1) return meant[0]!.flatMap((inner) => issueProblems(inner, input));
  const value = valueAt(input, issue.path);
  const node = schemaAt(issue.path);
  // A number or boolean where one of the forms is text (an environment value): the user meant text.
  if ((typeof value === 'number' || typeof value === 'boolean') && membersOf(node).some((member) => member.type === 'string')) {
    return unquotedScalarProblem(formatPath(issue.path), issue.path, value);
  }
  let found = '';
  if (isObject(value) && meant.length === 0) {
    const known = knownFields(issue.path, input);
    const unknown = Object.keys(value).filter((key) => !known.includes(key));
    if (unknown.length > 0) return unknownFieldProblems({ path: issue.path, keys: unknown }, input);
  }
  if (isObject(value)) {
    // A form is a key some members require and others do not (a key every member requires, such as a file's path, is no form).
    const members = membersOf(node);
    const shared = (key: string) => members.every((member) => (member.required ?? []).includes(key));
    const forms = [...new Set(members.flatMap((member) => member.required ?? []))].filter((form) => form in value && !shared(form));
    found = ` (found ${forms.length === 0 ? 'none' : forms.join(' and ')})`;
  }
  return [
    {
      path: formatPath(issue.path),
      value,
      rule: `${node?.['x-rule'] ?? `must be one of the forms: ${node?.description ?? 'see the documentation'}`}${found}`,
      fix: node?.['x-fix'] ?? 'see the field reference in README.md',
    },
  ];
}

/**
 * A string field given a number or a boolean: YAML (and Helm) read `1.30` as the number 1.3 and,
 * in YAML 1.1, `yes` as true. The user meant text; say how to write it.
 */
function unquotedScalarProblem(path: string, segments: readonly PropertyKey[], value: number | boolean): Problem[] {
  if (typeof value === 'boolean') {
    return [
      {
        path,
        value,
        rule: `must be a string; unquoted, YAML reads it as ${value} (yes, no, on, off, true and false are booleans)`,
        fix: `write it in quotes, e.g. "yes"${example(segments)}`,
      },
    ];
  }
  // YAML drops a trailing zero: a version written 1.30 arrives as 1.3.
  const text = String(value);
  const meant = /^1\.\d$/.test(text) && String(segments[segments.length - 1]) === 'kubernetesVersion' ? `${text}0` : text;
  return [
    {
      path,
      value,
      rule: `must be a string; unquoted, YAML reads it as the number ${text}`,
      fix:
        typeof segments[segments.length - 1] === 'number'
          ? `write it in quotes: - "${meant}"`
          : `write it in quotes: ${String(segments[segments.length - 1] ?? path)}: "${meant}"`,
    },
  ];
}

/** Turns one zod issue into problems: field, value, rule, fix (docs/derivation.md, "Errors"). */
export function issueProblems(issue: z.core.$ZodIssue, input: unknown): Problem[] {
  const path = formatPath(issue.path);
  const value = valueAt(input, issue.path);
  const node = schemaAt(issue.path);
  const problem = (rule: string, fix: string): Problem[] => [{ path, value, rule, fix }];

  switch (issue.code) {
    case 'unrecognized_keys':
      return unknownFieldProblems(issue, input);
    case 'invalid_union':
      return unionProblems(issue, input);
    case 'invalid_type':
      if (value === undefined) {
        return problem(
          'required field is missing',
          `add ${path}${example(issue.path)}${node?.description ? ` (${node.description})` : ''}`,
        );
      }
      if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        return unquotedScalarProblem(path, issue.path, value);
      }
      if (typeof value === 'number' && !Number.isFinite(value)) {
        return problem(
          `must be ${unitOf(issue.path)}; YAML reads ${showValue(value)} as ${Number.isNaN(value) ? 'not-a-number' : 'infinity'}, which is none`,
          `write a whole number${example(issue.path)}`,
        );
      }
      if (issue.expected === 'int' || (issue.expected === 'number' && typeof value === 'number')) {
        return problem(
          `must be ${unitOf(issue.path)}`,
          `write a whole number without a fraction or unit, e.g. ${Math.max(0, Math.ceil(Number(value)) || 0)}`,
        );
      }
      if (issue.expected === 'number' || issue.expected === 'int') {
        return problem(`must be ${unitOf(issue.path)}`, 'write a plain number without quotes or units');
      }
      return problem(`must be ${typeName(issue.expected)}`, `write ${typeName(issue.expected)}${example(issue.path)}`);
    case 'too_small':
      if (issue.origin === 'string') {
        return problem(node?.['x-rule'] ?? `must have at least ${issue.minimum} characters`, node?.['x-fix'] ?? 'write it out in full');
      }
      if (issue.origin === 'array') {
        return problem(
          node?.['x-rule'] ?? `must have at least ${issue.minimum} entries`,
          node?.['x-fix'] ?? 'add an entry or remove the field',
        );
      }
      return problem(`must be at least ${issue.minimum}`, `use ${unitOf(issue.path)} ≥ ${issue.minimum}`);
    case 'too_big':
      // zod bounds every integer by 2^53 - 1 as well; the field's own, lower bound reports it once.
      if (issue.maximum === Number.MAX_SAFE_INTEGER && typeof node?.maximum === 'number') return [];
      return problem(
        node?.['x-maximum-rule'] ?? `must be at most ${issue.maximum}`,
        node?.['x-maximum-fix'] ?? `use a value ≤ ${issue.maximum}`,
      );
    case 'invalid_value': {
      const allowed = issue.values.map((candidate) => JSON.stringify(candidate)).join(', ');
      return problem(node?.['x-rule'] ?? `must be one of ${allowed}`, node?.['x-fix'] ?? `pick one of ${allowed}`);
    }
    case 'invalid_format':
      return problem(
        node?.['x-rule'] ?? `must match ${issue.pattern ?? issue.format}`,
        node?.['x-format'] === 'image' && typeof value === 'string' ? pinImageFix(value) : (node?.['x-fix'] ?? 'correct the format'),
      );
    case 'invalid_key': {
      // The path ends at the offending key; its rule lives on the record's propertyNames (in a union, the record member's).
      const keys = membersOf(schemaAt(issue.path.slice(0, -1))).find((member) => member.propertyNames)?.propertyNames as
        JsonSchemaNode | undefined;
      return problem(
        `the key ${JSON.stringify(issue.path[issue.path.length - 1])} is not allowed: ${keys?.['x-rule'] ?? 'see the field reference'}`,
        keys?.['x-fix'] ?? 'rename it',
      );
    }
    case 'custom': {
      const params = (issue.params ?? {}) as { fix?: string };
      return problem(issue.message, params.fix ?? 'see the field reference in README.md');
    }
    default:
      return problem(issue.message, 'see the field reference in README.md');
  }
}
