import { divisorsFor, referencedNames, SERVICE_VARIABLE } from '../env';
import type { Problem } from '../errors';
import type { ParsedSpec } from '../schema';
import type { EnvEntry } from '../workload-spec';

/** What one container declares about its environment, whatever its role. */
export interface ContainerEnvironment {
  readonly env: ParsedSpec['env'];
  readonly envFrom?: ParsedSpec['envFrom'];
}

interface Located {
  readonly entry: EnvEntry;
  /** Where the entry is written: `env.NAME` (a map) or `env[2]` (a list). */
  readonly at: string;
  /** Where its written-out value is: `env.NAME` for a plain string, else `<at>.value`. */
  readonly valueAt: string;
}

function located(env: ParsedSpec['env'], path: string): Located[] {
  if (Array.isArray(env)) return env.map((entry, index) => ({ entry, at: `${path}[${index}]`, valueAt: `${path}[${index}].value` }));
  // A map is set in name order (Helm ranges over maps in key order).
  return Object.keys(env)
    .sort()
    .map((name) => {
      const value = env[name]!;
      return typeof value === 'string'
        ? { entry: { name, value }, at: `${path}.${name}`, valueAt: `${path}.${name}` }
        : { entry: { name, ...value } as EnvEntry, at: `${path}.${name}`, valueAt: `${path}.${name}.value` };
    });
}

const serviceVariable = new RegExp(SERVICE_VARIABLE);

/**
 * The container's variables in the order Kubernetes sets them, with the problems of their
 * relations: a name given twice, a `$(NAME)` that Kubernetes would not expand (it expands only
 * variables set earlier — from envFrom, earlier entries, or the Services of the namespace — and
 * leaves any other reference as text), a divisor that does not fit the resource. `path` is where
 * the container's env is written (`env`, or `initContainers[0].env`).
 */
export function resolveEnv(container: ContainerEnvironment, path: string, problems: Problem[]): EnvEntry[] {
  const entries = located(container.env, path);
  const firstAt = new Map<string, number>();
  entries.forEach(({ entry, at }, index) => {
    const first = firstAt.get(entry.name);
    if (first === undefined) {
      firstAt.set(entry.name, index);
      return;
    }
    problems.push({
      path: `${at}.name`,
      value: entry.name,
      rule: `${entry.name} is already set by ${entries[first]!.at}; Kubernetes would keep only one of the two`,
      fix: 'remove one of them, or rename it',
    });
  });

  const mapForm = !Array.isArray(container.env);
  const hasEnvFrom = (container.envFrom?.length ?? 0) > 0;
  entries.forEach(({ entry, valueAt }, index) => {
    if (entry.value !== undefined) {
      for (const name of new Set(referencedNames(entry.value))) {
        const problem = referenceProblem(name, entry.name, index, firstAt.get(name), mapForm, hasEnvFrom);
        if (problem) problems.push({ path: valueAt, value: entry.value, ...problem });
      }
    }
    const { resource } = entry;
    if (resource?.divisor !== undefined && !divisorsFor(resource.field).includes(resource.divisor)) {
      const allowed = divisorsFor(resource.field);
      problems.push({
        path: `${entries[index]!.at}.resource.divisor`,
        value: resource.divisor,
        rule: `${resource.field} can only be divided by ${allowed.join(', ')}`,
        fix: `use one of ${allowed.join(', ')}, or leave divisor out`,
      });
    }
  });
  return entries.map(({ entry }) => entry);
}

const LEFT_AS_TEXT = (name: string) => `Kubernetes expands only variables set before it and leaves the text "$(${name})" as it is`;

function referenceProblem(
  name: string,
  owner: string,
  index: number,
  definedAt: number | undefined,
  mapForm: boolean,
  hasEnvFrom: boolean,
): Pick<Problem, 'rule' | 'fix'> | undefined {
  const literal = `write $$(${name}) for the text "$(${name})"`;
  if (definedAt !== undefined && definedAt < index) return undefined;
  if (definedAt === index) {
    return { rule: `$(${name}) refers to ${name} itself; ${LEFT_AS_TEXT(name)}`, fix: `refer to another variable, or ${literal}` };
  }
  if (definedAt !== undefined) {
    return mapForm
      ? {
          rule: `$(${name}) refers to ${name}, which comes after ${owner} in name order (a map of variables is set in name order); ${LEFT_AS_TEXT(name)}`,
          fix: `write env as a list, which keeps its order, with ${name} before ${owner}; or ${literal}`,
        }
      : {
          rule: `$(${name}) refers to ${name}, which is set after ${owner}; ${LEFT_AS_TEXT(name)}`,
          fix: `move ${name} before ${owner} in the list, or ${literal}`,
        };
  }
  // envFrom's keys are not known here, and the kubelet adds variables for the namespace's Services.
  if (hasEnvFrom || serviceVariable.test(name)) return undefined;
  return {
    rule: `$(${name}) refers to no variable: the container sets none of that name, and it is no Service variable (…_SERVICE_HOST, …_SERVICE_PORT, …_PORT); ${LEFT_AS_TEXT(name)}`,
    fix: `set ${name} before ${owner}, or ${literal}`,
  };
}
