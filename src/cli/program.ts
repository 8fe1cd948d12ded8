import { writeFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { type DeclarationError, isDeclarationError } from '../declaration/errors';
import type { WorkloadSpec } from '../declaration/schema';
import { InputError } from '../files/input-error';
import type { FailOn } from '../manifests/config';
import { packageInfo } from '../package-info';
import type { AdoptFlags } from './adopt';
import type { CheckFlags } from './check';

/**
 * Exit codes. `synth` and `explain`: 0 success, 1 invalid declaration, 2 wrong usage. `check`, a
 * CI gate: 0 clean, 1 findings at or above the chosen severity (or no workload at all), 2 wrong
 * usage or unreadable input — so that a pipeline can tell "the manifests are unsafe" from "the
 * gate could not run". `adopt` (src/cli/adopt.ts, ADOPT_EXIT): 0 done, 3 a value to confirm, 1 a
 * written declaration that does not synthesize (a bug), 2 wrong usage or unreadable input.
 */
export const EXIT = { ok: 0, invalid: 1, usage: 2, findings: 1, input: 2 } as const;

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, for `check -`. */
  readStdin?(): string;
}

/** Raised by a command to end with a given exit code after printing its own message. */
class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/**
 * Each command loads only what it uses. Synthesis and explanation load cdk8s, the constructs and
 * zod; `check` loads the YAML parser and its rules; `--version` and `--help` load neither —
 * a gate run from a pre-commit hook on every file pays its start-up each time.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const load = {
  declarations: () => require('../files/declarations') as typeof import('../files/declarations'),
  outputFolder: () => require('../files/output-folder') as typeof import('../files/output-folder'),
  synth: () => require('../synth') as typeof import('../synth'),
  resolve: () => require('../declaration/resolve') as typeof import('../declaration/resolve'),
  explain: () => require('../explain/text') as typeof import('../explain/text'),
  svg: () => require('../explain/svg') as typeof import('../explain/svg'),
  timeline: () => require('../explain/timeline') as typeof import('../explain/timeline'),
  check: () => require('./check') as typeof import('./check'),
  rules: () => require('../rules/catalogue') as typeof import('../rules/catalogue'),
  adopt: () => require('./adopt') as typeof import('./adopt'),
  infer: () => require('../adopt/infer') as typeof import('../adopt/infer'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** manifests/config.ts's FAIL_ON, written out so that `--help` does not load check (the type keeps them together). */
const FAIL_ON = ['error', 'warning', 'note', 'undecided', 'never'] satisfies readonly FailOn[];

function wholeSeconds(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of seconds, e.g. 30');
  return Number(value);
}

/** A namespace name is a DNS-1123 label (Kubernetes API conventions, "Namespaces"). */
function namespaceName(value: string): string {
  if (value.length > 63 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value)) {
    throw new InvalidArgumentError(
      'a namespace name is a DNS-1123 label: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit, e.g. shop',
    );
  }
  return value;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Reads declaration files and stops with every problem of every workload when any is invalid. */
function loadValid(files: readonly string[], io: Io): WorkloadSpec[] {
  const declarations = files.flatMap((file) => {
    const found = load.declarations().readDeclarations(file);
    // An empty or comment-only file is a mistake (a wrong path, a lost edit): never succeed on nothing.
    if (found.length === 0) {
      io.stderr(`hardened-workloads: no workload declared in ${file} (the file is empty or holds only comments)\n`);
      throw new Exit(EXIT.invalid);
    }
    return found;
  });
  const errors = load.synth().validateDeclarations(declarations);
  if (errors.length > 0) {
    io.stderr(`${errors.map((error) => error.message).join('\n\n')}\n`);
    throw new Exit(EXIT.invalid);
  }
  return declarations as WorkloadSpec[];
}

export function buildProgram(io: Io): Command {
  const program = new Command('hardened-workloads')
    .description('Derive, explain and check the probes, preStop, grace period, rollout and PodDisruptionBudget of Kubernetes workloads.')
    .version(packageInfo().version)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  program
    .command('synth')
    .description('Synthesize declaration files (YAML or JSON, one or many workloads) to Kubernetes YAML.')
    .argument('<files...>', 'declaration files')
    .option('-o, --output <dir>', 'write one <instance>.k8s.yaml per workload into this folder instead of stdout')
    .option('--prune', 'with --output: remove the .k8s.yaml files of workloads the inputs no longer declare (default: only report them)')
    .option(
      '-n, --namespace <name>',
      "set metadata.namespace on every object, as helm template --namespace does (default: none, kubectl's current namespace)",
      namespaceName,
    )
    .action((files: string[], options: { output?: string; namespace?: string; prune?: boolean }) => {
      if (options.prune && options.output === undefined) {
        throw new CommanderError(EXIT.usage, 'usage', 'error: --prune removes stale files of an --output folder: add --output <dir>');
      }
      const workloads = loadValid(files, io);
      const { synthesizeFiles, synthesizeYaml } = load.synth();
      const synthesis = { namespace: options.namespace };
      if (options.output === undefined) {
        io.stdout(synthesizeYaml(workloads, synthesis));
        return;
      }
      const outputs = synthesizeFiles(workloads, synthesis).map(({ file, yaml }) => ({ file, text: yaml }));
      const result = load.outputFolder().writeOutputFolder(options.output, outputs, { inputs: files, prune: options.prune });
      io.stdout(result.written.map((path) => `${path}\n`).join(''));
      for (const path of result.stale) {
        io.stderr(
          result.pruned
            ? `hardened-workloads: removed ${path}: no workload of the inputs writes it any more\n`
            : `hardened-workloads: ${path} is stale: no workload of the inputs writes it any more (remove it, or run with --prune)\n`,
        );
      }
    });

  program
    .command('explain')
    .description('Explain why every derived number is what it is, with the lifecycle timeline.')
    .argument('<file>', 'declaration file')
    .option('-w, --workload <name>', 'the workload to explain when the file holds several (its instance name)')
    .option('--svg <file>', 'also draw the timeline as an SVG picture into this file')
    .action((file: string, options: { workload?: string; svg?: string }) => {
      const workloads = loadValid([file], io).map((declaration) => load.resolve().resolveWorkload(declaration));
      const chosen = options.workload === undefined ? workloads : workloads.filter((workload) => workload.instance === options.workload);
      if (chosen.length === 0) {
        const names = workloads.map((workload) => workload.instance).join(', ');
        throw new CommanderError(EXIT.usage, 'usage', `error: no workload named "${options.workload}" in ${file} (it has: ${names})`);
      }
      if (options.svg !== undefined && chosen.length > 1) {
        throw new CommanderError(
          EXIT.usage,
          'usage',
          `error: ${file} holds ${chosen.length} workloads; choose one for --svg with --workload`,
        );
      }
      io.stdout(chosen.map((workload) => load.explain().explainText(workload)).join('\n'));
      if (options.svg !== undefined) writeFileSync(options.svg, load.svg().timelineSvg(load.timeline().timeline(chosen[0]!)));
    });

  program
    .command('check')
    .description(
      "Check Kubernetes manifests (ours or anyone's) against the timing invariants, the restricted Pod Security Standard and the hardening defaults. " +
        'Exit 0 clean, 1 findings at or above --fail-on (or no workload found), 2 wrong usage or unreadable input.',
    )
    .argument('<inputs...>', 'manifest files, folders (walked for .yaml, .yml and .json) or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--json', 'the same as --format json')
    .option('-o, --output <file>', 'write the report to this file instead of standard output')
    .addOption(new Option('--fail-on <severity>', 'exit 1 for findings at or above this severity (default: warning)').choices(FAIL_ON))
    .option('-c, --config <file>', 'configuration file (YAML or JSON): failOn, rules, declared times per workload')
    .option('--rule <id=severity>', 'set a rule to error, warning or note, or turn it off with id=off (repeatable)', collect, [])
    .option('--startup-max-seconds <seconds>', 'slowest acceptable start, for workloads that do not declare it', wholeSeconds)
    .option(
      '--run-max-seconds <seconds>',
      "slowest acceptable run of a Job's pod, for Jobs and CronJobs that do not declare it",
      wholeSeconds,
    )
    .option('--propagation-seconds <seconds>', 'time until routers stop sending requests to a terminating pod', wholeSeconds)
    .option('--drain-seconds <seconds>', 'time the application needs after SIGTERM', wholeSeconds)
    .action((inputs: string[], flags: CheckFlags) => {
      const code = load.check().runCheck(inputs, flags, io);
      if (code !== EXIT.ok) throw new Exit(code);
    });

  program
    .command('adopt')
    .description(
      'Bring existing manifests over (any manifests, helm template output included): for each workload, write a declaration with every inferred value ' +
        'commented, and review what changes, each change with the rule that made it. ' +
        'Exit 0 done, 3 a value is marked CONFIRM or ambiguous (unless --accept-inferred), 1 a written declaration does not synthesize (a bug), 2 wrong usage or unreadable input.',
    )
    .argument('<inputs...>', 'manifest files, folders (walked for .yaml, .yml and .json) or - for standard input')
    .option('-w, --workload <name>', 'adopt only this workload (its name, Kind/name or Kind/namespace/name)')
    .option('--service <name>', "when several Services select a workload's pods: the one its declaration's Service replaces")
    .option(
      '-o, --output <dir>',
      'write one <instance>.yaml declaration per workload into this folder (default: print them with the review)',
    )
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--diff', 'also show a unified diff of the YAML, current (a/) against synthesized (b/)')
    .option('--accept-inferred', 'exit 0 even when a value is marked CONFIRM or ambiguous (the declaration keeps the marks)')
    .action((inputs: string[], flags: AdoptFlags) => {
      const code = load.adopt().runAdopt(inputs, flags, io, load.infer(), load.adopt().SYNTHESIZER);
      if (code !== EXIT.ok) throw new Exit(code);
    });

  program
    .command('rules')
    .description('List the rules of check: id, default severity, family and title (docs/rules/<id>.md has each one).')
    .option('--json', 'print the catalogue as JSON')
    .action((options: { json?: boolean }) => {
      const { RULE_IDS, RULES } = load.rules();
      if (options.json) {
        io.stdout(
          `${JSON.stringify(
            RULE_IDS.map((id) => ({ id, ...RULES[id] })),
            null,
            2,
          )}\n`,
        );
        return;
      }
      const width = Math.max(...RULE_IDS.map((id) => id.length));
      io.stdout(RULE_IDS.map((id) => `${id.padEnd(width)}  ${RULES[id].severity.padEnd(7)}  ${RULES[id].title}\n`).join(''));
    });

  return program;
}

/** Runs the CLI and returns its exit code; never lets a stack trace reach the user. */
export function run(argv: readonly string[], io: Io): number {
  const program = buildProgram(io);
  try {
    program.parse(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof Exit) return error.code;
    if (error instanceof InputError) {
      io.stderr(`${error.message}\n`);
      return EXIT.input;
    }
    if (isDeclarationError(error)) {
      io.stderr(`${(error as DeclarationError).message}\n`);
      return EXIT.invalid;
    }
    if (error instanceof CommanderError) {
      // `commander.help` is the help shown for a missing command: a usage error, unlike an asked-for --help.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error.code === 'usage') io.stderr(`${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`hardened-workloads: ${(error as Error).message ?? String(error)}\n`);
    // For `check`, 1 means "findings": a failure to run must not look like one.
    return argv[0] === 'check' ? EXIT.input : EXIT.invalid;
  }
}
