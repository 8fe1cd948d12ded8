import { cpuMillicores, DEFAULT_CPU_LIMIT_FACTOR, formatCpu } from '../quantities';
import type { Resolution } from './resolution';

/** A container's resources as the objects get them: requests, the memory limit, and a CPU limit unless removed. */
export interface ResolvedResources {
  readonly cpu: string;
  readonly memory: string;
  readonly cpuLimit?: string;
}

/**
 * One container's resources, with the default CPU limit. `path` is where they are declared
 * (`resources`, `sidecars[0].resources`), so that a problem names the right field.
 */
export function resolveResources(
  { cpu, memory, cpuLimit }: { cpu: string; memory: string; cpuLimit?: string | false },
  path: string,
  { problems, acknowledged }: Resolution,
): ResolvedResources {
  if (cpuLimit === false) {
    if (!acknowledged('noCpuLimit')) {
      problems.push({
        path: `${path}.cpuLimit`,
        value: false,
        rule: 'removing the CPU limit needs a written reason',
        fix: 'keep the default (4 x the request) or set a limit, or add acknowledge.noCpuLimit: "<why>"',
      });
    }
    return { cpu, memory };
  }
  if (cpuLimit !== undefined && cpuMillicores(cpuLimit) < cpuMillicores(cpu)) {
    problems.push({
      path: `${path}.cpuLimit`,
      value: cpuLimit,
      rule: `the CPU limit must be at least the CPU request (${cpu})`,
      fix: `raise ${path}.cpuLimit to ${cpu} or more, or leave it out for the default`,
    });
  }
  return { cpu, memory, cpuLimit: cpuLimit ?? formatCpu(DEFAULT_CPU_LIMIT_FACTOR * cpuMillicores(cpu)) };
}
