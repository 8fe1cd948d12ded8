import type { Node } from '../../manifests/objects';
import { PROBE_DEFAULTS, probeNumbers } from './probes';
import type { ContainerAt } from './container';
import type { FrameworkDrain } from './frameworks';
import type { Ledger } from './ledger';

/** What our own `declared` annotation says (src/manifests/declared-times.ts), when the input is our output. */
export type Declared = Readonly<Record<string, unknown>>;

const ANNOTATION_SOURCE = 'the hardened-workloads.io/declared annotation';

/** Kubernetes' default grace period: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination */
export const DEFAULT_GRACE_SECONDS = 30;

/**
 * The seconds a preStop hook holds the container before SIGTERM: the sleep action, or an exec of
 * `sleep N` (also through `sh -c`). Undefined for a hook that does something else.
 * https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-implementations
 */
export function preStopDelay(container: Node): { seconds: number; how: string } | undefined {
  const hook: Node | undefined = container.lifecycle?.preStop;
  if (!hook) return undefined;
  if (typeof hook.sleep?.seconds === 'number') return { seconds: hook.sleep.seconds, how: 'sleep action' };
  const command = ((hook.exec?.command as unknown[] | undefined) ?? []).map(String);
  const line =
    command.length >= 3 && /(^|\/)(ba)?sh$/.test(command[0]!) && command[1] === '-c'
      ? command.slice(2).join(' ').trim().split(/\s+/)
      : command;
  if (line.length === 2 && /(^|\/)sleep$/.test(line[0]!) && /^\d+$/.test(line[1]!))
    return { seconds: Number(line[1]), how: `exec ${command.join(' ')}` };
  return undefined;
}

/**
 * startup.maxSeconds: the longest start the current config tolerates. From the declared annotation
 * when the input is ours (with startup.typicalSeconds, which an older annotation leaves out); else the startup probe's window (initialDelaySeconds + periodSeconds x
 * failureThreshold, after which the kubelet kills the container); else the liveness probe's
 * initialDelaySeconds + window (the first liveness failures that restart it); else a placeholder.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes
 */
export function inferStartup(ledger: Ledger, at: ContainerAt, declared: Declared, summary = ''): void {
  const annotated = declared.startupMaxSeconds;
  if (typeof annotated === 'number') {
    ledger.set(['startup', 'maxSeconds'], annotated, `startupMaxSeconds=${annotated} in ${ANNOTATION_SOURCE}`);
    const typical = declared.startupTypicalSeconds;
    // The annotation carries the typical start the derivation used; written where it is not the default ceil(S_max / 3).
    if (typeof typical === 'number') {
      if (typical !== Math.ceil(annotated / 3))
        ledger.set(['startup', 'typicalSeconds'], typical, `startupTypicalSeconds=${typical} in ${ANNOTATION_SOURCE}`);
    } else inferTypicalStart(ledger, at, annotated, summary);
    return;
  }
  for (const [field, what] of [
    ['startupProbe', 'startup probe'],
    ['livenessProbe', 'liveness probe'],
  ] as const) {
    const probe = at.container[field] as Node | undefined;
    if (!probe) continue;
    const { initialDelaySeconds, periodSeconds, failureThreshold } = probeNumbers(probe);
    const window = initialDelaySeconds + periodSeconds * failureThreshold;
    ledger.set(
      ['startup', 'maxSeconds'],
      Math.max(1, window),
      `the ${what}'s window: initialDelaySeconds ${initialDelaySeconds} + periodSeconds ${periodSeconds} x failureThreshold ${failureThreshold} = ${window} s, the longest start it tolerates (${at.path}.${field})`,
    );
    return;
  }
  ledger.confirm(['startup', 'maxSeconds'], 60, 'no startup or liveness probe says how long a start may take: confirm the slowest start');
}

/**
 * startup.typicalSeconds, only where it changes the startup probe's period: the synthesis polls
 * every max(clamp(ceil(S_typ / 10), 1, 10), T + 1) s (docs/derivation.md), so a period above the
 * default's says a typical start of about ten periods.
 */
function inferTypicalStart(ledger: Ledger, at: ContainerAt, maxSeconds: number, summary: string): void {
  const probe = at.container.startupProbe as Node | undefined;
  // Without a startup probe (no checks at all), our timings summary still shows the startup window: `startup: window 60s (3s x 20), timeout 2s`.
  const line = /^startup: window \d+s \((\d+)s x \d+\), timeout (\d+)s/m.exec(summary);
  const numbers = probe ? probeNumbers(probe) : line ? { periodSeconds: Number(line[1]), timeoutSeconds: Number(line[2]) } : undefined;
  if (!numbers) return;
  const { periodSeconds, timeoutSeconds } = numbers;
  const period = (typical: number) => Math.max(Math.min(Math.max(Math.ceil(typical / 10), 1), 10), timeoutSeconds + 1);
  if (period(Math.ceil(maxSeconds / 3)) === periodSeconds) return;
  const typical = periodSeconds * 10;
  if (period(typical) === periodSeconds) {
    const where = probe ? `${at.path}.startupProbe.periodSeconds` : 'the startup line of the hardened-workloads.io/timings annotation';
    ledger.set(
      ['startup', 'typicalSeconds'],
      typical,
      `the startup probe polls every ${periodSeconds} s: about ten polls in a typical start (${where})`,
    );
  }
}

/**
 * drainSeconds: the time the application needs after SIGTERM. From the declared annotation; else a
 * framework's documented shutdown deadline (frameworks.ts); else the grace period minus the preStop
 * delay (what the application gets today before SIGKILL); else a placeholder from Kubernetes'
 * default grace period, to confirm.
 */
export function inferDrain(ledger: Ledger, at: ContainerAt, pod: Node, declared: Declared, framework: FrameworkDrain | undefined): void {
  const annotated = declared.drainSeconds;
  if (typeof annotated === 'number') {
    ledger.set(['drainSeconds'], annotated, `drainSeconds=${annotated} in ${ANNOTATION_SOURCE}`);
    return;
  }
  if (framework) {
    ledger.set(['drainSeconds'], framework.seconds, `${framework.framework}'s shutdown deadline: ${framework.setting} (${at.path})`);
    return;
  }
  const delay = preStopDelay(at.container)?.seconds ?? 0;
  const grace = pod.terminationGracePeriodSeconds;
  if (typeof grace === 'number') {
    const drain = Math.max(0, grace - delay);
    ledger.set(
      ['drainSeconds'],
      drain,
      `terminationGracePeriodSeconds ${grace} - preStop delay ${delay} = ${drain} s, the time the application gets after SIGTERM today`,
    );
    return;
  }
  const drain = Math.max(0, DEFAULT_GRACE_SECONDS - delay);
  ledger.confirm(
    ['drainSeconds'],
    drain,
    `no grace period or framework setting says how long a drain takes: Kubernetes' default grace ${DEFAULT_GRACE_SECONDS} s - preStop delay ${delay} = ${drain} s; confirm the longest request plus cleanup`,
  );
}

/**
 * probeLatencyMs: from the declared annotation when the input is ours (left out when it is the
 * default latency, the preset's, else 500 ms). Else where it changes the probes: the synthesis times
 * out after T = max(2, ceil(3 x L / 1000)) s, so a readiness timeout of T s says a p99 latency of at
 * most floor(1000 x T / 3) ms; left out when that gives the timeout the default latency gives.
 */
export function inferProbeLatency(ledger: Ledger, at: ContainerAt, defaultLatencyMs: number, declared: Declared = {}): void {
  const annotated = declared.probeLatencyMs;
  // Our own output carries the latency the derivation used, even where no probe shows it.
  if (typeof annotated === 'number') {
    if (annotated !== defaultLatencyMs) ledger.set(['probeLatencyMs'], annotated, `probeLatencyMs=${annotated} in ${ANNOTATION_SOURCE}`);
    return;
  }
  const field = ['readinessProbe', 'livenessProbe', 'startupProbe'].find((name) => at.container[name]);
  if (!field) return;
  const { timeoutSeconds } = probeNumbers(at.container[field] as Node);
  const timeout = (latency: number) => Math.max(2, Math.ceil((3 * latency) / 1000));
  const latency = Math.floor((1000 * timeoutSeconds) / 3);
  if (timeout(latency) === timeout(defaultLatencyMs)) return;
  const written =
    (at.container[field] as Node).timeoutSeconds === undefined ? `the default ${PROBE_DEFAULTS.timeoutSeconds}` : String(timeoutSeconds);
  ledger.set(
    ['probeLatencyMs'],
    latency,
    `${field} timeoutSeconds ${written}: health answers within ${latency} ms (timeout = ceil(3 x latency / 1000)) (${at.path}.${field}.timeoutSeconds)`,
  );
}
