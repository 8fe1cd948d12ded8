import { NATIVE_SIDECAR_MINOR } from '../../timing/containers';
import { kubernetesMinor } from '../../timing/derive';
import { isKnownDistroless } from '../image';
import type { Problem } from '../errors';
import type { EffectiveSpec } from '../presets';
import { probeForm, type ResolvedProbe, resolveProbe } from '../probes';
import type { ProbeTarget } from '../schema';
import { DEFAULT_SIDECAR_START_SECONDS } from '../schema/sidecars';
import type { Resolution } from './resolution';
import { type ResolvedResources, resolveResources } from './resources';

/** A container beside the application's, with its resources decided. */
export interface ResolvedExtraContainer {
  readonly name: string;
  readonly image: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly resources: ResolvedResources;
}

export interface ResolvedInitContainer extends ResolvedExtraContainer {
  readonly maxSeconds: number;
}

export interface ResolvedSidecar extends ResolvedExtraContainer {
  readonly distroless: boolean;
  readonly ports: ReadonlyArray<{ readonly name: string; readonly port: number }>;
  readonly probes: { readonly startup?: ResolvedProbe; readonly readiness?: ResolvedProbe };
  /** Its slowest start, present exactly when it has a startup probe. */
  readonly startSeconds?: number;
  readonly stopSeconds: number;
}

type ExtraFields = NonNullable<EffectiveSpec['initContainers']>[number] | NonNullable<EffectiveSpec['sidecars']>[number];
type SidecarFields = NonNullable<EffectiveSpec['sidecars']>[number];

/**
 * The fields every added container resolves alike, for one container declared at `path`
 * (`initContainers[1]`, `sidecars[0]`): problems name the field under that path.
 */
export function resolveExtraContainer(
  fields: ExtraFields,
  path: string,
  main: ResolvedResources,
  resolution: Resolution,
): ResolvedExtraContainer {
  return {
    name: fields.name,
    image: fields.image,
    ...(fields.command ? { command: fields.command } : {}),
    ...(fields.args ? { args: fields.args } : {}),
    env: fields.env,
    resources: fields.resources ? resolveResources(fields.resources, `${path}.resources`, resolution) : main,
  };
}

/** One sidecar: its container fields, probes and the times its probes and the grace period read. */
export function resolveSidecar(
  fields: SidecarFields,
  path: string,
  spec: EffectiveSpec,
  main: ResolvedResources,
  resolution: Resolution,
): ResolvedSidecar {
  const { problems } = resolution;
  const base = resolveExtraContainer(fields, path, main, resolution);
  const ports = fields.ports ?? [];
  const probe = (name: 'startup' | 'readiness', target: ProbeTarget): ResolvedProbe | undefined => {
    const resolved = resolveProbe(target, ports[0]?.port);
    if (!resolved) {
      problems.push({
        path: `${path}.health.${name}.port`,
        value: undefined,
        rule: `a ${probeForm(target)} probe needs a port, and sidecar ${fields.name} declares none`,
        fix: `add ${path}.health.${name}.port, or the port under ${path}.ports`,
      });
    }
    return resolved;
  };
  const readiness = fields.health?.readiness && probe('readiness', fields.health.readiness);
  // The startup probe is what holds the application back until the sidecar is up; readiness serves when it is not given.
  const startup = fields.health?.startup ? probe('startup', fields.health.startup) : readiness;
  const hasStartupProbe = fields.health?.startup !== undefined || fields.health?.readiness !== undefined;
  if (fields.startSeconds !== undefined && !hasStartupProbe) {
    problems.push({
      path: `${path}.startSeconds`,
      value: fields.startSeconds,
      rule: `startSeconds sizes the startup probe, and sidecar ${fields.name} has no health check`,
      fix: `add ${path}.health, e.g. { startup: { path: /startup } }, or remove ${path}.startSeconds`,
    });
  }
  const distroless = fields.distroless ?? isKnownDistroless(fields.image);
  if (distroless && kubernetesMinor(spec.kubernetesVersion) < NATIVE_SIDECAR_MINOR) {
    const declared = fields.distroless !== undefined;
    problems.push({
      path: declared ? `${path}.distroless` : `${path}.image`,
      value: declared ? true : fields.image,
      rule:
        `on Kubernetes ${spec.kubernetesVersion} a sidecar is an ordinary container that exec "sleep" in a preStop hook keeps serving until the application has drained, ` +
        `and this image has no sleep binary (${declared ? 'distroless: true' : 'the image is from a known distroless registry'})`,
      fix:
        `target Kubernetes >= 1.${NATIVE_SIDECAR_MINOR} (kubernetesVersion: "1.${NATIVE_SIDECAR_MINOR}"), where it runs as a native sidecar that Kubernetes stops after the application, ` +
        'or use a variant of the image with a shell (a debug, -alpine or -dev tag) and set distroless: false',
    });
  }
  return {
    ...base,
    distroless,
    ports,
    probes: { ...(startup ? { startup } : {}), ...(readiness ? { readiness } : {}) },
    ...(hasStartupProbe ? { startSeconds: fields.startSeconds ?? DEFAULT_SIDECAR_START_SECONDS } : {}),
    stopSeconds: fields.stopSeconds,
  };
}

/**
 * The init containers and sidecars, each resolved by itself, then what they must not share with
 * each other or with the main container: a name, a port name, a port number (a pod's containers
 * share one network).
 */
export function resolveContainers(
  spec: EffectiveSpec,
  main: ResolvedResources,
  resolution: Resolution,
): { initContainers: ResolvedInitContainer[]; sidecars: ResolvedSidecar[] } {
  const { problems } = resolution;
  const initContainers = (spec.initContainers ?? []).map((fields, index) => ({
    ...resolveExtraContainer(fields, `initContainers[${index}]`, main, resolution),
    maxSeconds: fields.maxSeconds,
  }));
  const sidecars = (spec.sidecars ?? []).map((fields, index) => resolveSidecar(fields, `sidecars[${index}]`, spec, main, resolution));

  // Each name, port name and port number is claimed by the first to use it; a later use is a problem.
  const claim = <Key>(taken: Map<Key, string>, key: Key, path: string, problem: (holder: string) => Problem) => {
    const holder = taken.get(key);
    if (holder === undefined) taken.set(key, path);
    else problems.push(problem(holder));
  };
  const names = new Map<string, string>([[spec.name, 'the main container (named after the workload)']]);
  const named = [
    ...initContainers.map((container, index) => [container.name, `initContainers[${index}]`] as const),
    ...sidecars.map((container, index) => [container.name, `sidecars[${index}]`] as const),
  ];
  for (const [name, path] of named) {
    claim(names, name, path, (holder) => ({
      path: `${path}.name`,
      value: name,
      rule: `container names must be unique in the pod, and ${holder} is already called "${name}"`,
      fix: `rename ${path}`,
    }));
  }

  const portNames = new Map<string, string>(spec.port !== undefined ? [['http', 'the serving port']] : []);
  const portNumbers = new Map<number, string>(spec.port !== undefined ? [[spec.port, 'the serving port']] : []);
  sidecars.forEach((sidecar, index) =>
    sidecar.ports.forEach(({ name, port }, portIndex) => {
      const path = `sidecars[${index}].ports[${portIndex}]`;
      claim(portNames, name, path, (holder) => ({
        path: `${path}.name`,
        value: name,
        rule: `port names must be unique in the pod, and ${holder} is already called "${name}"`,
        fix: `rename ${path}`,
      }));
      claim(portNumbers, port, path, (holder) => ({
        path: `${path}.port`,
        value: port,
        rule: `the containers of a pod share one network, and ${holder} already listens on ${port}`,
        fix: `give ${path} another port`,
      }));
    }),
  );
  return { initContainers, sidecars };
}
