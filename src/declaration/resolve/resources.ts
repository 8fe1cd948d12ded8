import type { EffectiveSpec } from '../presets';
import { cpuMillicores, DEFAULT_CPU_LIMIT_FACTOR, formatCpu } from '../quantities';
import type { ResolvedWorkload } from './index';
import type { Resolution } from './resolution';

export function resolveResources(spec: EffectiveSpec, { problems, acknowledged }: Resolution): ResolvedWorkload['resources'] {
  const { cpu, memory, cpuLimit } = spec.resources;
  if (cpuLimit === false) {
    if (!acknowledged('noCpuLimit')) {
      problems.push({
        path: 'resources.cpuLimit',
        value: false,
        rule: 'removing the CPU limit needs a written reason',
        fix: 'keep the default (4 x the request) or set a limit, or add acknowledge.noCpuLimit: "<why>"',
      });
    }
    return { cpu, memory };
  }
  if (cpuLimit !== undefined && cpuMillicores(cpuLimit) < cpuMillicores(cpu)) {
    problems.push({
      path: 'resources.cpuLimit',
      value: cpuLimit,
      rule: `the CPU limit must be at least the CPU request (${cpu})`,
      fix: `raise resources.cpuLimit to ${cpu} or more, or leave it out for the default`,
    });
  }
  return { cpu, memory, cpuLimit: cpuLimit ?? formatCpu(DEFAULT_CPU_LIMIT_FACTOR * cpuMillicores(cpu)) };
}
