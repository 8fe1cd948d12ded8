import type { ConfigurationRejection } from './configuration-rejections';
import { checkoutWith, migrationWith } from './declarations';

/**
 * Inputs on which the two faces once disagreed or the API server refused the result (issue 19):
 * one list that both faces' rejection tests read, as CONFIGURATION_REJECTIONS is. Every row is
 * also rendered with the schema skipped (test/helm-without-schema.test.ts), where the templates
 * must give the TypeScript message word for word.
 */
export const EDGE_REJECTIONS: Array<[string, ConfigurationRejection]> = [
  [
    'a startup time whose progress deadline would overflow the API’s int32',
    {
      declaration: checkoutWith({ startup: { maxSeconds: 1_000_000_000 } }),
      path: 'startup.maxSeconds',
      value: 1_000_000_000,
      rule: /must be at most 2592000 seconds \(30 days\): every number derived from it must fit the Kubernetes API's 32-bit integers/,
      fix: /use a value ≤ 2592000/,
      helm: 'schema',
    },
  ],
  [
    'a time above 2^53, where Helm’s arithmetic wraps',
    {
      declaration: checkoutWith({ startup: { maxSeconds: 4611686018427387904 } }),
      path: 'startup.maxSeconds',
      rule: /must be at most 2592000 seconds/,
      fix: /use a value ≤ 2592000/,
      helm: 'schema',
    },
  ],
  [
    'a run whose active deadline would overflow the API’s int32',
    {
      declaration: migrationWith({ run: { maxSeconds: 200_000_000 } }),
      path: 'run.maxSeconds',
      value: 200_000_000,
      rule: /must be at most 2592000 seconds/,
      fix: /use a value ≤ 2592000/,
      helm: 'schema',
    },
  ],
  [
    'replicas beyond the API’s int32',
    {
      declaration: checkoutWith({ replicas: 3_000_000_000 }),
      path: 'replicas',
      value: 3_000_000_000,
      rule: /must be at most 2147483647, the largest number the Kubernetes API takes here/,
      fix: /use a value ≤ 2147483647/,
      helm: 'schema',
    },
  ],
];
