import type { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type { WorkloadSpec } from '../../declaration/schema';
import type { RunTimes } from '../../declaration/workload-spec';
import { HardenedWorkloadBase, type HardenedWorkloadOptions } from '../hardened-workload';

/**
 * Props of `HardenedJob`: the declaration without `kind`, without the fields of pods that run
 * until deleted (startup, replicas, autoscaling, probes, preStop, traffic and the ways in), and
 * without a schedule (that is `HardenedCronJob`).
 */
export interface HardenedJobProps
  extends
    Omit<
      WorkloadSpec,
      'kind' | 'startup' | 'replicas' | 'autoscaling' | 'health' | 'preStop' | 'traffic' | 'service' | 'ingress' | 'route' | 'schedule'
    >,
    HardenedWorkloadOptions {
  /**
   * How long one run takes and how often it is tried: the Job's activeDeadlineSeconds,
   * backoffLimit and podFailurePolicy are derived from it (docs/derivation.md, "Kind job").
   *
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/job/
   */
  readonly run: RunTimes;
}

/**
 * A one-off task that runs to completion (`kind: job`), such as a data migration: a Job with
 * restartPolicy Never, a deadline that covers every attempt, a retry budget that disruptions do not
 * spend, a fast failure on declared permanent exit codes, and a TTL that cleans it up; plus its
 * ServiceAccount, NetworkPolicy and the ConfigMap of its inline config files. No Service, no
 * PodDisruptionBudget, no probes.
 *
 * @example
 * new HardenedJob(chart, 'migrate', {
 *   name: 'orders-migrate',
 *   image: 'ghcr.io/acme/orders-migrate:2.3.0',
 *   run: { maxSeconds: 1800, nonRetryableExitCodes: [2] },
 *   drainSeconds: 20,
 * });
 */
export class HardenedJob extends HardenedWorkloadBase {
  public readonly job: ApiObject;

  constructor(scope: Construct, id: string, props: HardenedJobProps) {
    super(scope, id, { ...props, kind: 'job' }, ['job']);
    this.job = this.objects.Job!;
  }
}
