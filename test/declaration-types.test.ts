import { join } from 'node:path';
import ts from 'typescript';
import type { z } from 'zod';
import type {
  ExecProbe,
  HardenedCronJobProps,
  HardenedJobProps,
  HardenedWebServiceProps,
  HardenedWorkerProps,
  HardenedWorkloadOptions,
  HardenedWorkloadProps,
  ProbeTarget,
  WorkloadSpec,
} from '../src';
import { declarationJsonSchema, isAbsentKey, type JsonSchemaNode } from '../src/declaration/json-schema';
import { type probeTarget, workloadSchema } from '../src/declaration/schema';
import { resolveWorkload } from '../src';

const ROOT = join(__dirname, '..');

/**
 * The TypeScript face of the declaration: the generated types (src/declaration/workload-spec.ts)
 * are exactly what the schema accepts, reject at compile time what it rejects at run time, and
 * document every field where users read it — in the editor.
 */

/** True only when A and B are the same type (not merely assignable one way). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// Checked by `npm run typecheck`: a generated type that drifts from the schema does not compile.
const declarationIsTheSchemaInput: Equals<WorkloadSpec, z.input<typeof workloadSchema>> = true;
const probeTargetIsTheSchemaInput: Equals<ProbeTarget, z.input<typeof probeTarget>> = true;
// The props are the declaration plus the construct's own options (checkAtSynth), which are not part of it.
/** True when A and B accept the same values (an interface that extends two types, and their intersection). */
type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const propsAreTheDeclaration: Interchangeable<HardenedWorkloadProps, WorkloadSpec & HardenedWorkloadOptions> = true;
const servicePropsLeaveOutKind: Interchangeable<HardenedWebServiceProps, Omit<WorkloadSpec, 'kind'> & HardenedWorkloadOptions> = true;
const workerPropsLeaveOutKind: Interchangeable<HardenedWorkerProps, Omit<WorkloadSpec, 'kind'> & HardenedWorkloadOptions> = true;

// A job's props take its run and none of the fields of pods that run until deleted.
const JOB_PROPS: HardenedJobProps = { name: 'migrate', image: 'ghcr.io/acme/migrate:1.0.0', run: { maxSeconds: 60 }, drainSeconds: 5 };
// @ts-expect-error a job has no replicas
const jobWithReplicas: HardenedJobProps = { ...JOB_PROPS, replicas: 2 };
// @ts-expect-error a job is run once: a schedule makes a HardenedCronJob
const jobWithSchedule: HardenedJobProps = { ...JOB_PROPS, schedule: { cron: '@daily' } };
// @ts-expect-error a cronjob needs its schedule
const cronJobWithoutSchedule: HardenedCronJobProps = JOB_PROPS;

// @ts-expect-error a probe checks exactly one thing: an empty target checks nothing
const checksNothing: ProbeTarget = {};
// @ts-expect-error a probe checks exactly one thing: path and tcp are two
const checksTwoThings: ProbeTarget = { path: '/readyz', tcp: true };
// @ts-expect-error an exec probe has no port
const execWithPort: ExecProbe = { exec: ['/bin/check'], port: 8080 };

test('the generated types are the schema input type, and reject probes of no or two forms (checked by the compiler)', () => {
  expect([
    declarationIsTheSchemaInput,
    probeTargetIsTheSchemaInput,
    propsAreTheDeclaration,
    servicePropsLeaveOutKind,
    workerPropsLeaveOutKind,
  ]).toEqual([true, true, true, true, true]);
  // The same targets fail at run time too.
  // The batch props the compiler refuses are refused at run time too.
  for (const props of [jobWithReplicas, jobWithSchedule])
    expect(() => resolveWorkload({ ...props, kind: 'job' })).toThrow(/applies to kind/);
  expect(() => resolveWorkload({ ...cronJobWithoutSchedule, kind: 'cronjob' })).toThrow(/a cronjob needs its schedule/);
  for (const target of [checksNothing, checksTwoThings, execWithPort]) {
    expect(workloadSchema.shape.health.safeParse({ readiness: target }).success).toBe(false);
  }
});

/** Every field of the declaration with its schema node and whether it is required, at any depth. */
function fields(node: JsonSchemaNode, path = ''): Array<[string, JsonSchemaNode, boolean]> {
  const members = node.anyOf ?? [node];
  return members.flatMap((member) => {
    const own = Object.entries(member.properties ?? {})
      .filter(([, child]) => !isAbsentKey(child))
      .flatMap(([key, child]): Array<[string, JsonSchemaNode, boolean]> => {
        const childPath = path ? `${path}.${key}` : key;
        return [[childPath, child, (member.required ?? []).includes(key)], ...fields(child, childPath)];
      });
    const keys = (member.propertyNames as JsonSchemaNode | undefined)?.enum;
    const value = typeof member.additionalProperties === 'object' ? member.additionalProperties : undefined;
    // A record over a closed set of keys (acknowledge): each key is a field documented by the value.
    const keyed = keys && value ? keys.map((key): [string, JsonSchemaNode, boolean] => [`${path}.${String(key)}`, value, false]) : [];
    const items = member.items ? fields(member.items, `${path}[]`) : [];
    return [...own, ...keyed, ...items];
  });
}
const FIELDS = fields(declarationJsonSchema());

describe('every field documents itself (the JSDoc of the generated types and the comments of values.yaml)', () => {
  test.each(FIELDS.map(([path, node]) => [path, node]))('%s has a summary and an example', (_, node) => {
    expect(node.description).toMatch(/^\S.*[.?]$/s);
    expect(node.examples?.length).toBeGreaterThan(0);
  });
  test.each(FIELDS.filter(([, node]) => node.type === 'integer').map(([path, node]) => [path, node]))('%s says its unit', (_, node) => {
    expect(node['x-unit']).toEqual(expect.any(String));
  });
  test.each(FIELDS.filter(([, , required]) => !required).map(([path, node]) => [path, node]))(
    '%s, which may be left out, says its default',
    (_, node) => {
      expect(node.default !== undefined || typeof node['x-default'] === 'string').toBe(true);
    },
  );
});

/** What an editor shows when the cursor rests on `marker` in `source`, a file that imports the built package. */
function hover(source: string, marker: string) {
  const file = join(ROOT, 'test', 'hover.ts');
  const options: ts.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, types: [] };
  const service = ts.createLanguageService({
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) =>
      name === file
        ? ts.ScriptSnapshot.fromString(source)
        : ts.sys.fileExists(name)
          ? ts.ScriptSnapshot.fromString(ts.sys.readFile(name)!)
          : undefined,
    getCurrentDirectory: () => ROOT,
    getCompilationSettings: () => options,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  });
  const info = service.getQuickInfoAtPosition(file, source.indexOf(marker) + 1)!;
  return {
    display: ts.displayPartsToString(info.displayParts),
    documentation: ts.displayPartsToString(info.documentation),
    tags: (info.tags ?? []).map((tag) => `@${tag.name} ${ts.displayPartsToString(tag.text)}`),
  };
}

describe('in the editor (the built package, as users install it)', () => {
  const source = [
    "import type { HardenedWebServiceProps } from '../lib';",
    'const props: HardenedWebServiceProps = {',
    "  name: 'checkout', image: 'ghcr.io/acme/checkout:1.4.2', port: 8080,",
    "  health: { readiness: { path: '/readyz' } },",
    "  startup: { typicalSeconds: 20, maxSeconds: 90 }, drainSeconds: 30, traffic: { platform: 'aws-alb' },",
    '};',
  ].join('\n');

  test('the props are a named type, not an expanded object type cut short', () => {
    expect(hover(source, ' props:').display).toBe('const props: HardenedWebServiceProps');
  });
  test('a field shows its summary, unit and example', () => {
    expect(hover(source, ' drainSeconds')).toEqual({
      display: '(property) drainSeconds: number',
      documentation: 'Time the application needs after SIGTERM: the longest in-flight request plus cleanup.\n\nUnit: seconds.',
      tags: ['@example 30'],
    });
  });
  test('a field with a derived default says how it is derived', () => {
    expect(hover(source, ' typicalSeconds').tags).toEqual(['@default - ceil(maxSeconds / 3)', '@example 20']);
  });
  test('a field with a literal default shows the literal', () => {
    expect(hover(source, ' platform').tags).toEqual(['@default "kube-proxy"', '@example "aws-alb"']);
  });
});
