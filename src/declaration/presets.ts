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

/**
 * The declaration with its preset's values filled in where the declaration is silent; whatever
 * the declaration says wins.
 */
export function applyPreset(spec: ParsedSpec): { spec: EffectiveSpec; effect?: PresetEffect } {
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
  const declared = new Set(Array.isArray(spec.env) ? spec.env.map((entry) => entry.name) : Object.keys(spec.env));
  const filled: Record<string, string> = {};
  for (const name of Object.keys(presetEnvironment).sort()) {
    if (declared.has(name)) continue;
    fields.push(`env.${name}`);
    filled[name] = presetEnvironment[name]!;
  }
  // A list keeps the declared entries where they are (problems name them by index); the preset's follow.
  const env: ParsedSpec['env'] = Array.isArray(spec.env)
    ? [...spec.env, ...Object.entries(filled).map(([name, value]) => ({ name, value }))]
    : { ...spec.env, ...filled };
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
  };
}
