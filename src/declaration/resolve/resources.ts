import { cpuMillicores, DEFAULT_CPU_LIMIT_FACTOR, formatCpu, memoryBytes } from '../quantities';
import type { Resolution } from './resolution';

/** A container's resources as the objects get them: requests, the memory limit, a CPU limit unless removed, node disk if declared. */
export interface ResolvedResources {
  readonly cpu: string;
  readonly memory: string;
  readonly cpuLimit?: string;
  /** The memory limit: the request unless declared. */
  readonly memoryLimit: string;
  readonly ephemeralStorage?: { readonly request?: string; readonly limit?: string };
}

interface DeclaredResources {
  readonly cpu: string;
  readonly memory: string;
  readonly cpuLimit?: string | false;
  readonly memoryLimit?: string;
  readonly ephemeralStorage?: { readonly request?: string; readonly limit?: string };
}

/**
 * One container's resources, with the default CPU and memory limits. `path` is where they are
 * declared (`resources`, `sidecars[0].resources`), so that a problem names the right field.
 * Mirrored by `hw.relations.resources` in templates/_relations.tpl.
 */
export function resolveResources(declared: DeclaredResources, path: string, resolution: Resolution): ResolvedResources {
  const { cpu, memory, memoryLimit = memory, ephemeralStorage } = declared;
  const { problems, acknowledged } = resolution;
  if (declared.memoryLimit !== undefined && memoryBytes(memoryLimit) < memoryBytes(memory)) {
    problems.push({
      path: `${path}.memoryLimit`,
      value: memoryLimit,
      rule: `the memory limit must be at least the memory request (${memory})`,
      fix: `raise ${path}.memoryLimit to ${memory} or more, or leave it out for the default (the request)`,
    });
  } else if (memoryBytes(memoryLimit) > memoryBytes(memory) && !acknowledged('memoryLimit')) {
    // Memory is reclaimed only by killing: a container above its request is the first killed when the node runs short.
    problems.push({
      path: `${path}.memoryLimit`,
      value: memoryLimit,
      rule: `a memory limit above the request (${memory}) needs a written reason: above its request the container is the first the node kills when memory runs short`,
      fix: `raise ${path}.memory to ${memoryLimit} or leave memoryLimit out, or add acknowledge.memoryLimit: "<why>"`,
    });
  }
  const { request, limit } = ephemeralStorage ?? {};
  if (request !== undefined && limit !== undefined && memoryBytes(limit) < memoryBytes(request)) {
    problems.push({
      path: `${path}.ephemeralStorage.limit`,
      value: limit,
      rule: `the ephemeral-storage limit must be at least its request (${request})`,
      fix: `raise ${path}.ephemeralStorage.limit to ${request} or more, or lower the request`,
    });
  }
  const base = { cpu, memory, memoryLimit, ...(ephemeralStorage ? { ephemeralStorage } : {}) };
  return { ...base, ...cpuLimitOf(declared, path, resolution) };
}

function cpuLimitOf({ cpu, cpuLimit }: DeclaredResources, path: string, { problems, acknowledged }: Resolution): { cpuLimit?: string } {
  if (cpuLimit === false) {
    if (!acknowledged('noCpuLimit')) {
      problems.push({
        path: `${path}.cpuLimit`,
        value: false,
        rule: 'removing the CPU limit needs a written reason',
        fix: 'keep the default (4 x the request) or set a limit, or add acknowledge.cpuLimit: "<why>"',
      });
    }
    return {};
  }
  if (cpuLimit !== undefined && cpuMillicores(cpuLimit) < cpuMillicores(cpu)) {
    problems.push({
      path: `${path}.cpuLimit`,
      value: cpuLimit,
      rule: `the CPU limit must be at least the CPU request (${cpu})`,
      fix: `raise ${path}.cpuLimit to ${cpu} or more, or leave it out for the default`,
    });
  }
  return { cpuLimit: cpuLimit ?? formatCpu(DEFAULT_CPU_LIMIT_FACTOR * cpuMillicores(cpu)) };
}
