import { KINDS, servesTraffic, type WorkloadKind } from '../../kinds/table';
import { kubernetesMinor, SLEEP_ACTION_MINOR } from '../../timing/derive';
import type { Problem } from '../errors';
import type { EffectiveSpec } from '../presets';

export function checkRelations(spec: EffectiveSpec, distroless: boolean, problems: Problem[]): void {
  const { startup, preStop } = spec;
  if (startup?.typicalSeconds !== undefined && startup.typicalSeconds > startup.maxSeconds) {
    problems.push({
      path: 'startup.typicalSeconds',
      value: startup.typicalSeconds,
      rule: `a typical start cannot take longer than the slowest one (startup.maxSeconds = ${startup.maxSeconds})`,
      fix: `lower startup.typicalSeconds to at most ${startup.maxSeconds}, or raise startup.maxSeconds`,
    });
  }
  if (!servesTraffic(spec.kind, spec.port)) {
    if (preStop.type !== 'auto') problems.push({ path: 'preStop.type', value: preStop.type, ...noTrafficNoHook(spec.kind) });
    return;
  }
  const minor = kubernetesMinor(spec.kubernetesVersion);
  if (preStop.type === 'sleep' && minor < SLEEP_ACTION_MINOR) {
    problems.push({
      path: 'preStop.type',
      value: 'sleep',
      rule: `the preStop sleep action needs Kubernetes 1.${SLEEP_ACTION_MINOR} or later (kubernetesVersion is ${spec.kubernetesVersion})`,
      fix: `set kubernetesVersion: "1.${SLEEP_ACTION_MINOR}" if every cluster runs it, or use preStop.type exec, http or app`,
    });
  }
  const execSleep = preStop.type === 'exec' || (preStop.type === 'auto' && minor < SLEEP_ACTION_MINOR);
  if (execSleep && distroless) {
    problems.push({
      path: 'preStop.type',
      value: preStop.type,
      rule: `exec "sleep" fails in an image without a sleep binary (${spec.distroless === undefined ? 'the image is from a known distroless registry' : 'distroless: true'}), and Kubernetes then sends SIGTERM at once`,
      fix:
        `target Kubernetes >= 1.${SLEEP_ACTION_MINOR} (kubernetesVersion: "1.${SLEEP_ACTION_MINOR}") for the sleep action, ` +
        'or use preStop.type: http with an endpoint that returns after the delay, ' +
        'or preStop.type: app if the application waits by itself after SIGTERM',
    });
  }
  if (preStop.type === 'http' && preStop.path === undefined) {
    problems.push({
      path: 'preStop.path',
      value: undefined,
      rule: 'an httpGet preStop hook needs the path of an endpoint that returns after the delay',
      fix: 'add preStop.path, e.g. /prestop',
    });
  }
  if (preStop.type !== 'http') {
    for (const field of ['path', 'port'] as const) {
      if (preStop[field] !== undefined) {
        problems.push({
          path: `preStop.${field}`,
          value: preStop[field],
          rule: 'path and port apply to preStop.type http only',
          fix: `remove preStop.${field}, or set preStop.type: http`,
        });
      }
    }
  }
}

/** Why a workload that receives no Service traffic gets no preStop hook, in the words of its kind. */
function noTrafficNoHook(kind: WorkloadKind): Pick<Problem, 'rule' | 'fix'> {
  if (kind === 'worker')
    return { rule: 'workers receive no Service traffic and get no preStop hook', fix: 'remove preStop, or make the workload kind: web' };
  if (KINDS[kind].traffic === 'never')
    return { rule: `${kind} workloads receive no Service traffic and get no preStop hook`, fix: 'remove preStop' };
  return {
    rule: `a ${kind} workload without a port receives no Service traffic and gets no preStop hook`,
    fix: 'remove preStop, or declare the port',
  };
}
