import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../kubernetes-json';
import type { ResolvedWorkload } from '../../declaration/resolve';
import { commonLabels, deploymentAnnotations, objectMetadata } from '../metadata';
import { type JobSpec, jobSpec } from './job';

type CronJobProps = Omit<Json<k8s.KubeCronJobProps>, 'spec'> & {
  spec: Omit<Json<k8s.CronJobSpec>, 'jobTemplate'> & { jobTemplate: { metadata: Json<k8s.ObjectMeta>; spec: JobSpec } };
};

/** A CronJob: the schedule, its derived starting deadline and history, around the Job spec a Job has (job.ts). */
export function cronJobProps(workload: ResolvedWorkload): CronJobProps {
  const cronJob = workload.timings.cronJob!;
  return {
    metadata: objectMetadata(workload, deploymentAnnotations(workload)),
    spec: {
      schedule: cronJob.cron,
      timeZone: cronJob.timeZone,
      concurrencyPolicy: cronJob.concurrencyPolicy,
      // Written only when declared true, so that the output of every other declaration stays the same.
      suspend: workload.spec.schedule?.suspend === true ? true : undefined,
      startingDeadlineSeconds: cronJob.startingDeadlineSeconds,
      successfulJobsHistoryLimit: cronJob.successfulJobsHistoryLimit,
      failedJobsHistoryLimit: cronJob.failedJobsHistoryLimit,
      jobTemplate: { metadata: { labels: commonLabels(workload) }, spec: jobSpec(workload) },
    },
  };
}
