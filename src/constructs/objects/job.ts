import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { deploymentAnnotations, objectMetadata } from '../metadata';
import { podTemplate } from './pod/pod-template';
import type { PodTemplate } from './pod/types';

/** The 1.28 Job spec with the shared pod template, which may hold newer fields (pod/types.ts). */
export type JobSpec = Omit<Json<k8s.JobSpec>, 'template'> & { template: PodTemplate };
type JobProps = Omit<Json<k8s.KubeJobProps>, 'spec'> & { spec: JobSpec };

/**
 * A Job's spec from the derived job timings (src/timing/kinds/job.ts); a CronJob's jobTemplate
 * reuses it. No selector: the Job controller generates a unique one, and a Job's template
 * cannot change after creation anyway.
 */
export function jobSpec(workload: ResolvedWorkload): JobSpec {
  const job = workload.timings.job!;
  return {
    backoffLimit: job.backoffLimit,
    activeDeadlineSeconds: job.activeDeadlineSeconds,
    ttlSecondsAfterFinished: job.ttlSecondsAfterFinished,
    podFailurePolicy: {
      rules: [
        // First, so that a pod stopped by an eviction, a preemption or a node drain is retried without
        // spending the retry budget, whatever exit code its checkpointing left behind.
        { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
        // The main container is named after the workload (pod/containers.ts); sidecars' exit codes never fail the Job.
        ...(job.nonRetryableExitCodes.length > 0
          ? [
              {
                action: 'FailJob',
                // The 1.28 API marks onPodConditions required in every rule; an empty list is valid
                // beside onExitCodes (one of the two must be non-empty).
                onPodConditions: [],
                onExitCodes: { containerName: workload.spec.name, operator: 'In', values: [...job.nonRetryableExitCodes] },
              },
            ]
          : []),
      ],
    },
    template: podTemplate(workload),
  };
}

export function jobProps(workload: ResolvedWorkload): JobProps {
  return { metadata: objectMetadata(workload, deploymentAnnotations(workload)), spec: jobSpec(workload) };
}
