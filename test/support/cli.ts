import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** The built bin, exactly as npm installs it (`npm test` builds before running jest). */
export const CLI = join(ROOT, 'lib', 'cli', 'main.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bin as a child process; `input` is its standard input. */
export function cli(args: readonly string[], cwd = ROOT, input?: string): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Aliases that expand six short lines into a million nodes: the YAML library refuses to build them. */
export const ALIAS_BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x, x]',
  ...'bcdef'.split('').map((name, index) => `${name}: &${name} [${Array(10).fill(`*${'abcdef'[index]}`).join(', ')}]`),
].join('\n');
