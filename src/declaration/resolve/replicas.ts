import { runsToCompletion } from '../../kinds/table';
import type { EffectiveSpec } from '../presets';
import type { Replicas } from './index';
import type { Resolution } from './resolution';

/** Two pods: one can be disrupted while the other serves. */
const DEFAULT_REPLICAS = 2;

export function resolveReplicas(spec: EffectiveSpec, { problems, acknowledged }: Resolution): Replicas {
  // A Job runs one pod at a time (parallelism 1): replicas and autoscaling are not its fields.
  if (runsToCompletion(spec.kind)) return { mode: 'fixed', count: 1 };
  const { autoscaling } = spec;
  const replicas: Replicas = autoscaling
    ? {
        mode: 'autoscaled',
        min: autoscaling.minReplicas,
        max: autoscaling.maxReplicas,
        targetCPUUtilizationPercentage: autoscaling.targetCPUUtilizationPercentage,
      }
    : { mode: 'fixed', count: spec.replicas ?? DEFAULT_REPLICAS };
  if (autoscaling && spec.replicas !== undefined) {
    problems.push({
      path: 'replicas',
      value: spec.replicas,
      rule: 'with autoscaling the HorizontalPodAutoscaler decides the number of pods, so replicas would be ignored',
      fix: `remove replicas; the autoscaler keeps between autoscaling.minReplicas (${autoscaling.minReplicas}) and autoscaling.maxReplicas (${autoscaling.maxReplicas}) pods`,
    });
  }
  if (autoscaling && autoscaling.maxReplicas < autoscaling.minReplicas) {
    problems.push({
      path: 'autoscaling.maxReplicas',
      value: autoscaling.maxReplicas,
      rule: `maxReplicas must be at least minReplicas (${autoscaling.minReplicas})`,
      fix: `raise autoscaling.maxReplicas to ${autoscaling.minReplicas} or more`,
    });
  }
  // The CPU target is targetCPUUtilizationPercentage, always part of the autoscaler's metrics.
  (autoscaling?.metrics ?? []).forEach((metric, index) => {
    if (metric.type !== 'Resource' || metric.resource.name !== 'cpu') return;
    problems.push({
      path: `autoscaling.metrics[${index}].resource.name`,
      value: 'cpu',
      rule: 'the autoscaler always scales on CPU, at autoscaling.targetCPUUtilizationPercentage; a second CPU target would contradict it',
      fix: `remove autoscaling.metrics[${index}] and set autoscaling.targetCPUUtilizationPercentage`,
    });
  });
  const fewest = replicas.mode === 'fixed' ? replicas.count : replicas.min;
  if (fewest < 2 && !acknowledged('singleReplica')) {
    problems.push({
      path: autoscaling ? 'autoscaling.minReplicas' : 'replicas',
      value: fewest,
      rule: 'a single replica has downtime on every rollout, node drain and crash, and cannot have a PodDisruptionBudget',
      fix: 'run at least 2 replicas, or add acknowledge.singleReplica: "<why downtime is acceptable>"',
    });
  }
  return replicas;
}
