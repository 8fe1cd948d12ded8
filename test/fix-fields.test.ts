import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isDeclarationError, synthesizeObjects, type Problem } from '../src';
import { inDeclarationFields } from '../src/declaration/fix-fields';
import { overrides, SEED, validDeclaration, withOverrides } from './support/arbitraries';
import { REJECTION_TABLES } from './support/rejection-tables';
import { checkoutWith } from './support/declarations';

/**
 * Issue 19 §5: a declaration's fix names only fields its author can set. The invariant checks are
 * shared with `check`, whose fixes name Kubernetes fields; the declaration face words them in the
 * declaration's own fields (src/declaration/fix-fields.ts), and the Helm face the same (the
 * rejection and parity tests compare both faces word for word).
 */

type SchemaNode = {
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
};
const SCHEMA = JSON.parse(readFileSync(join(__dirname, '..', 'values.schema.json'), 'utf8')) as SchemaNode;

/** The node a dotted path names in the declaration's schema; a field the schema only names to say it is misplaced is none. */
function nodeAt(node: SchemaNode, segments: readonly string[]): SchemaNode | undefined {
  if (node.description?.startsWith('Not a field here')) return undefined;
  if (segments.length === 0) return node;
  const [head, ...rest] = segments;
  const variants = [node, ...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? []), ...(node.items ? [node.items] : [])];
  for (const variant of variants) {
    const child =
      variant.properties?.[head!] ?? (typeof variant.additionalProperties === 'object' ? variant.additionalProperties : undefined);
    const found = child && nodeAt(child, rest);
    if (found) return found;
  }
  return undefined;
}
const isDeclarationPath = (path: string) => nodeAt(SCHEMA, path.split('.')) !== undefined;

/** The Kubernetes fields and settings the invariant checks' fixes name (src/invariants/check.ts). */
const KUBERNETES_FIELDS = [
  'terminationGracePeriodSeconds',
  'progressDeadlineSeconds',
  'minReadySeconds',
  'timeoutSeconds',
  'periodSeconds',
  'failureThreshold',
  'successThreshold',
  'initialDelaySeconds',
  'maxSurge',
  'maxUnavailable',
  'activeDeadlineSeconds',
  'startingDeadlineSeconds',
  'backoffLimit',
  'sizeLimit',
];
const KUBERNETES_SETTINGS = [
  'preStop hook',
  'deregistration delay',
  'health check timeout',
  'health check interval',
  'unhealthy threshold',
  'ephemeral-storage limit',
  "emptyDirs'",
];

/** What in a fix names a Kubernetes field or setting a declaration has not. */
function undeclaredNames(fix: string): string[] {
  const tokens = fix.match(/[A-Za-z][\w-]*(?:\.[A-Za-z<][\w<>-]*)*/g) ?? [];
  return [
    ...tokens.filter((token) => KUBERNETES_FIELDS.includes(token.split('.').at(-1)!) && !isDeclarationPath(token)),
    ...KUBERNETES_SETTINGS.filter((setting) => fix.includes(setting)),
  ];
}

function problemsOf(declaration: unknown): readonly Problem[] {
  try {
    synthesizeObjects([declaration as never]);
    return [];
  } catch (error) {
    if (isDeclarationError(error)) return error.problems;
    throw error;
  }
}

/** Invariants and the target group's own timing rule: the fixes that carry a number of the derivation. */
const isTimingProblem = (problem: Problem) => /^invariant \d+ \(|^a target group's health check timeout/.test(problem.rule);

test('the scan finds a bare Kubernetes field in a fix, and takes a declaration path for one', () => {
  expect(undeclaredNames('raise terminationGracePeriodSeconds to at least 45')).toEqual(['terminationGracePeriodSeconds']);
  expect(undeclaredNames('delay SIGTERM by at least 10 s in the preStop hook')).toEqual(['preStop hook']);
  expect(undeclaredNames('raise overrides.terminationGracePeriodSeconds to at least 45')).toEqual([]);
  expect(undeclaredNames('lower tmp.sizeLimit')).toEqual([]);
});

test('every check fix a declaration violates is worded in declaration fields, with its number', () => {
  expect(inDeclarationFields('raise terminationGracePeriodSeconds to at least 45')).toBe(
    'raise overrides.terminationGracePeriodSeconds to at least 45',
  );
  expect(inDeclarationFields('delay SIGTERM by at least 10 s in the preStop hook')).toBe('raise overrides.preStopSeconds to at least 10');
  expect(inDeclarationFields('raise progressDeadlineSeconds to at least 130')).toBe(
    'raise overrides.progressDeadlineSeconds to at least 130',
  );
  expect(inDeclarationFields('set the readiness timeoutSeconds to at least 2')).toBe(
    'set overrides.readiness.timeoutSeconds to at least 2',
  );
  expect(inDeclarationFields('set the deregistration delay between 150 and 165 s')).toBe(
    'set overrides.loadBalancer.deregistrationDelaySeconds between 150 and 165 s',
  );
});

test('a rejected override is told the override to change and the number', () => {
  const [problem] = problemsOf(checkoutWith({ overrides: { progressDeadlineSeconds: 30 } })).filter(isTimingProblem);
  expect(problem!.fix).toMatch(/^raise overrides\.progressDeadlineSeconds to at least \d+;/);
});

test.each(REJECTION_TABLES)('every timing fix names only declaration fields: %s', (_, { declaration }) => {
  const fixes = problemsOf(declaration)
    .filter(isTimingProblem)
    .map(({ fix }) => fix);
  expect(fixes.filter((fix) => undeclaredNames(fix).length > 0)).toEqual([]);
});

test('every timing fix of random overrides names only declaration fields', () => {
  let fixes = 0;
  fc.assert(
    fc.property(validDeclaration, overrides, (declaration, extra) => {
      for (const { fix } of problemsOf(withOverrides(declaration, extra)).filter(isTimingProblem)) {
        fixes++;
        expect({ fix, undeclared: undeclaredNames(fix) }).toEqual({ fix, undeclared: [] });
      }
    }),
    { seed: SEED, numRuns: 300 },
  );
  // The draws must reach the fixes, or the property proves nothing.
  expect(fixes).toBeGreaterThan(50);
});
