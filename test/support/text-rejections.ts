import type { ConfigurationRejection } from './configuration-rejections';
import { checkoutWith } from './declarations';

const NO_VALUE_RULE = /^text must not contain "<no value>": Helm deletes it from everything it renders/;
const NO_VALUE_FIX = /^write it another way, e.g. "\(no value\)"$/;
const PATH_RULE = /^an HTTP path starts with \/ and has no spaces, line breaks or control characters$/;
const KEY_RULE = /^a key must not be "__proto__" or "constructor": every JavaScript object has a member of that name/;
const APPARMOR = 'container.apparmor.security.beta.kubernetes.io/checkout';

/**
 * Text both faces refuse alike (issue 19 §2, TEXT_RULES in src/declaration/text.ts): Helm deletes
 * "<no value>" from all it renders, so it is refused in every key and value, found by the
 * templates in the TypeScript face's words; and patterns that JavaScript and Go's RE2 once read
 * differently (`\s`, `.`). One list that both faces' rejection tests read.
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
  [
    "a probe path with a vertical tab, which Go's \\s is not",
    {
      declaration: checkoutWith({ health: { readiness: { path: '/ready\u000bz' } } }),
      path: 'health.readiness.path',
      value: '/ready\u000bz',
      rule: PATH_RULE,
      fix: /^write it like \/readyz$/,
      helm: 'schema',
    },
  ],
  [
    'a probe path with a no-break space',
    {
      declaration: checkoutWith({ health: { readiness: { path: '/ready\u00a0z' } } }),
      path: 'health.readiness.path',
      rule: PATH_RULE,
      fix: /^write it like \/readyz$/,
      helm: 'schema',
    },
  ],
  [
    'a probe path with a line separator (U+2028)',
    {
      declaration: checkoutWith({ health: { liveness: { path: '/live\u2028z' }, readiness: { path: '/readyz' } } }),
      path: 'health.liveness.path',
      rule: PATH_RULE,
      fix: /^write it like \/readyz$/,
      helm: 'schema',
    },
  ],
  [
    'a metrics path with a no-break space',
    {
      declaration: checkoutWith({ metrics: { path: '/metrics\u00a0' } }),
      path: 'metrics.path',
      rule: PATH_RULE,
      fix: /^write it like \/metrics$/,
      helm: 'schema',
    },
  ],
  [
    'a preStop hook path with a vertical tab',
    {
      declaration: checkoutWith({ preStop: { type: 'http', path: '/pre\u000bstop' } }),
      path: 'preStop.path',
      rule: PATH_RULE,
      fix: /^write it like \/prestop$/,
      helm: 'schema',
    },
  ],
  [
    "an AppArmor profile ending in a carriage return, which Go's . matches",
    {
      declaration: checkoutWith({ podAnnotations: { [APPARMOR]: 'localhost/app\r' } }),
      path: `podAnnotations.${APPARMOR}`,
      value: 'localhost/app\r',
      rule: /^the restricted Pod Security Standard allows only the AppArmor profiles runtime\/default and localhost\/<profile>$/,
      fix: /^set runtime\/default or localhost\/<profile>, or remove the annotation$/,
      helm: 'templates',
    },
  ],
  [
    "an AppArmor profile with a line separator (U+2028), which JavaScript's . does not match",
    {
      declaration: checkoutWith({ podAnnotations: { [APPARMOR]: 'localhost/a\u2028b' } }),
      path: `podAnnotations.${APPARMOR}`,
      rule: /^the restricted Pod Security Standard allows only the AppArmor profiles/,
      fix: /^set runtime\/default or localhost\/<profile>/,
      helm: 'templates',
    },
  ],
  [
    'a variable named __proto__, which the command line once dropped and Helm kept',
    {
      declaration: JSON.parse(JSON.stringify(checkoutWith({ env: { MODE: 'a' } })).replace('"MODE"', '"__proto__"')) as unknown,
      path: 'env.__proto__',
      value: '__proto__',
      rule: KEY_RULE,
      fix: /^use another name$/,
      helm: 'templates',
    },
  ],
  [
    'a config file named constructor, on which the command line once crashed',
    {
      declaration: checkoutWith({ configFiles: { constructor: { path: '/etc/app/settings', content: 'x' } } }),
      path: 'configFiles.constructor',
      value: 'constructor',
      rule: KEY_RULE,
      fix: /^use another name$/,
      helm: 'templates',
    },
  ],
];
