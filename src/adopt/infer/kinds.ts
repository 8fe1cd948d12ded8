import type { Node } from '../../manifests/objects';
import type { AdoptedController } from './group';
import type { Declared } from './times';
import type { Ledger } from './ledger';
import { isRuntimeSocketPath } from '../../declaration/dangers';
import { CARRIED_OVER } from './identity';
import { summaryNumber } from './own-output';
import { TIMINGS_ANNOTATION } from '../../annotations';
import { JOB_TTL_SECONDS, RUN_START_SECONDS } from '../../timing/kinds/job';

/**
 * The declaration's kind from the controller (src/kinds/table.ts): a Deployment is web when a
 * Service selects its pods, else worker; StatefulSet stateful, DaemonSet daemon, Job job, CronJob cronjob.
 */
export function inferKind(ledger: Ledger, controller: AdoptedController, selected: boolean): string {
  const kind = { Deployment: selected ? 'web' : 'worker', StatefulSet: 'stateful', DaemonSet: 'daemon', Job: 'job', CronJob: 'cronjob' }[
    controller
  ];
  if (kind !== 'web') ledger.set(['kind'], kind, controller === 'Deployment' ? 'a Deployment that no Service selects' : `a ${controller}`);
  return kind;
}

/**
 * run.* and schedule.* of kinds job and cronjob. run.maxSeconds: the declared annotation, else the
 * Job's activeDeadlineSeconds (the longest a run may take today), else a placeholder;
 * run.attempts = backoffLimit + 1 (Kubernetes' default backoffLimit is 6:
 * https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-backoff-failure-policy).
 */
export function inferRun(ledger: Ledger, controller: 'Job' | 'CronJob', object: Node, declared: Declared): void {
  const jobSpecPath = controller === 'CronJob' ? 'spec.jobTemplate.spec' : 'spec';
  const jobSpec: Node = (controller === 'CronJob' ? object.spec?.jobTemplate?.spec : object.spec) ?? {};
  ledger.consume(
    ledger.subject,
    `${jobSpecPath}.activeDeadlineSeconds`,
    `${jobSpecPath}.backoffLimit`,
    `${jobSpecPath}.podFailurePolicy`,
    `${jobSpecPath}.ttlSecondsAfterFinished`,
    `${jobSpecPath}.template.spec.activeDeadlineSeconds`,
  );
  if (typeof declared.runMaxSeconds === 'number') {
    ledger.set(
      ['run', 'maxSeconds'],
      declared.runMaxSeconds,
      `runMaxSeconds=${declared.runMaxSeconds} in the hardened-workloads.io/declared annotation`,
    );
  } else if (typeof jobSpec.activeDeadlineSeconds === 'number') {
    ledger.set(
      ['run', 'maxSeconds'],
      jobSpec.activeDeadlineSeconds,
      `${jobSpecPath}.activeDeadlineSeconds: the longest a run may take today`,
    );
  } else {
    ledger.confirm(
      ['run', 'maxSeconds'],
      3600,
      'no activeDeadlineSeconds says how long a run may take: confirm the slowest acceptable run',
    );
  }
  const backoffLimit = typeof jobSpec.backoffLimit === 'number' ? jobSpec.backoffLimit : 6;
  // Our timings summary says when the attempts are the default for a cronjob: as many as fit between two runs.
  const fitted = /as many as fit/.test(String(object.metadata?.annotations?.[TIMINGS_ANNOTATION] ?? ''));
  if (!fitted) {
    const attempts = Math.min(20, backoffLimit + 1);
    // A cronjob whose runs must not overlap defaults to as many attempts as fit between two runs, and a Job with an
    // overridden deadline to as many as fit in it: their attempts are written even when 3.
    const deadlineOverridden = String(object.metadata?.annotations?.[TIMINGS_ANNOTATION] ?? '').includes(
      '(overrides.activeDeadlineSeconds)',
    );
    if (attempts !== 3 || controller === 'CronJob' || deadlineOverridden)
      ledger.set(
        ['run', 'attempts'],
        attempts,
        `${jobSpecPath}.backoffLimit ${backoffLimit}${jobSpec.backoffLimit === undefined ? " (Kubernetes' default)" : ''} + 1`,
      );
  }
  const typical = summaryNumber(object, 'run', /\(typical (\d+)s\)/);
  const maxSeconds = ledger.get(['run', 'maxSeconds']) as number;
  if (typical !== undefined && typical !== Math.ceil(maxSeconds / 3))
    ledger.set(['run', 'typicalSeconds'], typical, 'the run line of the hardened-workloads.io/timings annotation');
  const start = summaryNumber(object, 'attempt deadline', /= start (\d+) \+/);
  if (start !== undefined && start !== RUN_START_SECONDS)
    ledger.set(['run', 'startSeconds'], start, 'the attempt deadline line of the hardened-workloads.io/timings annotation');
  inferJobOverrides(ledger, controller, object, jobSpec, jobSpecPath);
  const failJob = ((jobSpec.podFailurePolicy?.rules as Node[] | undefined) ?? []).find(
    (rule) => rule.action === 'FailJob' && rule.onExitCodes?.operator === 'In',
  );
  if (failJob)
    ledger.set(
      ['run', 'nonRetryableExitCodes'],
      failJob.onExitCodes.values,
      `${jobSpecPath}.podFailurePolicy: these exit codes fail the Job without another attempt`,
    );
  if (controller !== 'CronJob') return;
  const spec: Node = object.spec ?? {};
  ledger.consume(
    ledger.subject,
    'spec.schedule',
    'spec.timeZone',
    'spec.concurrencyPolicy',
    'spec.suspend',
    'spec.successfulJobsHistoryLimit',
    'spec.failedJobsHistoryLimit',
    'spec.startingDeadlineSeconds',
  );
  ledger.set(['schedule', 'cron'], String(spec.schedule), 'spec.schedule');
  if (spec.timeZone) ledger.set(['schedule', 'timeZone'], String(spec.timeZone), 'spec.timeZone');
  // Kubernetes' default concurrencyPolicy is Allow; the schema's is Forbid: https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#concurrency-policy
  const policy = spec.concurrencyPolicy ?? 'Allow';
  if (policy !== 'Forbid')
    ledger.set(
      ['schedule', 'concurrencyPolicy'],
      policy,
      `spec.concurrencyPolicy${spec.concurrencyPolicy === undefined ? " left out: Kubernetes' default Allow" : ''}`,
    );
  if (spec.suspend === true) ledger.set(['schedule', 'suspend'], true, 'spec.suspend');
  for (const field of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit'] as const) {
    const value = spec[field] ?? (field === 'successfulJobsHistoryLimit' ? 3 : 1);
    if (value !== 3) ledger.set(['schedule', field], value, `spec.${field}${spec[field] === undefined ? " (Kubernetes' default)" : ''}`);
  }
}

/**
 * overrides.* of a Job's limits. Our own output names an overridden limit in its timings annotation
 * (`(overrides.activeDeadlineSeconds)`); there the number is the declaration's. In anyone's
 * manifests the deadlines are derived anew from run.* (the Job's deadline became run.maxSeconds
 * above), but a clean-up TTL other than the kind's default is kept as declared: it takes no part
 * in start or stop (Kubernetes "Automatic Cleanup for Finished Jobs").
 */
function inferJobOverrides(ledger: Ledger, controller: 'Job' | 'CronJob', object: Node, jobSpec: Node, jobSpecPath: string): void {
  const timings = String(object.metadata?.annotations?.[TIMINGS_ANNOTATION] ?? '');
  const overridden = (field: string) => timings.includes(`(overrides.${field})`);
  const ours = timings !== '';
  if (overridden('activeDeadlineSeconds') && typeof jobSpec.activeDeadlineSeconds === 'number')
    ledger.set(
      ['overrides', 'activeDeadlineSeconds'],
      jobSpec.activeDeadlineSeconds,
      `${jobSpecPath}.activeDeadlineSeconds, an override by the hardened-workloads.io/timings annotation`,
    );
  const ttl = jobSpec.ttlSecondsAfterFinished;
  // A Job's derived TTL is a week; a CronJob's Jobs have none (their history limits keep them).
  const derivedTtl = controller === 'Job' ? JOB_TTL_SECONDS : undefined;
  if (typeof ttl === 'number' && (ours ? overridden('ttlSecondsAfterFinished') : ttl !== derivedTtl))
    ledger.set(
      ['overrides', 'ttlSecondsAfterFinished'],
      ttl,
      ours
        ? `${jobSpecPath}.ttlSecondsAfterFinished, an override by the hardened-workloads.io/timings annotation`
        : `${jobSpecPath}.ttlSecondsAfterFinished: how long finished Jobs are kept today`,
    );
  const starting = object.spec?.startingDeadlineSeconds;
  if (controller === 'CronJob' && overridden('startingDeadlineSeconds') && typeof starting === 'number')
    ledger.set(
      ['overrides', 'startingDeadlineSeconds'],
      starting,
      'spec.startingDeadlineSeconds, an override by the hardened-workloads.io/timings annotation',
    );
}

/** stateful.*: the claims of the StatefulSet's volumeClaimTemplates, its pod management and partition. */
export function inferStateful(ledger: Ledger, object: Node, mounts: ReadonlyMap<string, string>): void {
  const spec: Node = object.spec ?? {};
  ledger.consume(
    ledger.subject,
    'spec.volumeClaimTemplates',
    'spec.podManagementPolicy',
    'spec.updateStrategy',
    'spec.serviceName',
    'spec.persistentVolumeClaimRetentionPolicy',
  );
  for (const [index, template] of ((spec.volumeClaimTemplates as Node[] | undefined) ?? []).entries()) {
    const name = String(template.metadata?.name);
    const mountPath = mounts.get(name);
    if (mountPath === undefined) {
      ledger.drop(ledger.subject, `spec.volumeClaimTemplates.${index}`, 'no container of the application mounts this claim');
      continue;
    }
    const claim: Node = template.spec ?? {};
    ledger.set(
      ['stateful', 'volumeClaims', name],
      {
        size: String(claim.resources?.requests?.storage ?? '1Gi'),
        mountPath,
        ...(claim.storageClassName ? { storageClass: String(claim.storageClassName) } : {}),
        ...(Array.isArray(claim.accessModes) && claim.accessModes[0] !== 'ReadWriteOnce'
          ? { accessMode: String(claim.accessModes[0]) }
          : {}),
      },
      `spec.volumeClaimTemplates.${index}`,
    );
  }
  if (spec.podManagementPolicy === 'Parallel') ledger.set(['stateful', 'podManagementPolicy'], 'Parallel', 'spec.podManagementPolicy');
  const partition = spec.updateStrategy?.rollingUpdate?.partition;
  if (typeof partition === 'number' && partition > 0)
    ledger.set(['stateful', 'partition'], partition, 'spec.updateStrategy.rollingUpdate.partition');
  const retention: Node = spec.persistentVolumeClaimRetentionPolicy ?? {};
  if (retention.whenDeleted === 'Delete') {
    ledger.set(['stateful', 'claimRetention', 'whenDeleted'], 'Delete', 'spec.persistentVolumeClaimRetentionPolicy.whenDeleted');
    ledger.set(['acknowledge', 'deleteVolumeClaims'], CARRIED_OVER, 'the input deletes its claims with the StatefulSet');
  }
  const window = summaryNumber(object, 'rollout', /maintenance window (\d+)s/);
  if (window !== undefined)
    ledger.set(['stateful', 'maintenanceWindowSeconds'], window, 'the rollout line of the hardened-workloads.io/timings annotation');
  if (retention.whenScaled === 'Delete')
    ledger.set(['stateful', 'claimRetention', 'whenScaled'], 'Delete', 'spec.persistentVolumeClaimRetentionPolicy.whenScaled');
}

/** daemon.*: host folders the node agent mounts (acknowledged as carried over), and surge updates. */
export function inferDaemon(
  ledger: Ledger,
  object: Node,
  hostPaths: ReadonlyArray<{ name: string; path: string; mountPath: string; readOnly: boolean; type?: string; volume?: string }>,
): void {
  ledger.consume(ledger.subject, 'spec.updateStrategy');
  for (const { name, path, mountPath, readOnly, type, volume } of hostPaths) {
    ledger.set(
      ['daemon', 'hostPaths', name],
      { path, ...(mountPath !== path ? { mountPath } : {}), ...(readOnly ? {} : { readOnly: false }), ...(type ? { type } : {}) },
      volume === undefined ? `the hostPath volume ${name}` : `the hostPath volume ${name} (${volume})`,
    );
  }
  if (hostPaths.length > 0) ledger.set(['acknowledge', 'volumeTypes'], CARRIED_OVER, 'the input mounts host folders');
  // Each danger among them needs its own acknowledgement (src/declaration/dangers.ts): carried over.
  const socket = hostPaths.find(({ path }) => isRuntimeSocketPath(path));
  if (socket) ledger.set(['acknowledge', 'runtimeSocket'], CARRIED_OVER, `the hostPath volume ${socket.name} is or holds ${socket.path}`);
  const writable = hostPaths.find(({ readOnly }) => !readOnly);
  if (writable) ledger.set(['acknowledge', 'writableHostPath'], CARRIED_OVER, `the hostPath volume ${writable.name} is mounted writable`);
  const surge = object.spec?.updateStrategy?.rollingUpdate?.maxSurge;
  if (surge !== undefined && surge !== 0 && surge !== '0%')
    ledger.set(['daemon', 'surge'], true, 'spec.updateStrategy.rollingUpdate.maxSurge');
}
