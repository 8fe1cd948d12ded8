import type { Node } from '../../manifests/objects';

/** A framework's own shutdown deadline, read from the container's environment or command line. */
export interface FrameworkDrain {
  readonly framework: 'spring-boot' | 'gunicorn' | 'uvicorn';
  readonly seconds: number;
  /** The setting, as written, e.g. `GUNICORN_CMD_ARGS="--graceful-timeout 30"`. */
  readonly setting: string;
  /** The env variables that say it, which the framework's preset writes itself from drainSeconds. */
  readonly variables: readonly string[];
}

/** A flag's value in a list of words: `--flag 30` or `--flag=30`. */
function flagValue(words: readonly string[], flag: string): string | undefined {
  for (const [index, word] of words.entries()) {
    if (word === flag) return words[index + 1];
    if (word.startsWith(`${flag}=`)) return word.slice(flag.length + 1);
  }
  return undefined;
}

const wholeSeconds = (text: string | undefined) => (text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);

/**
 * Spring's Duration format: `20s`, `1m`, `500ms`; a bare number is milliseconds. Rounded up to
 * whole seconds.
 * https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.typesafe-configuration-properties.conversion.durations
 */
function springSeconds(text: string): number | undefined {
  const match = /^\s*(\d+)\s*(ms|s|m|h)?\s*$/.exec(text);
  if (!match) return undefined;
  const factor = { ms: 0.001, s: 1, m: 60, h: 3600 }[match[2] ?? 'ms']!;
  return Math.ceil(Number(match[1]) * factor);
}

/** A container's literal env values, by name (values from Secrets or ConfigMaps cannot be read here). */
function literalEnv(container: Node): Map<string, string> {
  return new Map(
    ((container.env as Node[] | undefined) ?? [])
      .filter((entry) => entry.valueFrom === undefined)
      .map((entry) => [String(entry.name), String(entry.value ?? '')]),
  );
}

/**
 * The application's drain deadline where a framework documents a setting for it:
 * - Spring Boot: `server.shutdown=graceful` with `spring.lifecycle.timeout-per-shutdown-phase`
 *   (default 30s), from the environment through relaxed binding (SERVER_SHUTDOWN,
 *   SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE or SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE).
 *   https://docs.spring.io/spring-boot/reference/web/graceful-shutdown.html,
 *   https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.typesafe-configuration-properties.relaxed-binding.environment-variables
 * - gunicorn: `--graceful-timeout INT` on the command line or in GUNICORN_CMD_ARGS.
 *   https://docs.gunicorn.org/en/stable/settings.html#graceful-timeout
 * - uvicorn: `--timeout-graceful-shutdown INT` on the command line or UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN
 *   (every option reads UVICORN_<OPTION>). https://www.uvicorn.org/settings/#timeouts
 */
export function frameworkDrain(container: Node): FrameworkDrain | undefined {
  const env = literalEnv(container);
  const words = [...((container.command as unknown[] | undefined) ?? []), ...((container.args as unknown[] | undefined) ?? [])].map(String);

  if ((env.get('SERVER_SHUTDOWN') ?? '').toLowerCase() === 'graceful') {
    const variable = ['SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE', 'SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE'].find((name) =>
      env.has(name),
    );
    const seconds = variable === undefined ? 30 : springSeconds(env.get(variable)!);
    if (seconds !== undefined) {
      return {
        framework: 'spring-boot',
        seconds,
        setting:
          variable === undefined
            ? 'SERVER_SHUTDOWN=graceful (Spring Boot waits 30 s per shutdown phase by default)'
            : `SERVER_SHUTDOWN=graceful and ${variable}=${env.get(variable)}`,
        variables: ['SERVER_SHUTDOWN', ...(variable ? [variable] : [])],
      };
    }
  }
  const gunicornFlag = wholeSeconds(flagValue(words, '--graceful-timeout'));
  if (gunicornFlag !== undefined)
    return {
      framework: 'gunicorn',
      seconds: gunicornFlag,
      setting: `--graceful-timeout ${gunicornFlag} in the command line`,
      variables: [],
    };
  const gunicornEnv = env.get('GUNICORN_CMD_ARGS');
  const gunicornEnvFlag =
    gunicornEnv === undefined ? undefined : wholeSeconds(flagValue(gunicornEnv.trim().split(/\s+/), '--graceful-timeout'));
  if (gunicornEnvFlag !== undefined) {
    return {
      framework: 'gunicorn',
      seconds: gunicornEnvFlag,
      setting: `GUNICORN_CMD_ARGS="${gunicornEnv}"`,
      variables: ['GUNICORN_CMD_ARGS'],
    };
  }
  const uvicornFlag = wholeSeconds(flagValue(words, '--timeout-graceful-shutdown'));
  if (uvicornFlag !== undefined)
    return {
      framework: 'uvicorn',
      seconds: uvicornFlag,
      setting: `--timeout-graceful-shutdown ${uvicornFlag} in the command line`,
      variables: [],
    };
  const uvicornEnv = wholeSeconds(env.get('UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN'));
  if (uvicornEnv !== undefined) {
    return {
      framework: 'uvicorn',
      seconds: uvicornEnv,
      setting: `UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN=${uvicornEnv}`,
      variables: ['UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN'],
    };
  }
  return undefined;
}
