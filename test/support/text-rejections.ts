import type { ConfigurationRejection } from './configuration-rejections';
import { checkoutWith } from './declarations';

const NO_VALUE_RULE = /^text must not contain "<no value>": Helm deletes it from everything it renders/;
const NO_VALUE_FIX = /^write it another way, e.g. "\(no value\)"$/;

/**
 * Text both faces refuse alike (issue 19 §2, TEXT_RULES in src/declaration/text.ts): Helm deletes
 * "<no value>" from all it renders, so it is refused in every key and value, found by the
 * templates in the TypeScript face's words. One list that both faces' rejection tests read.
 */
export const TEXT_REJECTIONS: Array<[string, ConfigurationRejection]> = [
  [
    '"<no value>" in an environment value, which Helm would delete',
    {
      declaration: checkoutWith({ env: { GREETING: 'hello <no value>' } }),
      path: 'env.GREETING',
      value: 'hello <no value>',
      rule: NO_VALUE_RULE,
      fix: NO_VALUE_FIX,
      helm: 'templates',
    },
  ],
  [
    '"<no value>" in a config file, whose ConfigMap name would hash other content than Helm writes',
    {
      declaration: checkoutWith({ configFiles: { 'app.conf': { path: '/etc/app/app.conf', content: 'default=<no value>\n' } } }),
      path: 'configFiles.app.conf.content',
      value: 'default=<no value>\n',
      rule: NO_VALUE_RULE,
      fix: NO_VALUE_FIX,
      helm: 'templates',
    },
  ],
  [
    '"<no value>" in an argument',
    {
      declaration: checkoutWith({ args: ['--fallback', '<no value>'] }),
      path: 'args[1]',
      value: '<no value>',
      rule: NO_VALUE_RULE,
      fix: NO_VALUE_FIX,
      helm: 'templates',
    },
  ],
  [
    '"<no value>" in a pod annotation',
    {
      declaration: checkoutWith({ podAnnotations: { 'example.com/note': '<no value>' } }),
      path: 'podAnnotations.example.com/note',
      rule: NO_VALUE_RULE,
      fix: NO_VALUE_FIX,
      helm: 'templates',
    },
  ],
  [
    '"<no value>" in a key a patch sets',
    {
      declaration: checkoutWith({ patches: { Deployment: { object: { metadata: { annotations: { '<no value>': 'x' } } } } } }),
      path: 'patches.Deployment.object.metadata.annotations.<no value>',
      value: '<no value>',
      rule: NO_VALUE_RULE,
      fix: NO_VALUE_FIX,
      helm: 'templates',
    },
  ],
];
