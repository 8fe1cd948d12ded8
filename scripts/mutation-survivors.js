#!/usr/bin/env node
/**
 * The surviving mutants of a Stryker JSON report (MUTATION.md), one a line, per file:
 *
 *   node scripts/mutation-survivors.js [report.json] [path prefix ...]
 *
 * prints `file:line:column mutator status original → replacement` for every mutant that is
 * Survived or NoCoverage (a Timeout counts as killed, as Stryker counts it), then each file's counts
 * and the totals with the two scores Stryker reports: the mutation score (killed + timeout over all
 * valid mutants) and the score of covered code (the same over the mutants some test reached).
 * The report follows the mutation-testing-report schema
 * (https://github.com/stryker-mutator/mutation-testing-elements/tree/master/packages/report-schema).
 * Default report: reports/mutation/mutation.json; prefixes narrow the files (e.g. src/timing/cron.ts).
 */
const fs = require('node:fs');

const [reportPath = 'reports/mutation/mutation.json', ...prefixes] = process.argv.slice(2);
const report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));

const UNDETECTED = new Set(['Survived', 'NoCoverage']);
/** Not counted by Stryker's scores: the mutant did not compile or run, or was ignored. */
const INVALID = new Set(['CompileError', 'RuntimeError', 'Ignored', 'Pending']);

/** The text a location spans in a file's source (lines and columns are 1-based; end is exclusive). */
function original(source, { start, end }) {
  const lines = source.split('\n');
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  return [
    lines[start.line - 1].slice(start.column - 1),
    ...lines.slice(start.line, end.line - 1),
    lines[end.line - 1].slice(0, end.column - 1),
  ].join('\n');
}

/** One line: long or multi-line texts are shortened so that every mutant stays on one line. */
function oneLine(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, 87)}...` : flat;
}

const score = (detected, total) => (total === 0 ? 'n/a' : `${((100 * detected) / total).toFixed(2)} %`);

const totals = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, invalid: 0 };
const files = Object.keys(report.files)
  .filter((file) => prefixes.length === 0 || prefixes.some((prefix) => file.startsWith(prefix)))
  .sort();
for (const file of files) {
  const { source, mutants } = report.files[file];
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, invalid: 0 };
  const undetected = [];
  for (const mutant of mutants) {
    if (INVALID.has(mutant.status)) counts.invalid += 1;
    else counts[mutant.status] += 1;
    if (UNDETECTED.has(mutant.status)) undetected.push(mutant);
  }
  undetected.sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);
  console.log(`\n${file}`);
  for (const mutant of undetected) {
    const { line, column } = mutant.location.start;
    const replacement = mutant.replacement ?? '';
    console.log(
      `  ${file}:${line}:${column} ${mutant.mutatorName} ${mutant.status} ${oneLine(original(source, mutant.location))} → ${oneLine(replacement)}`,
    );
  }
  const detected = counts.Killed + counts.Timeout;
  console.log(
    `  ${mutants.length} mutants: ${counts.Killed} killed, ${counts.Timeout} timeout, ${counts.Survived} survived, ${counts.NoCoverage} no coverage, ${counts.invalid} invalid; score ${score(detected, detected + counts.Survived + counts.NoCoverage)}, covered ${score(detected, detected + counts.Survived)}`,
  );
  for (const key of Object.keys(totals)) totals[key] += counts[key];
}
const detected = totals.Killed + totals.Timeout;
console.log(
  `\nall ${files.length} files: ${totals.Killed} killed, ${totals.Timeout} timeout, ${totals.Survived} survived, ${totals.NoCoverage} no coverage, ${totals.invalid} invalid; mutation score ${score(detected, detected + totals.Survived + totals.NoCoverage)}, score of covered code ${score(detected, detected + totals.Survived)}`,
);
