import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { KubernetesObject } from '../../src/manifests/facts';

export const ROOT = join(__dirname, '..', '..');
/** The real helm v3.17 from the npm registry package, extracted by scripts/install-helm.js. */
export const HELM = join(ROOT, '.tools', 'bin', 'helm');

export interface HelmResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const scratch = mkdtempSync(join(tmpdir(), 'hardened-helm-'));
let written = 0;

/** Writes values to a file helm can read (JSON is YAML). */
export function valuesFile(values: unknown): string {
  const file = join(scratch, `values-${written++}.json`);
  writeFileSync(file, JSON.stringify(values));
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

export function helmTemplateArgs(valuesPath: string): string[] {
  return ['template', 'release', ROOT, '--values', valuesPath];
}

/** The objects of a rendered release, without helm's `# Source:` documents that are empty. */
export function renderedObjects(stdout: string): KubernetesObject[] {
  return parseAllDocuments(stdout)
    .map((document) => document.toJS() as KubernetesObject | null)
    .filter((object): object is KubernetesObject => object !== null);
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
