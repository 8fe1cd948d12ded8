import type { ConfigurationRejection } from './configuration-rejections';
import { checkoutWith, migrationWith, nightlyWith } from './declarations';

/**
 * Invalid declarations of the kinds that run to completion, and the times each kind needs: one
 * list that both faces' rejection tests read (as configuration-rejections.ts).
 */
export const BATCH_REJECTIONS: Array<[string, ConfigurationRejection]> = [
  [
    'a job without its run time',
    {
      declaration: migrationWith({ run: undefined }),
      path: 'run',
      rule: /a job needs its run time: its deadline and retries are derived from it/,
      fix: /add run, e\.g\. run: \{ maxSeconds: 1800 \}/,
      helm: 'templates',
    },
  ],
  [
    'a web workload without its startup time',
    {
      declaration: checkoutWith({ startup: undefined }),
      path: 'startup',
      rule: /a web workload needs its startup time/,
      fix: /add startup, e\.g\. startup: \{ maxSeconds: 90 \}/,
      helm: 'templates',
    },
  ],
  [
    'a start time on a job',
    {
      declaration: migrationWith({ startup: { maxSeconds: 30 } }),
      path: 'startup',
      rule: /startup applies to kind web, worker, stateful or daemon only \(this workload is kind job\)/,
      fix: /remove startup, or make the workload kind web, worker, stateful or daemon/,
      helm: 'templates',
    },
  ],
  [
    'replicas on a job',
    {
      declaration: migrationWith({ replicas: 3 }),
      path: 'replicas',
      value: 3,
      rule: /replicas applies to kind web, worker or stateful only/,
      fix: /remove replicas/,
      helm: 'templates',
    },
  ],
  [
    'a run time on a web workload',
    {
      declaration: checkoutWith({ run: { maxSeconds: 60 } }),
      path: 'run',
      rule: /run applies to kind job or cronjob only \(this workload is kind web\)/,
      fix: /remove run, or make the workload kind job or cronjob/,
      helm: 'templates',
    },
  ],
  [
    'a readiness probe on a job',
    {
      declaration: migrationWith({ health: { readiness: { path: '/readyz' } }, port: 8080 }),
      path: 'health.readiness',
      value: { path: '/readyz' },
      rule: /a job's pods have no probes: no Service sends them traffic, and a run that hangs is ended by its deadline \(derived from run, or overrides\.activeDeadlineSeconds\)$/,
      fix: /remove health\.readiness/,
      helm: 'templates',
    },
  ],
  [
    'a preStop hook on a job',
    {
      declaration: migrationWith({ preStop: { type: 'app' } }),
      path: 'preStop.type',
      value: 'app',
      rule: /job workloads receive no Service traffic and get no preStop hook/,
      fix: /remove preStop/,
      helm: 'templates',
    },
  ],
  [
    'a rollout override on a job',
    {
      declaration: migrationWith({ overrides: { progressDeadlineSeconds: 900 } }),
      path: 'overrides.progressDeadlineSeconds',
      value: 900,
      rule: /overrides\.progressDeadlineSeconds does not apply to a job/,
      fix: /only overrides\.terminationGracePeriodSeconds, overrides\.activeDeadlineSeconds, overrides\.ttlSecondsAfterFinished apply to a job$/,
      helm: 'templates',
    },
  ],
  [
    'a typical run longer than the slowest',
    {
      declaration: migrationWith({ run: { maxSeconds: 600, typicalSeconds: 900 } }),
      path: 'run.typicalSeconds',
      value: 900,
      rule: /a typical run cannot take longer than the slowest one \(run\.maxSeconds = 600\)/,
      fix: /lower run\.typicalSeconds to at most 600/,
      helm: 'templates',
    },
  ],
  [
    'exit codes out of order and repeated',
    {
      declaration: migrationWith({ run: { maxSeconds: 600, nonRetryableExitCodes: [64, 2, 2] } }),
      path: 'run.nonRetryableExitCodes[1]',
      value: 2,
      rule: /in increasing order without repeats, as the Job API requires/,
      fix: /write them sorted without repeats: \[2, 64\]/,
      helm: 'templates',
    },
  ],
  [
    'exit code 0, which means success',
    {
      declaration: migrationWith({ run: { maxSeconds: 600, nonRetryableExitCodes: [0] } }),
      path: 'run.nonRetryableExitCodes[0]',
      rule: /at least 1|from 1 to 255/,
      fix: /./,
      helm: 'schema',
    },
  ],
  [
    'more attempts than a Job should make',
    {
      declaration: migrationWith({ run: { maxSeconds: 600, attempts: 50 } }),
      path: 'run.attempts',
      rule: /at most 20|20/,
      fix: /./,
      helm: 'schema',
    },
  ],
  [
    'a cronjob without its schedule',
    {
      declaration: nightlyWith({ schedule: undefined }),
      path: 'schedule',
      rule: /a cronjob needs its schedule/,
      fix: /add schedule, e\.g\. schedule: \{ cron: "0 2 \* \* \*" \}/,
      helm: 'templates',
    },
  ],
  [
    'a schedule on a job',
    {
      declaration: migrationWith({ schedule: { cron: '0 2 * * *' } }),
      path: 'schedule',
      rule: /schedule applies to kind cronjob only \(this workload is kind job\)/,
      fix: /remove schedule, or make the workload kind cronjob/,
      helm: 'templates',
    },
  ],
  [
    'a minute past the hour that does not exist',
    {
      declaration: nightlyWith({ schedule: { cron: '61 2 * * *' } }),
      path: 'schedule.cron',
      value: '61 2 * * *',
      rule: /a cron schedule as Kubernetes reads it: five fields/,
      fix: /write it like "0 2 \* \* \*"/,
      helm: 'templates',
    },
  ],
  [
    'a schedule that never runs',
    {
      declaration: nightlyWith({ schedule: { cron: '0 0 30 2 *' } }),
      path: 'schedule.cron',
      value: '0 0 30 2 *',
      rule: /the schedule never runs: no day of 28 years of calendar matches it/,
      fix: /pick days that exist/,
      helm: 'templates',
    },
  ],
  [
    "a schedule in the controller's local time",
    {
      declaration: nightlyWith({ schedule: { cron: '0 2 * * *', timeZone: 'Local' } }),
      path: 'schedule.timeZone',
      value: 'Local',
      rule: /timeZone must name a zone: Local would be whatever the controller runs in/,
      fix: /write a zone such as Europe\/Berlin or UTC/,
      helm: 'templates',
    },
  ],
  [
    'a time zone that is no IANA name',
    {
      declaration: nightlyWith({ schedule: { cron: '0 2 * * *', timeZone: 'Europe Berlin' } }),
      path: 'schedule.timeZone',
      rule: /an IANA time zone name/,
      fix: /Europe\/Berlin/,
      helm: 'schema',
    },
  ],
  [
    'a time zone the IANA database does not know',
    {
      declaration: nightlyWith({ schedule: { cron: '0 2 * * *', timeZone: 'Europe/Berlinn' } }),
      path: 'schedule.timeZone',
      value: 'Europe/Berlinn',
      rule: /timeZone must be a name of the IANA time zone database/,
      fix: /^write a name from the IANA time zone database, e\.g\. Europe\/Berlin/,
      helm: 'templates',
    },
  ],
  [
    'a time zone in the wrong case',
    {
      declaration: nightlyWith({ schedule: { cron: '0 2 * * *', timeZone: 'europe/berlin' } }),
      path: 'schedule.timeZone',
      value: 'europe/berlin',
      rule: /timeZone must be a name of the IANA time zone database/,
      fix: /^write Europe\/Berlin: zone names are case-sensitive$/,
      helm: 'templates',
    },
  ],
  [
    'a run too long for an hourly schedule that forbids overlap',
    {
      declaration: nightlyWith({ schedule: { cron: '0 * * * *' }, run: { maxSeconds: 3400 } }),
      path: 'run.maxSeconds',
      value: 3400,
      rule: /invariant 17 \(runFitsSchedule\).*startingDeadlineSeconds 10 \+ activeDeadlineSeconds 3760 = 3770 s vs shortest interval 3600 s \("0 \* \* \* \*", Forbid\)/,
      fix: /^one attempt needs 3760 s .*lower run\.maxSeconds to at most 3245, schedule runs at least 63 minutes apart \(schedule\.cron\), or let runs overlap \(schedule\.concurrencyPolicy: Allow\).*acknowledge\.runFitsSchedule/,
      helm: 'templates',
    },
  ],
  [
    'declared attempts too many for a schedule every minute: the fix names each field that alone would fit',
    {
      declaration: nightlyWith({ schedule: { cron: '* * * * *' }, run: { maxSeconds: 10, startSeconds: 30, attempts: 2 } }),
      path: 'run.maxSeconds',
      value: 10,
      rule: /invariant 17 \(runFitsSchedule\).*activeDeadlineSeconds 92 = 102 s vs shortest interval 60 s/,
      fix: /^2 attempts need 92 s \(2 x 41 \+ back-off 10\), but a run must end 10 s before the next is due, within 50 s: lower run\.startSeconds to at most 9, lower run\.attempts to 1, schedule runs at least 2 minutes apart \(schedule\.cron\), or let runs overlap/,
      helm: 'templates',
    },
  ],
  [
    'a starting deadline on a job, which has no schedule',
    {
      declaration: migrationWith({ overrides: { startingDeadlineSeconds: 60 } }),
      path: 'overrides.startingDeadlineSeconds',
      value: 60,
      rule: /^overrides\.startingDeadlineSeconds does not apply to a job: a job has no schedule, so no run of it can start late$/,
      fix: /^remove overrides\.startingDeadlineSeconds; only overrides\.terminationGracePeriodSeconds, overrides\.activeDeadlineSeconds, overrides\.ttlSecondsAfterFinished apply to a job$/,
      helm: 'templates',
    },
  ],
  [
    'a Job deadline on a web workload, whose pods run until deleted',
    {
      declaration: checkoutWith({ overrides: { activeDeadlineSeconds: 600 } }),
      path: 'overrides.activeDeadlineSeconds',
      value: 600,
      rule: /^overrides\.activeDeadlineSeconds applies to kind job or cronjob only \(this workload is kind web\): its pods run until deleted$/,
      fix: /^remove overrides\.activeDeadlineSeconds$/,
      helm: 'templates',
    },
  ],
  [
    'backoffLimit under overrides: run.attempts is the one way to say the retries',
    {
      declaration: migrationWith({ overrides: { backoffLimit: 2 } }),
      path: 'overrides.backoffLimit',
      value: 2,
      rule: /unknown field/,
      fix: /^declare run\.attempts instead, the number of runs \(backoffLimit \+ 1; backoffLimit 2 is run\.attempts: 3\)/,
      helm: 'schema',
    },
  ],
  [
    "a starting deadline shorter than the CronJob controller's 10 s check",
    {
      declaration: nightlyWith({ overrides: { startingDeadlineSeconds: 5 } }),
      path: 'overrides.startingDeadlineSeconds',
      rule: /at least 10|10/,
      fix: /./,
      helm: 'schema',
    },
  ],
  [
    'a Job deadline override shorter than one run (invariant 16): 1000 s for a run of 1800 s',
    {
      declaration: migrationWith({ overrides: { activeDeadlineSeconds: 1000 } }),
      path: 'overrides.activeDeadlineSeconds',
      value: 1000,
      rule: /^invariant 16 \(deadlineCoversAttempts\): .* Here: overrides\.activeDeadlineSeconds 1000 s vs 1 attempt × \(init 0 \+ run\.maxSeconds 1800\) \+ back-off 0 = 1800 s$/,
      fix: /^raise overrides\.activeDeadlineSeconds to at least 2000 \(1 x attempt 2000 \+ back-off 0\), lower run\.maxSeconds to at most 890, or leave overrides\.activeDeadlineSeconds out to have it derived; if this is deliberate, add acknowledge\.deadlineCoversAttempts: "<reason>"$/,
      helm: 'templates',
    },
  ],
  [
    'a Job deadline override that covers the run but not its start and margin (invariant 18): 1900 s for an attempt of 2000 s',
    {
      declaration: migrationWith({ overrides: { activeDeadlineSeconds: 1900 } }),
      path: 'overrides.activeDeadlineSeconds',
      value: 1900,
      rule: /^invariant 18 \(attemptFitsDeadline\): .* Here: 1 attempt × attempt 2000 s \(run\.startSeconds 20 \+ init 0 \+ run\.maxSeconds 1800 \+ margin 180\) \+ back-off 0 = 2000 s vs overrides\.activeDeadlineSeconds 1900 s$/,
      fix: /^raise overrides\.activeDeadlineSeconds to at least 2000 \(1 x attempt 2000 \+ back-off 0\), lower run\.maxSeconds to at most 1709, or leave overrides\.activeDeadlineSeconds out to have it derived; if this is deliberate, add acknowledge\.attemptFitsDeadline: "<reason>"$/,
      helm: 'templates',
    },
  ],
  [
    'declared attempts that do not fit an overridden Job deadline (invariant 18): the fix names each field that alone would fit',
    {
      declaration: migrationWith({ run: { maxSeconds: 1800, attempts: 3 }, overrides: { activeDeadlineSeconds: 5500 } }),
      path: 'overrides.activeDeadlineSeconds',
      value: 5500,
      rule: /^invariant 18 \(attemptFitsDeadline\): .* Here: 3 attempts \(run\.attempts\) × attempt 2000 s \(run\.startSeconds 20 \+ init 0 \+ run\.maxSeconds 1800 \+ margin 180\) \+ back-off 30 = 6030 s vs overrides\.activeDeadlineSeconds 5500 s$/,
      fix: /^raise overrides\.activeDeadlineSeconds to at least 6030 \(3 x attempt 2000 \+ back-off 30\), lower run\.maxSeconds to at most 1639, lower run\.attempts to 2, or leave overrides\.activeDeadlineSeconds out to have it derived; if this/,
      helm: 'templates',
    },
  ],
  [
    'a Job deadline override too long for an hourly schedule that forbids overlap (invariant 17)',
    {
      declaration: nightlyWith({ schedule: { cron: '0 * * * *' }, run: { maxSeconds: 600 }, overrides: { activeDeadlineSeconds: 3595 } }),
      path: 'overrides.activeDeadlineSeconds',
      value: 3595,
      rule: /^invariant 17 \(runFitsSchedule\): .* Here: startingDeadlineSeconds 10 \+ overrides\.activeDeadlineSeconds 3595 = 3605 s vs shortest interval 3600 s \("0 \* \* \* \*", Forbid\)$/,
      fix: /^the Job's deadline is 3595 s \(overrides\.activeDeadlineSeconds\), but a run must end 10 s before the next is due, within 3590 s: lower overrides\.activeDeadlineSeconds to at most 3590, schedule runs at least 61 minutes apart \(schedule\.cron\), or let runs overlap \(schedule\.concurrencyPolicy: Allow\); if this/,
      helm: 'templates',
    },
  ],
  [
    'a starting deadline override that lets a late run last into the next (invariant 17)',
    {
      declaration: nightlyWith({ overrides: { startingDeadlineSeconds: 80000 } }),
      path: 'overrides.startingDeadlineSeconds',
      value: 80000,
      rule: /^invariant 17 \(runFitsSchedule\): .* Here: overrides\.startingDeadlineSeconds 80000 \+ activeDeadlineSeconds 11970 = 91970 s vs shortest interval 86400 s \("0 2 \* \* \*", Forbid\)$/,
      fix: /^3 attempts need 11970 s \(3 x 3980 \+ back-off 30\), but a start up to 80000 s late \(overrides\.startingDeadlineSeconds\) leaves 6400 s: lower overrides\.startingDeadlineSeconds to at most 74430, lower run\.maxSeconds to at most 1911, schedule runs at least 1533 minutes apart \(schedule\.cron\), or let runs overlap \(schedule\.concurrencyPolicy: Allow\); if this/,
      helm: 'templates',
    },
  ],
];
