/**
 * Writes every file generated from the declaration schema (src/declaration/schema.ts): the Helm
 * chart's values.schema.json and values.yaml, and the TypeScript types in
 * src/declaration/workload-spec.ts. Each is written already formatted, so prettier leaves it alone.
 *
 * Usage: npm run generate            (writes what is stale and says what it did)
 *        npm run generate -- --check  (writes nothing; exits 1 when a file is stale)
 *        npm run generate -- --root D (the files under folder D instead of this repository)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { valuesSchema, valuesYaml } from './generate-chart-files';
import { declarationTypes, TYPES_FILE } from './generate-types';

const ROOT = join(__dirname, '..');

export const GENERATED_FILES: Readonly<Record<string, () => string | Promise<string>>> = {
  'values.schema.json': valuesSchema,
  'values.yaml': valuesYaml,
  [TYPES_FILE]: declarationTypes,
};

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Brings every generated file under `root` up to date (or only compares, with `check`); returns one line per file. */
export async function generate(root: string, check: boolean): Promise<{ lines: string[]; stale: string[] }> {
  const lines: string[] = [];
  const stale: string[] = [];
  for (const [file, render] of Object.entries(GENERATED_FILES)) {
    const path = join(root, file);
    const wanted = await render();
    if (read(path) === wanted) {
      lines.push(`${file}: current`);
      continue;
    }
    stale.push(file);
    if (check) {
      lines.push(`${file}: stale (run npm run generate)`);
    } else {
      writeFileSync(path, wanted);
      lines.push(`${file}: written`);
    }
  }
  return { lines, stale };
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const rootAt = process.argv.indexOf('--root');
  const { lines, stale } = await generate(rootAt < 0 ? ROOT : process.argv[rootAt + 1]!, check);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (check && stale.length > 0) process.exitCode = 1;
}

if (require.main === module) void main();
