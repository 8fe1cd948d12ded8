import type { DeclaredTimes } from '../invariants/facts';
import { RENAMED_RULES, ruleIdOf, type RuleId, SEVERITIES, type Severity } from '../rules/catalogue';
import type { InputProblem } from '../files/input-error';

/**
 * What a run of `check` applies: which rules at which severity, from which severity it fails, and
 * the declared times of workloads whose manifests cannot show them. Read from a configuration file
 * (YAML or JSON) and flags; see the README, "Use it as a CI gate".
 */
/** `undecided` fails on every finding and on every rule that could not be decided. */
export type FailOn = Severity | 'undecided' | 'never';
export const FAIL_ON: readonly FailOn[] = [...SEVERITIES, 'undecided', 'never'];

export interface DeclaredEntry extends DeclaredTimes {
  /** Entries with a name apply to that object only; entries without, to every workload. */
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
}

export interface CheckConfig {
  readonly failOn: FailOn;
  /** A severity, or `off`, per rule; rules not listed keep the catalogue's severity. */
  readonly rules: Readonly<Partial<Record<RuleId, Severity | 'off'>>>;
  readonly declared: readonly DeclaredEntry[];
  /** The configuration file, for problems found once the input is read (an entry naming no workload). */
  readonly file?: string;
}

export const DEFAULT_CONFIG: CheckConfig = { failOn: 'warning', rules: {}, declared: [] };

const TIME_KEYS = ['startupMaxSeconds', 'runMaxSeconds', 'propagationSeconds', 'drainSeconds'] as const;
const MATCH_KEYS = ['kind', 'name', 'namespace'] as const;

/** Validates a parsed configuration file; every problem names its key. */
export function parseConfig(value: unknown, file: string): { config: CheckConfig; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const problem = (message: string) => problems.push({ file, message });
  if (value === null || value === undefined) return { config: DEFAULT_CONFIG, problems };
  if (!isMapping(value)) {
    problem('the configuration must be a mapping with failOn, rules and declared');
    return { config: DEFAULT_CONFIG, problems };
  }
  for (const key of Object.keys(value).filter((key) => !['failOn', 'rules', 'declared'].includes(key))) {
    problem(`${key}: unknown setting (known: failOn, rules, declared)`);
  }
  const failOn = value.failOn ?? DEFAULT_CONFIG.failOn;
  if (!FAIL_ON.includes(failOn as FailOn)) problem(`failOn: ${JSON.stringify(failOn)} must be one of ${FAIL_ON.join(', ')}`);

  const rules: Partial<Record<RuleId, Severity | 'off'>> = {};
  const ruleSettings = value.rules ?? {};
  if (!isMapping(ruleSettings)) problem('rules: must map rule ids to a severity or off');
  else {
    for (const [id, setting] of Object.entries(ruleSettings)) {
      const error = ruleSettingProblem(id, setting);
      if (error) problem(`rules.${id}: ${error}`);
      // A renamed id (RENAMED_RULES) sets the rule that replaced it.
      else rules[ruleIdOf(id)!] = setting as Severity | 'off';
    }
  }

  const declared: DeclaredEntry[] = [];
  const entries = value.declared ?? [];
  if (!Array.isArray(entries)) problem('declared: must be a list of entries');
  else {
    entries.forEach((entry: unknown, index) => {
      const where = `declared[${index}]`;
      if (!isMapping(entry)) return void problem(`${where}: must be a mapping`);
      for (const [key, field] of Object.entries(entry)) {
        if ((TIME_KEYS as readonly string[]).includes(key)) {
          if (!Number.isInteger(field) || (field as number) < 0)
            problem(`${where}.${key}: ${JSON.stringify(field)} must be a whole number of seconds`);
        } else if ((MATCH_KEYS as readonly string[]).includes(key)) {
          if (typeof field !== 'string') problem(`${where}.${key}: must be a string`);
        } else {
          problem(`${where}.${key}: unknown key (known: ${[...MATCH_KEYS, ...TIME_KEYS].join(', ')})`);
        }
      }
      if (entry.name === undefined && (entry.kind !== undefined || entry.namespace !== undefined)) {
        problem(`${where}: kind and namespace only narrow an entry with a name`);
      }
      declared.push(entry as DeclaredEntry);
    });
  }
  return { config: { failOn: failOn as FailOn, rules, declared, file }, problems };
}

/** The note for a renamed id (RENAMED_RULES), which still works; undefined for a current id. */
export function deprecationNote(id: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(RENAMED_RULES, id)) return undefined;
  const { replacedBy, why } = RENAMED_RULES[id]!;
  return `${id} is now called ${replacedBy} (${why}); the old id still works, but write ${replacedBy}`;
}

/** Why `id: setting` is not a valid rule setting, or undefined when it is. */
export function ruleSettingProblem(id: string, setting: unknown): string | undefined {
  if (ruleIdOf(id) === undefined) return 'unknown rule id (`hardened-workloads rules` lists them)';
  if (setting !== 'off' && !(SEVERITIES as readonly unknown[]).includes(setting)) {
    return `${JSON.stringify(setting)} must be one of ${[...SEVERITIES, 'off'].join(', ')}`;
  }
  return undefined;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The times an entry or annotation gives; the other containers' times come from our annotation only. */
const defined = (times: DeclaredTimes): DeclaredTimes => ({
  ...Object.fromEntries(TIME_KEYS.filter((key) => times[key] !== undefined).map((key) => [key, times[key]])),
  ...(times.containers ? { containers: times.containers } : {}),
});

/** What general times (flags, entries without a name) say about a workload that serves no traffic: only how long a run takes. */
const forNonServing = (times: DeclaredTimes): DeclaredTimes =>
  times.runMaxSeconds === undefined ? {} : { runMaxSeconds: times.runMaxSeconds };

/**
 * The declared times of one workload, from the least to the most specific: entries without a
 * name and the flags, then the object's own annotation, then entries naming it. Entries without a
 * name and the flags describe the serving workloads (those a Service sends traffic to) and Jobs:
 * a metrics exporter or an agent is not held to the drain, propagation and start of the application.
 */
export function declaredFor(
  object: { kind: string; name: string; namespace?: string },
  config: CheckConfig,
  flags: DeclaredTimes,
  annotated: DeclaredTimes,
  serving = true,
): DeclaredTimes {
  const scope = serving ? defined : (times: DeclaredTimes) => forNonServing(defined(times));
  const general = config.declared.filter((entry) => entry.name === undefined);
  const specific = config.declared.filter((entry) => names(entry, object));
  return Object.assign({}, ...general.map(scope), scope(flags), defined(annotated), ...specific.map(defined));
}

/** Whether an entry with a name names this object. */
function names(entry: DeclaredEntry, object: { kind: string; name: string; namespace?: string }): boolean {
  return (
    entry.name === object.name &&
    (entry.kind === undefined || entry.kind === object.kind) &&
    (entry.namespace === undefined || entry.namespace === (object.namespace ?? ''))
  );
}

/**
 * Entries that name no workload of the input: an error, since a misspelt name would otherwise
 * leave the times it declares unapplied and the rules that need them decided without them.
 */
export function unmatchedEntries(
  config: CheckConfig,
  objects: ReadonlyArray<{ kind: string; name: string; namespace?: string }>,
): InputProblem[] {
  return config.declared.flatMap((entry, index) => {
    if (entry.name === undefined || objects.some((object) => names(entry, object))) return [];
    const what = [entry.kind, entry.namespace, entry.name].filter((part) => part !== undefined).join('/');
    return [
      {
        file: config.file ?? 'the configuration',
        message: `declared[${index}]: names ${what}, which is no workload of the input; correct kind, namespace or name, or remove the entry`,
      },
    ];
  });
}
