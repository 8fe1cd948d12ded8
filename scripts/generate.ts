/**
 * Writes every generated file: from the declaration schema (src/declaration/schema/), the Helm
 * chart's values.schema.json and values.yaml and the TypeScript types in
 * src/declaration/workload-spec.ts; from the rule catalogue (src/rules/catalogue.ts), one page per
 * rule in docs/rules/ and their index; from the shared tables (src/kinds/table.ts, ...), the Helm
 * face's copy in templates/_generated.tpl; from the IANA time zone database, src/declaration/time-zones.ts. Each is written already formatted, so prettier leaves it
 * alone; a page in docs/rules/ that documents no rule is removed (or, with --check, reported).
 *
 * Usage: npm run generate            (writes what is stale and says what it did)
 *        npm run generate -- --check  (writes nothing; exits 1 when a file is stale)
 *        npm run generate -- --root D (the files under folder D instead of this repository)
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { valuesSchema, valuesYaml } from './generate-chart-files';
import { declarationTypes, TYPES_FILE } from './generate-types';
import { HELM_TABLES_FILE, helmTables } from './generate-helm-tables';
import { TIME_ZONES_FILE, timeZonesFile } from './generate-time-zones';
import { ruleDocFiles } from '../src/rules/docs';

const ROOT = join(__dirname, '..');

const RULE_DOCS = 'docs/rules';

export const GENERATED_FILES: Readonly<Record<string, () => string | Promise<string>>> = {
  'values.schema.json': valuesSchema,
  'values.yaml': valuesYaml,
  [TYPES_FILE]: declarationTypes,
  // Before the Helm tables, which copy it.
  [TIME_ZONES_FILE]: timeZonesFile,
  [HELM_TABLES_FILE]: helmTables,
  ...Object.fromEntries(Object.entries(ruleDocFiles()).map(([file, text]) => [file, () => text])),
};

/** Pages under docs/rules/ that no rule produces any more (a rule removed or renamed). */
function orphanRuleDocs(root: string): string[] {
  const folder = join(root, RULE_DOCS);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((file) => `${RULE_DOCS}/${file}`)
    .filter((file) => !(file in GENERATED_FILES));
}

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
  for (const file of orphanRuleDocs(root)) {
    stale.push(file);
    if (check) {
      lines.push(`${file}: documents no rule (run npm run generate)`);
    } else {
      rmSync(join(root, file));
      lines.push(`${file}: removed`);
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
