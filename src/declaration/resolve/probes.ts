import { KINDS, runsToCompletion, servesTraffic } from '../../kinds/table';
import type { EffectiveSpec } from '../presets';
import { probeForm, type ResolvedProbe, resolveProbe } from '../probes';
import type { ProbeTarget } from '../schema';
import type { ResolvedWorkload } from './index';
import type { Resolution } from './resolution';

export function resolveProbes(spec: EffectiveSpec, { problems, acknowledged }: Resolution): ResolvedWorkload['probes'] {
  // Pods that run to completion have no probes (checkTimes refuses declared ones).
  if (runsToCompletion(spec.kind)) return {};
  const resolve = (name: 'readiness' | 'liveness' | 'startup', target: ProbeTarget): ResolvedProbe | undefined => {
    const path = `health.${name}`;
    const resolved = resolveProbe(target, spec.port);
    if (!resolved) {
      problems.push({
        path: `${path}.port`,
        value: undefined,
        rule: `a ${probeForm(target)} probe needs a port, and the workload declares none`,
        fix: `add ${path}.port or the workload's port`,
      });
    }
    return resolved;
  };

  const { health } = spec;
  if (KINDS[spec.kind].traffic === 'always' && spec.port === undefined) {
    problems.push({
      path: 'port',
      value: undefined,
      rule: `a ${spec.kind} workload needs its serving port`,
      fix: 'add port, e.g. port: 8080',
    });
  }
  if ((KINDS[spec.kind].traffic === 'always' || servesTraffic(spec.kind, spec.port)) && health.readiness === undefined) {
    problems.push({
      path: 'health.readiness',
      value: undefined,
      rule: `a ${spec.kind} workload${KINDS[spec.kind].traffic === 'always' ? '' : ' with a port'} needs a readiness check, or traffic reaches pods that cannot serve it yet`,
      fix: 'add health.readiness, e.g. health: { readiness: { path: /readyz } }',
    });
  }
  const readiness = health.readiness && resolve('readiness', health.readiness);

  let liveness: ResolvedProbe | undefined;
  if (health.liveness === false) {
    if (!acknowledged('noLiveness')) {
      problems.push({
        path: 'health.liveness',
        value: false,
        rule: 'turning liveness off needs a written reason: a wedged process would then never be restarted',
        fix: 'keep the default (tcpSocket on the port), or add acknowledge.noLiveness: "<why>"',
      });
    }
  } else if (health.liveness !== undefined) {
    liveness = resolve('liveness', health.liveness);
  } else if (spec.port !== undefined) {
    liveness = { type: 'tcp', port: spec.port };
  } else if (KINDS[spec.kind].traffic !== 'always') {
    problems.push({
      path: 'health.liveness',
      value: undefined,
      rule: `a ${spec.kind === 'worker' ? 'worker' : `${spec.kind} workload`} without a port has no default liveness check (the default is tcpSocket on the port)`,
      fix: 'add health.liveness, e.g. { exec: ["/app/healthcheck"] }, or liveness: false with acknowledge.noLiveness',
    });
  }

  // The startup probe gates liveness; without liveness it still holds readiness back until the start is over.
  const startupTarget = health.startup;
  const startup = startupTarget !== undefined ? resolve('startup', startupTarget) : (liveness ?? readiness);
  return { readiness, liveness, startup };
}
