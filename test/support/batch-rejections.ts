import type { ConfigurationRejection } from './configuration-rejections';
import { checkoutWith, migrationWith } from './declarations';

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
      rule: /startup applies to kind web or worker only \(this workload is kind job\)/,
      fix: /remove startup, or make the workload kind web or worker/,
      helm: 'templates',
    },
  ],
  [
    'replicas on a job',
    {
      declaration: migrationWith({ replicas: 3 }),
      path: 'replicas',
      value: 3,
      rule: /replicas applies to kind web or worker only/,
      fix: /remove replicas/,
      helm: 'templates',
    },
  ],
  [
    'a run time on a web workload',
    {
      declaration: checkoutWith({ run: { maxSeconds: 60 } }),
      path: 'run',
      rule: /run applies to kind job only \(this workload is kind web\)/,
      fix: /remove run, or make the workload kind job/,
      helm: 'templates',
    },
  ],
  [
    'a readiness probe on a job',
    {
      declaration: migrationWith({ health: { readiness: { path: '/readyz' } }, port: 8080 }),
      path: 'health.readiness',
      value: { path: '/readyz' },
      rule: /a job's pods have no probes: no Service sends them traffic, and a run that hangs is ended by the Job's activeDeadlineSeconds/,
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
      rule: /a job's pods receive no Service traffic and get no preStop hook/,
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
      fix: /only overrides\.terminationGracePeriodSeconds applies to a job/,
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
];
