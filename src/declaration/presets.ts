import type { Problem } from './errors';
import type { ParsedSpec, ProbeTarget } from './schema';

/**
 * Framework presets: sensible probe latency and health paths for common stacks, and the
 * framework's own graceful-shutdown deadline set from `drainSeconds`, so that the application stops
 * waiting for requests when Kubernetes expects it to (invariant 7 in docs/derivation.md).
 *
 * Only settings the framework documents are used; each is cited. Where a framework documents no
 * environment variable or flag for its shutdown deadline, the preset sets none and README.md says
 * how to configure it in code instead.
 */
export const PRESET_NAMES = ['spring-boot', 'uvicorn', 'gunicorn', 'phoenix-bandit', 'nodejs'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Probe latency when neither the declaration nor a preset gives one, in milliseconds. */
export const DEFAULT_PROBE_LATENCY_MS = 500;

export interface Preset {
  /** p99 latency of the health endpoints at peak load typical for the stack, in milliseconds. */
  readonly probeLatencyMs: number;
  readonly readiness?: ProbeTarget;
  readonly liveness?: ProbeTarget;
  /** Environment variables that set the framework's shutdown deadline (and what enables it). */
  shutdownEnvironment(drainSeconds: number): Record<string, string>;
  /**
   * Variables that hold command-line flags, by variable: the preset's flag is appended to a value
   * the declaration gives (any other variable the declaration sets must equal the preset's value).
   */
  readonly flags?: Readonly<Record<string, string>>;
}

export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  // Spring Boot reference, "Kubernetes Probes" (actuator): the liveness and readiness health groups
  // at /actuator/health/{liveness,readiness}, enabled by management.endpoint.health.probes.enabled.
  // "Graceful Shutdown": server.shutdown=graceful and spring.lifecycle.timeout-per-shutdown-phase.
  // "Binding From Environment Variables": dots become underscores, dashes are dropped, upper case.
  'spring-boot': {
    probeLatencyMs: 1000,
    readiness: { path: '/actuator/health/readiness' },
    liveness: { path: '/actuator/health/liveness' },
    shutdownEnvironment: (drainSeconds) => ({
      MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED: 'true',
      SERVER_SHUTDOWN: 'graceful',
      SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE: `${drainSeconds}s`,
    }),
  },
  // uvicorn settings (uvicorn.org/settings): "--timeout-graceful-shutdown <int>", and every option
  // can be set through an environment variable with the prefix UVICORN_.
  uvicorn: {
    probeLatencyMs: 300,
    shutdownEnvironment: (drainSeconds) => ({ UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN: String(drainSeconds) }),
  },
  // gunicorn settings: "--graceful-timeout INT" (time workers get to finish requests after a
  // restart or stop signal), and "GUNICORN_CMD_ARGS" for settings from the environment.
  gunicorn: {
    probeLatencyMs: 500,
    shutdownEnvironment: (drainSeconds) => ({ GUNICORN_CMD_ARGS: `--graceful-timeout ${drainSeconds}` }),
    flags: { GUNICORN_CMD_ARGS: '--graceful-timeout' },
  },
  // Bandit's shutdown deadline is ThousandIsland's `shutdown_timeout` option, set in the
  // endpoint's Elixir config; no environment variable is documented. The latency reflects the
  // slow health endpoint under websocket reconnect storms in the seeds' Bandit case.
  'phoenix-bandit': {
    probeLatencyMs: 1000,
    shutdownEnvironment: () => ({}),
  },
  // Node.js documents no setting for an HTTP server's shutdown deadline: the application calls
  // server.close() on SIGTERM and sets its own timer.
  nodejs: {
    probeLatencyMs: 300,
    shutdownEnvironment: () => ({}),
  },
};

/** What a preset filled in, for explanations. */
export interface PresetEffect {
  readonly preset: PresetName;
  readonly fields: readonly string[];
}

export type EffectiveSpec = Omit<ParsedSpec, 'probeLatencyMs'> & { readonly probeLatencyMs: number };

type EnvValue = ParsedSpec['env'] extends Record<string, infer V> | Array<infer _> ? V : never;

/**
 * A variable the declaration sets that the preset sets too (issue: the preset's value was
 * dropped). A variable of flags gets the preset's flag appended, unless the declaration gives the
 * flag itself, with the same value; any other variable must have the preset's value. Returns the
 * merged value, or a problem. Mirrored by `hw.presetMerge` in templates/_spec.tpl.
 */
export function mergePresetVariable(
  preset: PresetName,
  name: string,
  declared: unknown,
  wanted: string,
  path: string,
  drainSeconds: number,
): { value: string } | { problem: Problem } {
  const flag = PRESETS[preset].flags?.[name];
  const written = typeof declared === 'string' ? declared : (declared as { value?: unknown }).value;
  if (typeof written !== 'string') {
    const [form] = Object.keys(declared as object).filter((key) => key !== 'name');
    return {
      problem: {
        path,
        value: declared,
        rule: `the ${preset} preset sets ${name} (${wanted}) for its graceful shutdown after drainSeconds (${drainSeconds}), and a value from ${form} cannot be merged with it`,
        fix: `write ${name} out as a value, or leave it out so that the preset sets it`,
      },
    };
  }
  if (flag === undefined) {
    if (written === wanted) return { value: written };
    return {
      problem: {
        path,
        value: written,
        rule: `the ${preset} preset sets ${name} to ${wanted} for its graceful shutdown after drainSeconds (${drainSeconds}); another value makes the application stop at another time than the grace period assumes`,
        fix: `leave ${name} out so that the preset sets it, or set it to ${wanted}`,
      },
    };
  }
  // `--flag value` or `--flag=value`, anywhere among the arguments (ASCII blanks, as Go's \s in the Helm face).
  const given = [...written.matchAll(new RegExp(`(?:^|[\\t\\n\\f\\r ])${flag}(?:=|[\\t\\n\\f\\r ]+)([^\\t\\n\\f\\r ]+)`, 'g'))].map(
    (match) => match[1]!,
  );
  const value = wanted.slice(flag.length + 1);
  const contrary = given.find((each) => each !== value);
  if (contrary !== undefined) {
    return {
      problem: {
        path,
        value: written,
        rule: `${name} sets ${flag} ${contrary}, but the ${preset} preset sets ${flag} ${value} from drainSeconds (${drainSeconds}): the application would stop waiting for requests at another time than the grace period assumes`,
        fix: `remove ${flag} ${contrary} from ${name} (the preset appends ${wanted}), or set drainSeconds to match`,
      },
    };
  }
  return { value: given.length > 0 ? written : written === '' ? wanted : `${written} ${wanted}` };
}

/**
 * The declaration with its preset's values filled in where the declaration is silent; whatever
 * the declaration says wins, but for the variables of the framework's graceful shutdown, which are
 * merged (mergePresetVariable): a contradiction is one of the problems returned.
 */
export function applyPreset(spec: ParsedSpec): { spec: EffectiveSpec; effect?: PresetEffect; problems?: readonly Problem[] } {
  if (spec.preset === undefined) return { spec: { ...spec, probeLatencyMs: spec.probeLatencyMs ?? DEFAULT_PROBE_LATENCY_MS } };
  const preset = PRESETS[spec.preset];
  const fields: string[] = [];
  const fill = <T>(field: string, declared: T | undefined, fromPreset: T | undefined): T | undefined => {
    if (declared !== undefined || fromPreset === undefined) return declared;
    fields.push(field);
    return fromPreset;
  };
  const readiness = fill('health.readiness', spec.health.readiness, preset.readiness);
  const liveness = fill('health.liveness', spec.health.liveness, preset.liveness);
  const probeLatencyMs = fill('probeLatencyMs', spec.probeLatencyMs, preset.probeLatencyMs)!;
  const presetEnvironment = preset.shutdownEnvironment(spec.drainSeconds);
  const list = Array.isArray(spec.env) ? [...spec.env] : undefined;
  const map: Record<string, EnvValue> = list ? {} : { ...(spec.env as Record<string, EnvValue>) };
  const filled: Record<string, string> = {};
  const problems: Problem[] = [];
  for (const name of Object.keys(presetEnvironment).sort()) {
    const index = list ? list.findIndex((entry) => entry.name === name) : -1;
    const declared = list ? list[index] : map[name];
    if (declared === undefined) {
      fields.push(`env.${name}`);
      filled[name] = presetEnvironment[name]!;
      continue;
    }
    const path = list ? `env[${index}]` : `env.${name}`;
    const merged = mergePresetVariable(spec.preset, name, declared, presetEnvironment[name]!, path, spec.drainSeconds);
    if ('problem' in merged) {
      problems.push(merged.problem);
      continue;
    }
    // Appended to: the preset filled in part of it.
    if (merged.value !== (typeof declared === 'string' ? declared : (declared as { value?: string }).value)) fields.push(`env.${name}`);
    if (list) list[index] = { name, value: merged.value };
    else map[name] = merged.value;
  }
  // A list keeps the declared entries where they are (problems name them by index); the preset's follow.
  const env: ParsedSpec['env'] = list
    ? [...list, ...Object.entries(filled).map(([name, value]) => ({ name, value }))]
    : { ...map, ...filled };
  return {
    spec: {
      ...spec,
      probeLatencyMs,
      env,
      health: {
        ...spec.health,
        ...(readiness !== undefined ? { readiness } : {}),
        ...(liveness !== undefined ? { liveness } : {}),
      },
    },
    effect: { preset: spec.preset, fields },
    ...(problems.length > 0 ? { problems } : {}),
  };
}
