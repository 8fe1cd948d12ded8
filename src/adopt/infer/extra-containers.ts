import { isKnownDistroless } from '../../declaration/image';
import type { KubernetesObject, Node } from '../../manifests/objects';
import type { ContainerView } from '../../manifests/pod-templates';
import { type ContainerAt, inferCommand, inferEnv, inferImage, inferResources } from './container';
import type { Ledger } from './ledger';
import { probeTarget } from './probes';
import type { Declared } from './times';
import { inferVolumes } from './volumes';

const same = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

/**
 * initContainers and sidecars, in the pod's order, each with what a container has (image,
 * command, env, files, resources where they differ from the application's) and its times: from
 * the declared annotation (`<name>.maxSeconds`, `<name>.startSeconds`, `<name>.stopSeconds`) when
 * the input is ours; an init container's maxSeconds is otherwise a placeholder to confirm.
 */
export function inferExtraContainers(
  ledger: Ledger,
  views: readonly ContainerView[],
  pod: Node,
  podPath: string,
  configuration: readonly KubernetesObject[],
  mainResources: unknown,
  declared: Declared,
): void {
  const containers = (declared.containers ?? {}) as Record<string, Record<string, number>>;
  const initContainers: Record<string, unknown>[] = [];
  const sidecars: Record<string, unknown>[] = [];
  for (const view of views) {
    if (view.role === 'main') continue;
    const at: ContainerAt = { object: ledger.subject, path: view.path.join('.'), container: view.container };
    if (view.role === 'ephemeral') {
      ledger.drop(at.object, at.path, 'an ephemeral container is a debugging shell added to a running pod, not part of the workload');
      continue;
    }
    const list = view.role === 'init' ? 'initContainers' : 'sidecars';
    const index = (list === 'initContainers' ? initContainers : sidecars).length;
    const prefix = [list, String(index)];
    // Placed first so that the fields below land in the entry, in the schema's order.
    const entry: Record<string, unknown> = { name: view.name };
    (list === 'initContainers' ? initContainers : sidecars).push(entry);
    ledger.put([list], list === 'initContainers' ? initContainers : sidecars);
    ledger.consume(
      at.object,
      `${at.path}.name`,
      `${at.path}.restartPolicy`,
      `${at.path}.terminationMessagePolicy`,
      `${at.path}.terminationMessagePath`,
    );
    inferImage(ledger, at, [...prefix, 'image']);
    // An ordinary sidecar whose preStop hook runs sleep has a sleep binary, whatever registry its image comes from.
    const sleeps = ((view.container.lifecycle?.preStop?.exec?.command as unknown[] | undefined) ?? []).some((word) =>
      /(^|\/)sleep$/.test(String(word)),
    );
    if (list === 'sidecars' && view.container.restartPolicy !== 'Always' && sleeps && isKnownDistroless(String(view.container.image)))
      ledger.set([...prefix, 'distroless'], false, `${at.path}.lifecycle.preStop.exec runs sleep: the image has a sleep binary`);
    inferCommand(ledger, at, prefix);
    inferEnv(ledger, at, prefix);
    const volumes = inferVolumes(ledger, at, pod, podPath, configuration, prefix, false);
    if (volumes.configFiles.length > 0) ledger.set([...prefix, 'configFiles'], volumes.configFiles, `${at.path}.volumeMounts`);
    if (volumes.scratch.length > 0) ledger.set([...prefix, 'scratch'], volumes.scratch, `${at.path}.volumeMounts`);
    for (const [claim] of volumes.claims)
      ledger.drop(at.object, `${at.path}.volumeMounts`, `${view.name} mounts ${claim}, which only the application's container may mount`);
    inferResources(ledger, at, prefix, () => undefined);
    if (same(ledger.get([...prefix, 'resources']), mainResources)) ledger.remove([...prefix, 'resources']);
    ledger.consume(at.object, `${at.path}.securityContext`, `${at.path}.lifecycle`);
    const times = containers[view.name] ?? {};
    if (list === 'initContainers') {
      ledger.consume(at.object, `${at.path}.readinessProbe`, `${at.path}.livenessProbe`, `${at.path}.startupProbe`);
      if (typeof times.maxSeconds === 'number')
        ledger.set(
          [...prefix, 'maxSeconds'],
          times.maxSeconds,
          `${view.name}.maxSeconds=${times.maxSeconds} in the hardened-workloads.io/declared annotation`,
        );
      else
        ledger.confirm([...prefix, 'maxSeconds'], 300, `nothing in the input says how long ${view.name} may take: confirm its worst case`);
      continue;
    }
    const ports = ((view.container.ports as Node[] | undefined) ?? []).map((port) => ({
      name: String(port.name ?? `port-${port.containerPort}`),
      port: port.containerPort as number,
    }));
    ledger.consume(at.object, `${at.path}.ports`);
    if (ports.length > 0) ledger.set([...prefix, 'ports'], ports, `${at.path}.ports`);
    inferSidecarHealth(ledger, at, prefix, ports[0]?.port);
    if (typeof times.startSeconds === 'number')
      ledger.set(
        [...prefix, 'startSeconds'],
        times.startSeconds,
        `${view.name}.startSeconds in the hardened-workloads.io/declared annotation`,
      );
    if (typeof times.stopSeconds === 'number')
      ledger.set(
        [...prefix, 'stopSeconds'],
        times.stopSeconds,
        `${view.name}.stopSeconds in the hardened-workloads.io/declared annotation`,
      );
  }
}

/**
 * A sidecar's checks, each left out where the schema's default gives the same: startup defaults
 * to readiness and readiness to startup; liveness to a TCP check of the port readiness checks over
 * HTTP or gRPC (none when readiness is a TCP check or a command).
 */
function inferSidecarHealth(ledger: Ledger, at: ContainerAt, prefix: readonly string[], firstPort: number | undefined): void {
  ledger.consume(at.object, `${at.path}.readinessProbe`, `${at.path}.livenessProbe`, `${at.path}.startupProbe`);
  const readiness = probeTarget(ledger, at, 'readiness', firstPort);
  const liveness = probeTarget(ledger, at, 'liveness', firstPort);
  const startup = probeTarget(ledger, at, 'startup', firstPort);
  const keys = [...prefix, 'health'];
  // Without readiness, the startup probe defaults to the liveness check (src/declaration/resolve/containers.ts): liveness alone says both.
  if (!readiness && liveness && startup && same(startup, liveness)) {
    ledger.set([...keys, 'liveness'], liveness, `${at.path}.livenessProbe, which ${at.path}.startupProbe repeats`);
    return;
  }
  if (startup) ledger.set([...keys, 'startup'], startup, `${at.path}.startupProbe`);
  if (readiness && !same(readiness, startup)) ledger.set([...keys, 'readiness'], readiness, `${at.path}.readinessProbe`);
  const checked = readiness ?? startup;
  const readinessPort =
    checked && ('path' in checked || 'grpc' in checked) ? ((checked.port as number | undefined) ?? firstPort) : undefined;
  const defaultLiveness =
    readinessPort === undefined ? undefined : readinessPort === firstPort ? { tcp: true } : { tcp: true, port: readinessPort };
  if (liveness && checked && same(liveness, checked)) sidecarLivenessLikeReadiness(ledger, at, keys, checked, defaultLiveness);
  else if (liveness && !same(liveness, defaultLiveness)) ledger.set([...keys, 'liveness'], liveness, `${at.path}.livenessProbe`);
}

/**
 * Invariant 4 (distinctProbes) holds for sidecars too (src/declaration/resolve/containers.ts): a
 * sidecar's liveness that checks exactly what its readiness (else startup) check checks is replaced
 * as the application's is (probes.ts): by the default, a TCP check of the port readiness checks
 * over HTTP or gRPC; when readiness is itself a TCP check or a command, liveness is left out and the
 * readiness check is marked CONFIRM, since only the user can name an endpoint that says "can serve now".
 * https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
 */
function sidecarLivenessLikeReadiness(
  ledger: Ledger,
  at: ContainerAt,
  keys: readonly string[],
  checked: Record<string, unknown>,
  defaultLiveness: Record<string, unknown> | undefined,
): void {
  const checkedBy = ledger.has([...keys, 'readiness']) ? 'readiness' : 'startup';
  const why = `${at.path}.livenessProbe checks exactly what ${at.path}.${checkedBy}Probe checks, which invariant 4 (distinctProbes) forbids`;
  if (defaultLiveness !== undefined) {
    ledger.set([...keys, 'liveness'], defaultLiveness, `${why}: ${checkedBy} is kept, liveness becomes a TCP check of the port`);
    ledger.drop(at.object, `${at.path}.livenessProbe (its check)`, `${why}: liveness checks the port by TCP instead`);
    return;
  }
  const instead = 'tcp' in checked ? `${checkedBy} is that TCP check` : `${checkedBy} is a command`;
  ledger.drop(at.object, `${at.path}.livenessProbe (its check)`, `${why}, and ${instead}: liveness is left out`);
  ledger.remove([...keys, checkedBy]);
  ledger.confirm(
    [...keys, checkedBy],
    checked,
    `${why}, and ${instead}: liveness is left out until you name a ${checkedBy} endpoint (path or grpc) that says "can serve now", which liveness then checks by TCP`,
  );
}
