import type { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type { Schedule } from '../../declaration/workload-spec';
import { HardenedWorkloadBase } from '../hardened-workload';
import type { HardenedJobProps } from './hardened-job';

/** Props of `HardenedCronJob`: a job's props, and when it runs. */
export interface HardenedCronJobProps extends HardenedJobProps {
  /**
   * When the CronJob runs: `cron` (as Kubernetes reads it), `timeZone`, `concurrencyPolicy`
   * (default Forbid) and the history limits (default 3 each). The starting deadline is derived from
   * the schedule's shortest interval (docs/derivation.md, "Kind cronjob").
   *
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/
   */
  readonly schedule: Schedule;
}

/**
 * A task that runs to completion on a schedule (`kind: cronjob`), such as a nightly report: a
 * CronJob whose Jobs are a `HardenedJob`'s (deadline covering every attempt, retries that
 * disruptions do not spend, fast failure on permanent exit codes), with a starting deadline that
 * lets a late run end before the next one, overlap forbidden by default, and a kept history.
 *
 * @example
 * new HardenedCronJob(chart, 'report', {
 *   name: 'nightly-report',
 *   image: 'ghcr.io/acme/report:4.1.0',
 *   schedule: { cron: '0 2 * * *', timeZone: 'Europe/Berlin' },
 *   run: { maxSeconds: 3600 },
 *   drainSeconds: 30,
 * });
 */
export class HardenedCronJob extends HardenedWorkloadBase {
  public readonly cronJob: ApiObject;

  constructor(scope: Construct, id: string, props: HardenedCronJobProps) {
    super(scope, id, { ...props, kind: 'cronjob' }, ['cronjob']);
    this.cronJob = this.objects.CronJob!;
  }
}
