import type { ConfigurationRejection } from './configuration-rejections';
import { checkoutWith, nightlyWith } from './declarations';

/**
 * Messages that lead to the fix in both faces (issue 19 §5): a misplaced field names where it
 * belongs, in the Helm face too (values.schema.json lets it through to the templates, which say it
 * with the TypeScript words, with the schema or without).
 */
export const MESSAGE_REJECTIONS: Array<[string, ConfigurationRejection]> = [
  [
    'tolerations written at the top, where they do not belong',
    {
      declaration: checkoutWith({ tolerations: [{ key: 'dedicated', operator: 'Exists' }] }),
      path: 'tolerations',
      value: [{ key: 'dedicated', operator: 'Exists' }],
      rule: /^unknown field here$/,
      fix: /^it belongs at scheduling.tolerations: move it there$/,
      helm: 'templates',
    },
  ],
  [
    'a run time written in the schedule',
    {
      declaration: nightlyWith({ schedule: { cron: '0 2 * * *', maxSeconds: 600 } }),
      path: 'schedule.maxSeconds',
      value: 600,
      rule: /^unknown field here$/,
      fix: /^it belongs at run.maxSeconds: move it there$/,
      helm: 'templates',
    },
  ],
  [
    'several misplaced fields, nested and at the top, each with where it belongs',
    {
      declaration: checkoutWith({ timeZone: 'UTC', nodeSelector: { pool: 'general' }, ingress: { host: 'shop.example.com', tls: true } }),
      path: 'ingress.host',
      value: 'shop.example.com',
      rule: /^unknown field here$/,
      fix: /^it belongs at ingress.hosts: move it there$/,
      helm: 'templates',
    },
  ],
];
