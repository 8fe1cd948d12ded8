import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The SARIF multitool's `validate` (Microsoft's reference validator, a Linux binary shipped in the
 * npm package @microsoft/sarif-multitool-linux): the SARIF 2.1.0 JSON schema plus its rules, and
 * with `--rule-kind Gh` the rules GitHub code scanning applies to uploads. Returns every error and
 * warning it reports, as `ruleId: message` lines.
 */
export function sarifValidationProblems(log: string): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'hardened-sarif-'));
  const input = join(folder, 'check.sarif');
  const output = join(folder, 'validation.sarif');
  writeFileSync(input, log);
  const multitool = require('@microsoft/sarif-multitool') as string; // eslint-disable-line @typescript-eslint/no-require-imports
  const run = spawnSync(multitool, ['validate', input, '--rule-kind', 'Gh;Sarif', '--output', output, '--log', 'ForceOverwrite'], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the SARIF multitool failed (${run.status}): ${run.stdout}${run.stderr}`);
  const validation = JSON.parse(readFileSync(output, 'utf8')) as {
    runs: Array<{ results?: Array<{ ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] } }> }>;
  };
  return (validation.runs[0]!.results ?? [])
    .filter((result) => result.level === 'error' || result.level === 'warning' || result.level === undefined)
    .map((result) => `${result.ruleId}: ${result.message.text ?? `${result.message.id} ${JSON.stringify(result.message.arguments)}`}`);
}
