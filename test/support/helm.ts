import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeclarationError, synthesizeObjects, type WorkloadSpec } from '../../src';
import { parseManifests } from '../../src/files/manifests';
import type { KubernetesObject } from '../../src/manifests/facts';
import { HELM_BINARY } from './helm-binary';

export const ROOT = join(__dirname, '..', '..');
/** The real helm (test/support/helm-binary.ts says which); the Helm suites are skipped where there is none. */
const HELM = HELM_BINARY.path ?? 'helm';

/** `test` and `describe` for suites that run helm: skipped, and reported as such, where there is no helm. */
export const helmTest = HELM_BINARY.path ? test : test.skip;
export const helmDescribe = HELM_BINARY.path ? describe : describe.skip;

export interface HelmResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const scratch = mkdtempSync(join(tmpdir(), 'hardened-helm-'));
let written = 0;

/**
 * Characters YAML 1.1 does not allow raw in a document (C1 controls, DEL, U+FFFE/U+FFFF) or reads
 * as line breaks (U+0085, U+2028, U+2029, and a BOM mid-document): a user escapes them.
 */
const NOT_RAW_IN_YAML = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** Writes values to a file helm can read (JSON is YAML), escaping what YAML cannot hold raw. */
export function valuesFile(values: unknown): string {
  const file = join(scratch, `values-${written++}.json`);
  writeFileSync(
    file,
    JSON.stringify(values).replace(NOT_RAW_IN_YAML, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
  return file;
}

export function helm(args: readonly string[]): HelmResult {
  const result = spawnSync(HELM, args, { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs helm without blocking, so that several renders can share the machine's cores. */
export function helmAsync(args: readonly string[]): Promise<HelmResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(HELM, args, { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The objects of a rendered release, read as any manifest is (helm's empty `# Source:` documents drop out). */
export function renderedObjects(result: HelmResult): KubernetesObject[] {
  return parseManifests(result.stdout, 'helm template');
}

/**
 * The namespace both faces render into: Helm always has a release namespace (`-n`), the
 * constructs take their chart's, so the parity tests give both the same one.
 */
export const NAMESPACE = 'shop';

export function helmTemplateArgs(valuesPath: string): string[] {
  return ['template', 'release', ROOT, '--namespace', NAMESPACE, '--values', valuesPath];
}

/** Objects keyed by kind/name, for comparing two renderings regardless of their order. */
export function byKindAndName(objects: readonly object[]): Record<string, unknown> {
  return Object.fromEntries((objects as KubernetesObject[]).map((object) => [`${object.kind}/${object.metadata?.name}`, object]));
}

/** Maps over items with at most `limit` promises in flight. */
export async function pooled<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** What a face makes of a declaration: its objects keyed by kind/name, or its error message. */
export interface Outcome {
  readonly objects?: Record<string, unknown>;
  readonly error?: string;
}

/** The TypeScript face, the reference, in a chart of namespace NAMESPACE. */
export function typescriptFace(declaration: unknown): Outcome {
  try {
    return { objects: byKindAndName(synthesizeObjects([declaration as WorkloadSpec], { namespace: NAMESPACE })) };
  } catch (error) {
    if (!isDeclarationError(error)) throw error;
    return { error: error.message };
  }
}

/** helm's `fail` message without its location prefix and trailing hint. */
export function failMessage(stderr: string): string {
  return stderr
    .replace(/^Error: execution error at \([^)]*\): /, '')
    .replace(/\n+Use --debug flag to render out invalid YAML\n*$/, '')
    .trim();
}

/**
 * The Helm face: `helm template` of the chart with the declaration as its values; `skipSchema`
 * renders as `--skip-schema-validation` does (Helm ≥ 3.16, Argo CD, Flux), with no values.schema.json.
 */
export async function helmFace(declaration: unknown, { skipSchema = false } = {}): Promise<Outcome> {
  const args = helmTemplateArgs(valuesFile(declaration));
  const result = await helmAsync(skipSchema ? [...args, '--skip-schema-validation'] : args);
  return result.status === 0 ? { objects: byKindAndName(renderedObjects(result)) } : { error: failMessage(result.stderr) };
}

/** Whether helm refused the values before any template ran (JSON Schema validation, in its own words). */
export function isSchemaRejection(outcome: Outcome): boolean {
  return outcome.error?.startsWith("Error: values don't meet the specifications of the schema") ?? false;
}
