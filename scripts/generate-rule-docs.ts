/**
 * Writes docs/rules/<id>.md and docs/rules/README.md from the rule catalogue, or with `--check`
 * exits 1 naming every page that differs (for CI). `npm run rule-docs [-- --check]`.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleDocFiles } from '../src/rules/docs';

const ROOT = join(__dirname, '..');
const FOLDER = join(ROOT, 'docs', 'rules');
const expected = ruleDocFiles();
mkdirSync(FOLDER, { recursive: true });
const present = readdirSync(FOLDER).map((file) => `docs/rules/${file}`);
const read = (path: string) => {
  try {
    return readFileSync(join(ROOT, path), 'utf8');
  } catch {
    return undefined;
  }
};
const stale = Object.keys(expected).filter((path) => read(path) !== expected[path]);
const extra = present.filter((path) => !(path in expected));

if (process.argv.includes('--check')) {
  for (const path of stale) process.stderr.write(`${path} differs from the catalogue\n`);
  for (const path of extra) process.stderr.write(`${path} documents no rule\n`);
  if (stale.length + extra.length > 0) {
    process.stderr.write('run `npm run rule-docs` to regenerate docs/rules\n');
    process.exit(1);
  }
  process.stdout.write(`docs/rules: ${Object.keys(expected).length} pages up to date\n`);
} else {
  for (const path of extra) rmSync(join(ROOT, path));
  for (const path of stale) writeFileSync(join(ROOT, path), expected[path]!);
  process.stdout.write(`docs/rules: wrote ${stale.length} page(s), removed ${extra.length}, ${Object.keys(expected).length} in all\n`);
}
