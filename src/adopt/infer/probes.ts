import type { Node } from '../../manifests/objects';
import type { ContainerAt } from './container';
import type { FieldKeys, Ledger } from './ledger';

export type ProbeName = 'readiness' | 'liveness' | 'startup';
export const PROBE_FIELDS: Readonly<Record<ProbeName, string>> = {
  readiness: 'readinessProbe',
  liveness: 'livenessProbe',
  startup: 'startupProbe',
};

/** Kubernetes' probe defaults: https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Probe */
export const PROBE_DEFAULTS = { initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 } as const;

export function probeNumbers(probe: Node): {
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
} {
  const number = (field: keyof typeof PROBE_DEFAULTS) =>
    typeof probe[field] === 'number' ? (probe[field] as number) : PROBE_DEFAULTS[field];
  return {
    initialDelaySeconds: number('initialDelaySeconds'),
    periodSeconds: number('periodSeconds'),
    timeoutSeconds: number('timeoutSeconds'),
    failureThreshold: number('failureThreshold'),
  };
}

/** A container port given by number or by name, as a number; undefined when the container has no port of that name. */
export function portNumber(container: Node, port: unknown): number | undefined {
  if (typeof port === 'number') return port;
  if (typeof port === 'string' && /^\d+$/.test(port)) return Number(port);
  const named = ((container.ports as Node[] | undefined) ?? []).find((entry) => entry.name === port);
  return typeof named?.containerPort === 'number' ? named.containerPort : undefined;
}

/**
 * A probe's check in the schema's words (path / tcp / grpc / exec, the port only when it is not the
 * serving port), or undefined for a probe the schema cannot say. A port the container does not
 * declare is an ambiguity: it is kept as written, for the user to confirm.
 */
export function probeTarget(
  ledger: Ledger,
  at: ContainerAt,
  name: ProbeName,
  servingPort: number | undefined,
): Record<string, unknown> | undefined {
  const field = PROBE_FIELDS[name];
  const probe = at.container[field] as Node | undefined;
  if (!probe) return undefined;
  const path = `${at.path}.${field}`;
  const portOf = (raw: unknown): Record<string, unknown> => {
    const number = portNumber(at.container, raw);
    if (number === undefined) {
      ledger.ambiguous(
        `${path} checks port ${JSON.stringify(raw)}, which ${at.container.name} does not declare`,
        `health.${name}.port`,
        at.object,
      );
      return {};
    }
    const declared = ((at.container.ports as Node[] | undefined) ?? []).some((entry) => entry.containerPort === number);
    if (!declared)
      ledger.ambiguous(`${path} checks port ${number}, which ${at.container.name} does not declare`, `health.${name}.port`, at.object);
    return number === servingPort ? {} : { port: number };
  };
  if (probe.httpGet) {
    const { path: httpPath = '/', port, scheme, host, httpHeaders } = probe.httpGet as Node;
    if (host !== undefined)
      ledger.drop(at.object, `${path}.httpGet.host`, 'the schema probes the pod itself: a probe of another host is not carried over');
    if (httpHeaders !== undefined)
      ledger.drop(
        at.object,
        `${path}.httpGet.httpHeaders`,
        'the schema has no probe headers: add them back with patches if the endpoint needs them',
      );
    return { path: String(httpPath), ...portOf(port), ...(scheme === 'HTTPS' ? { scheme: 'HTTPS' } : {}) };
  }
  if (probe.tcpSocket) return { tcp: true, ...portOf(probe.tcpSocket.port) };
  if (probe.grpc) {
    const service = probe.grpc.service;
    // service: "" is written as it is: Kubernetes reads it as no service, but the synthesis writes back what is declared.
    return { grpc: typeof service === 'string' ? { service } : {}, ...portOf(probe.grpc.port) };
  }
  if (probe.exec) return { exec: ((probe.exec.command as unknown[] | undefined) ?? []).map(String) };
  ledger.drop(at.object, path, 'a probe without httpGet, tcpSocket, grpc or exec checks nothing');
  return undefined;
}

const same = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

/**
 * health.*: the readiness, liveness and startup checks, each left out where the schema's default
 * gives the same one (liveness: tcpSocket on the serving port; startup: the liveness check, else the
 * readiness one). Their timings are derived: the input's are read as times (times.ts).
 */
export function inferHealth(
  ledger: Ledger,
  at: ContainerAt,
  keys: FieldKeys,
  servingPort: number | undefined,
  options: {
    readonly readinessRequired: boolean;
    readonly livenessDefault: boolean;
    /** The input acknowledges running without liveness (our acknowledged annotation): no default check is added. */
    readonly noLiveness: boolean;
    readonly acknowledge: (id: string, why: string) => void;
  },
): void {
  for (const field of Object.values(PROBE_FIELDS)) ledger.consume(at.object, `${at.path}.${field}`);
  const readiness = probeTarget(ledger, at, 'readiness', servingPort);
  const liveness = probeTarget(ledger, at, 'liveness', servingPort);
  const startup = probeTarget(ledger, at, 'startup', servingPort);
  const source = (name: ProbeName) => `${at.path}.${PROBE_FIELDS[name]}`;
  if (readiness) ledger.set([...keys, 'readiness'], readiness, source('readiness'));
  else if (options.readinessRequired) {
    ledger.confirm(
      [...keys, 'readiness'],
      { tcp: true },
      'the input has no readiness probe: a TCP check of the serving port until you name a readiness endpoint',
    );
  }
  const defaultLiveness = servingPort !== undefined && options.livenessDefault ? { tcp: true } : undefined;
  // The liveness check the pods would get with nothing written, against the readiness check they get.
  const writtenReadiness = ledger.get([...keys, 'readiness']) as Record<string, unknown> | undefined;
  const unchangedLiveness = liveness ?? (options.noLiveness ? undefined : defaultLiveness);
  if (unchangedLiveness && writtenReadiness && same(unchangedLiveness, writtenReadiness)) {
    livenessLikeReadiness(ledger, at, keys, writtenReadiness, liveness !== undefined, defaultLiveness, options);
  } else if (liveness && !same(liveness, defaultLiveness)) ledger.set([...keys, 'liveness'], liveness, source('liveness'));
  else if (!liveness && (defaultLiveness === undefined || options.noLiveness) && options.livenessDefault) {
    ledger.set([...keys, 'liveness'], false, `no livenessProbe in ${at.path}`);
    options.acknowledge('noLiveness', `the input has no livenessProbe (${at.path})`);
  }
  const written = ledger.get([...keys, 'liveness']);
  const effectiveLiveness =
    written === false
      ? undefined
      : ((written as Record<string, unknown> | undefined) ?? (liveness && !same(liveness, readiness) ? liveness : defaultLiveness));
  const defaultStartup = effectiveLiveness ?? readiness;
  if (startup && !same(startup, defaultStartup)) ledger.set([...keys, 'startup'], startup, source('startup'));
}

/**
 * Invariant 4 (distinctProbes): a liveness probe that checks exactly what the readiness probe checks
 * (helm create's chart: both `httpGet /`) restarts a pod that is only busy, where it should be taken
 * out of rotation. The readiness check is kept (it says "can serve now", and gates traffic as it
 * does today); liveness becomes the hardening default, a TCP check of the serving port (or of the
 * port both checked), which says only that the process answers. When readiness is itself that TCP
 * check (argo-cd's and cert-manager's charts), or there is no port to check, liveness is left out
 * with the noLiveness acknowledgement, marked CONFIRM: only the user can name a readiness endpoint.
 * https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
 */
function livenessLikeReadiness(
  ledger: Ledger,
  at: ContainerAt,
  keys: FieldKeys,
  readiness: Record<string, unknown>,
  inInput: boolean,
  defaultLiveness: Record<string, unknown> | undefined,
  options: { readonly livenessDefault: boolean; readonly acknowledge: (id: string, why: string) => void },
): void {
  const path = `${at.path}.${PROBE_FIELDS.liveness}`;
  const what = inInput ? path : 'the default liveness check (TCP on the serving port)';
  const why = `${what} checks exactly what ${at.path}.${PROBE_FIELDS.readiness} checks, which invariant 4 (distinctProbes) forbids`;
  const port = typeof readiness.port === 'number' ? { port: readiness.port } : {};
  const tcp = readiness.tcp === true ? undefined : (defaultLiveness ?? ('port' in port ? { tcp: true, ...port } : undefined));
  if (tcp !== undefined) {
    ledger.set([...keys, 'liveness'], tcp, `${why}: readiness is kept, liveness becomes a TCP check of the port`);
    if (inInput) ledger.drop(at.object, `${path} (its check)`, `${why}: liveness checks the port by TCP instead`);
    return;
  }
  const instead = readiness.tcp === true ? 'readiness is that TCP check' : 'there is no port for a TCP check';
  if (inInput) ledger.drop(at.object, `${path} (its check)`, `${why}, and ${instead}: liveness is left out`);
  if (!options.livenessDefault) return;
  ledger.confirm(
    [...keys, 'liveness'],
    false,
    `${why}, and ${instead}: liveness is left out until you name a readiness endpoint (health.readiness.path) that says "can serve now"`,
  );
  options.acknowledge('noLiveness', `${what} checked what readiness checks (distinctProbes), and ${instead}`);
}
