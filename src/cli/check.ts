import { readFileSync, writeFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { parse, YAMLParseError } from 'yaml';
import { InputError } from '../files/input-error';
import { walkInputs } from '../files/inputs';
import { type CheckConfig, DEFAULT_CONFIG, deprecationNote, type FailOn, parseConfig, ruleSettingProblem } from '../manifests/config';
import { ruleIdOf } from '../rules/catalogue';
import { checkManifests, failure } from '../manifests/run';
import type { RuleId, Severity } from '../rules/catalogue';
import type { Io } from './program';

/** The options of `check` as commander parses them. */
export interface CheckFlags {
  readonly format: 'text' | 'json' | 'sarif';
  readonly json?: boolean;
  readonly failOn?: FailOn;
  readonly config?: string;
  readonly rule: readonly string[];
  readonly output?: string;
  readonly startupMaxSeconds?: number;
  readonly runMaxSeconds?: number;
  readonly propagationSeconds?: number;
  readonly drainSeconds?: number;
}

function readConfig(file: string | undefined, io: Io): CheckConfig {
  if (file === undefined) return DEFAULT_CONFIG;
  let value: unknown;
  try {
    // YAML 1.2, where `off` is the string it looks like (YAML 1.1 would read it as false).
    value = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const position = error instanceof YAMLParseError ? error.linePos?.[0] : undefined;
    const message =
      error instanceof YAMLParseError ? `invalid YAML: ${error.message.split('\n')[0]}` : `cannot be read: ${(error as Error).message}`;
    throw new InputError([{ file, line: position?.line, column: position?.col, message }]);
  }
  const { config, problems } = parseConfig(value, file);
  if (problems.length > 0) throw new InputError(problems);
  const rules = typeof value === 'object' && value !== null ? (value as { rules?: unknown }).rules : undefined;
  for (const id of typeof rules === 'object' && rules !== null ? Object.keys(rules) : []) {
    const note = deprecationNote(id);
    if (note) io.stderr(`${file}: rules.${id}: ${note}\n`);
  }
  return config;
}

/** `--rule id=severity`, each checked against the catalogue; a wrong one is a usage error. */
function ruleFlags(values: readonly string[], io: Io): Partial<Record<RuleId, Severity | 'off'>> {
  return Object.fromEntries(
    values.map((value) => {
      const [id = '', setting = ''] = value.split('=');
      const problem = ruleSettingProblem(id, setting);
      if (problem) throw new CommanderError(2, 'usage', `error: option '--rule <id=severity>' argument '${value}' is invalid: ${problem}`);
      const note = deprecationNote(id);
      if (note) io.stderr(`hardened-workloads check: --rule ${id}: ${note}\n`);
      return [ruleIdOf(id)!, setting];
    }),
  );
}

/**
 * Writes the report in the chosen format; returns the exit code (0 passed, 1 failed). When the
 * input cannot be read (exit 2), a JSON or SARIF report is still written, holding the problems,
 * so that a CI step that uploads it never fails on a missing file; the error goes to stderr too.
 */
export function runCheck(inputs: readonly string[], flags: CheckFlags, io: Io): number {
  try {
    return checkAndWrite(inputs, flags, io);
  } catch (error) {
    const format = flags.json ? 'json' : flags.format;
    if (error instanceof InputError && format !== 'text') {
      /* eslint-disable @typescript-eslint/no-require-imports -- one formatter is loaded, the one asked for */
      const text =
        format === 'json'
          ? (require('../manifests/formats/json') as typeof import('../manifests/formats/json')).checkJsonError(error.problems)
          : (require('../manifests/formats/sarif') as typeof import('../manifests/formats/sarif')).checkSarifError(error.problems);
      /* eslint-enable @typescript-eslint/no-require-imports */
      if (flags.output === undefined) io.stdout(text);
      else writeFileSync(flags.output, text);
    }
    throw error;
  }
}

function checkAndWrite(inputs: readonly string[], flags: CheckFlags, io: Io): number {
  const base = readConfig(flags.config, io);
  const config: CheckConfig = { ...base, failOn: flags.failOn ?? base.failOn, rules: { ...base.rules, ...ruleFlags(flags.rule, io) } };
  const declared = {
    startupMaxSeconds: flags.startupMaxSeconds,
    runMaxSeconds: flags.runMaxSeconds,
    propagationSeconds: flags.propagationSeconds,
    drainSeconds: flags.drainSeconds,
  };
  const { texts, skipped } = walkInputs(inputs, io.readStdin ?? (() => readFileSync(0, 'utf8')));
  const report = checkManifests(texts, { config, declared, skippedFiles: skipped });
  const format = flags.json ? 'json' : flags.format;
  /* eslint-disable @typescript-eslint/no-require-imports -- one formatter is loaded, the one asked for */
  const text =
    format === 'json'
      ? (require('../manifests/formats/json') as typeof import('../manifests/formats/json')).checkJson(report)
      : format === 'sarif'
        ? (require('../manifests/formats/sarif') as typeof import('../manifests/formats/sarif')).checkSarif(report)
        : (require('../manifests/formats/text') as typeof import('../manifests/formats/text')).checkText(report);
  /* eslint-enable @typescript-eslint/no-require-imports */
  if (flags.output === undefined) io.stdout(text);
  else writeFileSync(flags.output, text);
  const reason = failure(report);
  if (reason === undefined) return 0;
  // The text report ends with the reason; the other formats are for machines, so say it on stderr.
  if (flags.output !== undefined || format !== 'text') io.stderr(`hardened-workloads check: ${reason}\n`);
  return 1;
}
