import { NATIVE_SIDECAR_MINOR } from '../../timing/containers';
import { kubernetesMinor } from '../../timing/derive';
import { isKnownDistroless } from '../image';
import { type Problem, sortedJson } from '../errors';
import type { EffectiveSpec } from '../presets';
import { describeHandler, probeForm, type ResolvedProbe, resolveProbe } from '../probes';
import type { ProbeTarget } from '../schema';
import { FILE_MODE_DEFAULT } from '../schema/container';
import { MAX_DECLARED_SECONDS } from '../schema/primitives';
import { DEFAULT_SIDECAR_START_SECONDS } from '../schema/sidecars';
import type { EnvEntry, EnvFromSource, FilesSource } from '../workload-spec';
import { resolveEnv } from './env';
import type { Resolution } from './resolution';
import type { ServingPort } from './ports';
import { type ResolvedResources, resolveResources } from './resources';
import { checkFiles, checkMemory, checkMounts, type InMemoryFolder, type Mount } from './volumes';

/** What every container of the pod declares alike, resolved: the main container's fields too. */
export interface ResolvedContainerFields {
  readonly name: string;
  readonly image: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  /** The variables in the order Kubernetes sets them (resolveEnv). */
  readonly env: readonly EnvEntry[];
  readonly envFrom?: readonly EnvFromSource[];
  /** Files from Secrets and ConfigMaps, mounted read-only. */
  readonly files?: Readonly<Record<string, FilesSource>>;
  readonly resources: ResolvedResources;
}

/** A container beside the application's, with its resources decided and the pod's storage it mounts. */
export interface ResolvedExtraContainer extends ResolvedContainerFields {
  /** Keys of the workload's configFiles it mounts, in key order. */
  readonly configFiles: readonly string[];
  /** Keys of the workload's scratch folders it mounts, in key order. */
  readonly scratch: readonly string[];
}

export interface ResolvedInitContainer extends ResolvedExtraContainer {
  readonly maxSeconds: number;
}

export interface ResolvedSidecar extends ResolvedExtraContainer {
  readonly distroless: boolean;
  readonly ports: ReadonlyArray<{ readonly name: string; readonly port: number }>;
  readonly probes: { readonly startup?: ResolvedProbe; readonly readiness?: ResolvedProbe; readonly liveness?: ResolvedProbe };
  /** Its slowest start, present exactly when it has a startup probe. */
  readonly startSeconds?: number;
  readonly stopSeconds: number;
}

type ExtraFields = NonNullable<EffectiveSpec['initContainers']>[number] | NonNullable<EffectiveSpec['sidecars']>[number];
type SidecarFields = NonNullable<EffectiveSpec['sidecars']>[number];
type SharedStorage = 'scratch' | 'configFiles';

/**
 * The keys of the pod's own storage (the workload's `scratch` or `configFiles`) that one container
 * lists to mount, each once and in key order, with where it is listed; a key the workload does not
 * declare, or one listed twice, is a problem.
 */
function sharedKeys(spec: EffectiveSpec, listed: readonly string[] | undefined, field: SharedStorage, path: string, problems: Problem[]) {
  const declared = Object.keys(spec[field] ?? {}).sort();
  const firstAt = new Map<string, string>();
  (listed ?? []).forEach((key, index) => {
    const at = `${path}.${field}[${index}]`;
    const earlier = firstAt.get(key);
    if (earlier !== undefined) {
      problems.push({ path: at, value: key, rule: `"${key}" is already listed at ${earlier}`, fix: 'remove one of them' });
    } else if (!declared.includes(key)) {
      problems.push({
        path: at,
        value: key,
        rule: `the workload's ${field} has no "${key}" (${declared.length > 0 ? `it has ${declared.join(', ')}` : 'it has none'})`,
        fix: `declare ${field}.${key} with its path, or list a key the workload declares`,
      });
    } else {
      firstAt.set(key, at);
    }
  });
  return [...firstAt.keys()].sort().map((key) => ({ key, at: firstAt.get(key)! }));
}

/**
 * The fields every added container resolves alike, for one container declared at `path`
 * (`initContainers[1]`, `sidecars[0]`), through the same steps as the main container's: its
 * environment, its files, the scratch folders and config files it shares with the application,
 * its mounts, its resources and the memory its folders in memory take. Problems name the field
 * under that path.
 */
export function resolveExtraContainer(
  fields: ExtraFields,
  path: string,
  spec: EffectiveSpec,
  main: ResolvedResources,
  resolution: Resolution,
): ResolvedExtraContainer {
  const { problems } = resolution;
  const env = resolveEnv(fields, `${path}.env`, problems);
  const mounts: Mount[] = [
    { field: 'tmp', path: '/tmp', readOnly: false, file: false },
    ...checkFiles(fields.files, `${path}.files`, problems),
  ];
  const inMemory: InMemoryFolder[] = spec.tmp.medium === 'memory' ? [{ field: 'tmp', size: spec.tmp.sizeLimit }] : [];
  const scratch = sharedKeys(spec, fields.scratch, 'scratch', path, problems);
  for (const { key, at } of scratch) {
    const folder = spec.scratch![key]!;
    mounts.push({ field: at, path: folder.path, readOnly: false, file: false });
    if (folder.medium === 'memory' && folder.sizeLimit !== undefined) inMemory.push({ field: `scratch.${key}`, size: folder.sizeLimit });
  }
  const configFiles = sharedKeys(spec, fields.configFiles, 'configFiles', path, problems);
  for (const { key, at } of configFiles) mounts.push({ field: at, path: spec.configFiles![key]!.path, readOnly: true, file: true });
  checkMounts(mounts, problems);
  const resources = fields.resources ? resolveResources(fields.resources, `${path}.resources`, resolution) : main;
  // Left out, the resources are the main container's, whose check covers every folder.
  if (fields.resources) {
    const at = fields.resources.memoryLimit !== undefined ? 'memoryLimit' : 'memory';
    checkMemory(inMemory, resources.memoryLimit, `${path}.resources.${at}`, problems);
  }
  return {
    name: fields.name,
    image: fields.image,
    ...(fields.command ? { command: fields.command } : {}),
    ...(fields.args ? { args: fields.args } : {}),
    env,
    ...(fields.envFrom ? { envFrom: fields.envFrom } : {}),
    ...(fields.files ? { files: fields.files } : {}),
    configFiles: configFiles.map(({ key }) => key),
    scratch: scratch.map(({ key }) => key),
    resources,
  };
}

/**
 * A sidecar's liveness when none is declared, as the application's: a TCP check of the port its
 * readiness checks over HTTP or gRPC (cheap, and never identical to readiness). None when
 * readiness is itself a TCP check or a command, which no default could differ from.
 */
export function sidecarLivenessDefault(readiness: ResolvedProbe | undefined): ResolvedProbe | undefined {
  return readiness && (readiness.type === 'http' || readiness.type === 'grpc') ? { type: 'tcp', port: readiness.port } : undefined;
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
  const base = resolveExtraContainer(fields, path, spec, main, resolution);
  const ports = fields.ports ?? [];
  const probe = (name: 'startup' | 'readiness' | 'liveness', target: ProbeTarget): ResolvedProbe | undefined => {
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
  const health = fields.health ?? {};
  // Resolved in this order (readiness, startup, liveness), so that both faces report missing ports alike.
  const declaredReadiness = health.readiness && probe('readiness', health.readiness);
  const declaredStartup = health.startup && probe('startup', health.startup);
  // Readiness checks the startup target when it is not given: a sidecar that stops answering takes the pod out of rotation.
  const readiness = declaredReadiness ?? declaredStartup;
  const liveness = health.liveness ? probe('liveness', health.liveness) : sidecarLivenessDefault(readiness);
  // The startup probe is what holds the application back until the sidecar is up; readiness (else liveness) serves when it is not given.
  const startup = declaredStartup ?? readiness ?? liveness;
  const hasStartupProbe = health.startup !== undefined || health.readiness !== undefined || health.liveness !== undefined;
  if (liveness && readiness && describeHandler(liveness) === describeHandler(readiness)) {
    problems.push({
      path: `${path}.health.liveness`,
      value: health.liveness,
      rule: `invariant 4 (distinctProbes): liveness of sidecar ${fields.name} checks exactly what its readiness checks (${describeHandler(readiness)}), so a sidecar slow under load is restarted instead of being taken out of rotation`,
      fix: `check liveness differently (e.g. { tcp: true } when readiness is an HTTP path), or remove ${path}.health.liveness`,
    });
  }
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
    probes: { ...(startup ? { startup } : {}), ...(readiness ? { readiness } : {}), ...(liveness ? { liveness } : {}) },
    ...(hasStartupProbe ? { startSeconds: fields.startSeconds ?? DEFAULT_SIDECAR_START_SECONDS } : {}),
    stopSeconds: fields.stopSeconds,
  };
}

/** What a `files` entry makes of the pod's volume files-<key>: everything but the path it is mounted at. */
function fileVolume({ path: _mountedAt, mode = FILE_MODE_DEFAULT, ...source }: FilesSource): string {
  return sortedJson({ ...source, mode });
}

/**
 * The init containers and sidecars, each resolved by itself, then what they must not share with
 * each other or with the main container: a name, a port name, a port number (a pod's containers
 * share one network); and what they share: the volume files-<key> of every container's files.<key>,
 * which must then be the same volume. `files` are the pod's file volumes by key, each once.
 */
export function resolveContainers(
  spec: EffectiveSpec,
  main: ResolvedResources,
  resolution: Resolution,
  servingPort: ServingPort | undefined,
): { initContainers: ResolvedInitContainer[]; sidecars: ResolvedSidecar[]; files: Record<string, FilesSource> } {
  const { problems } = resolution;
  const initContainers = (spec.initContainers ?? []).map((fields, index) => ({
    ...resolveExtraContainer(fields, `initContainers[${index}]`, spec, main, resolution),
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

  const portNames = new Map<string, string>(servingPort ? [[servingPort.name, 'the serving port']] : []);
  const portNumbers = new Map<number, string>(servingPort ? [[servingPort.containerPort, 'the serving port']] : []);
  const podPorts = [
    ...(spec.ports ?? []).map(({ name, port }, index) => ({ name, port, path: `ports[${index}]` })),
    ...sidecars.flatMap((sidecar, index) =>
      sidecar.ports.map(({ name, port }, portIndex) => ({ name, port, path: `sidecars[${index}].ports[${portIndex}]` })),
    ),
  ];
  // The main container's extra ports first, then the sidecars', each checked against those before it.
  for (const { name, port, path } of podPorts) {
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
  }

  const files: Record<string, FilesSource> = {};
  const declaredFiles = new Map<string, { at: string; volume: string }>();
  const containerFiles = [
    ['', spec.files] as const,
    ...initContainers.map((container, index) => [`initContainers[${index}].`, container.files] as const),
    ...sidecars.map((container, index) => [`sidecars[${index}].`, container.files] as const),
  ];
  for (const [prefix, declared] of containerFiles) {
    for (const key of Object.keys(declared ?? {}).sort()) {
      const at = `${prefix}files.${key}`;
      const volume = fileVolume(declared![key]!);
      const holder = declaredFiles.get(key);
      if (holder === undefined) {
        declaredFiles.set(key, { at, volume });
        files[key] = declared![key]!;
      } else if (holder.volume !== volume) {
        problems.push({
          path: at,
          value: declared![key],
          rule: `the files of every container under the name ${key} are the pod's one volume files-${key}, and ${holder.at} declares it from another source`,
          fix: `choose another name, or declare the same source as ${holder.at} (secret or configMap, items, mode, optional; the path may differ)`,
        });
      }
    }
  }
  // Every number derived from the init phase must fit the API's int32, as every declared time does.
  const before = [
    ...initContainers.map(({ maxSeconds }) => maxSeconds),
    ...(spec.sidecars ?? []).flatMap(({ startSeconds }) => (startSeconds === undefined ? [] : [startSeconds])),
  ].reduce((sum, seconds) => sum + seconds, 0);
  if (before > MAX_DECLARED_SECONDS) {
    problems.push({
      path: initContainers.length > 0 ? 'initContainers' : 'sidecars',
      value: before,
      rule: `the containers that run before the application add up to ${before} seconds (initContainers[*].maxSeconds and sidecars[*].startSeconds), more than ${MAX_DECLARED_SECONDS} seconds (30 days): every number derived from them must fit the Kubernetes API's 32-bit integers`,
      fix: `lower initContainers[*].maxSeconds and sidecars[*].startSeconds until they add up to at most ${MAX_DECLARED_SECONDS}`,
    });
  }
  return { initContainers, sidecars, files };
}
