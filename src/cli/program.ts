import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { DeclarationError, isDeclarationError } from '../declaration/errors';
import { resolveWorkload } from '../declaration/resolve';
import type { WorkloadSpec } from '../declaration/schema';
import { timelineSvg } from '../explain/svg';
import { explainText } from '../explain/text';
import { timeline } from '../explain/timeline';
import { readDeclarations } from '../files/declarations';
import { readManifests } from '../files/manifests';
import { checkManifests, checkText, failed } from '../manifests/check';
import { synthesizeFiles, synthesizeYaml, validateDeclarations } from '../synth';

/** Exit codes: 0 success, 1 invalid input or failed check, 2 wrong usage. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Raised by a command to end with a given exit code after printing its own message. */
class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function wholeSeconds(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of seconds, e.g. 30');
  return Number(value);
}

function packageVersion(): string {
  // Two levels up from both src/cli and lib/cli.
  return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** Reads declaration files and stops with every problem of every workload when any is invalid. */
function loadValid(files: readonly string[], io: Io): WorkloadSpec[] {
  const declarations = files.flatMap((file) => {
    const found = readDeclarations(file);
    // An empty or comment-only file is a mistake (a wrong path, a lost edit): never succeed on nothing.
    if (found.length === 0) {
      io.stderr(`hardened-workloads: no workload declared in ${file} (the file is empty or holds only comments)\n`);
      throw new Exit(EXIT.invalid);
    }
    return found;
  });
  const errors = validateDeclarations(declarations);
  if (errors.length > 0) {
    io.stderr(`${errors.map((error) => error.message).join('\n\n')}\n`);
    throw new Exit(EXIT.invalid);
  }
  return declarations as WorkloadSpec[];
}

export function buildProgram(io: Io): Command {
  const program = new Command('hardened-workloads')
    .description('Derive, explain and check the probes, preStop, grace period, rollout and PodDisruptionBudget of Kubernetes workloads.')
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  program
    .command('synth')
    .description('Synthesize declaration files (YAML or JSON, one or many workloads) to Kubernetes YAML.')
    .argument('<files...>', 'declaration files')
    .option('-o, --output <dir>', 'write one <instance>.k8s.yaml per workload into this folder instead of stdout')
    .action((files: string[], options: { output?: string }) => {
      const workloads = loadValid(files, io);
      if (options.output === undefined) {
        io.stdout(synthesizeYaml(workloads));
        return;
      }
      mkdirSync(options.output, { recursive: true });
      for (const { file, yaml } of synthesizeFiles(workloads)) {
        writeFileSync(join(options.output, file), yaml);
        io.stdout(`${join(options.output, file)}\n`);
      }
    });

  program
    .command('explain')
    .description('Explain why every derived number is what it is, with the lifecycle timeline.')
    .argument('<file>', 'declaration file')
    .option('-w, --workload <name>', 'the workload to explain when the file holds several (its instance name)')
    .option('--svg <file>', 'also draw the timeline as an SVG picture into this file')
    .action((file: string, options: { workload?: string; svg?: string }) => {
      const workloads = loadValid([file], io).map((declaration) => resolveWorkload(declaration));
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
      io.stdout(chosen.map((workload) => explainText(workload)).join('\n'));
      if (options.svg !== undefined) writeFileSync(options.svg, timelineSvg(timeline(chosen[0]!)));
    });

  program
    .command('check')
    .description("Check Kubernetes manifests (ours or anyone's) against the invariants and the restricted Pod Security Standard.")
    .argument('<manifests...>', 'YAML or JSON manifest files')
    .option('--startup-max-seconds <seconds>', 'slowest acceptable start, when the manifests do not say', wholeSeconds)
    .option('--propagation-seconds <seconds>', 'time until routers stop sending requests to a terminating pod', wholeSeconds)
    .option('--drain-seconds <seconds>', 'time the application needs after SIGTERM', wholeSeconds)
    .option('--json', 'print the results as JSON')
    .action(
      (files: string[], options: { startupMaxSeconds?: number; propagationSeconds?: number; drainSeconds?: number; json?: boolean }) => {
        const objects = files.flatMap((file) => readManifests(file));
        const checks = checkManifests(objects, {
          startupMaxSeconds: options.startupMaxSeconds,
          propagationSeconds: options.propagationSeconds,
          drainSeconds: options.drainSeconds,
        });
        io.stdout(options.json ? `${JSON.stringify(checks, null, 2)}\n` : checkText(checks));
        if (checks.some(failed)) throw new Exit(EXIT.invalid);
      },
    );

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
    return EXIT.invalid;
  }
}
