import { checkoutWith } from './declarations';

/**
 * Invalid configuration, secrets, files, storage, identity and scheduling: one list that both faces'
 * rejection tests read. Each row gives what is wrong, the declaration, the field, rule and fix the
 * TypeScript face reports, and where the Helm face rejects it: by values.schema.json (a shape error,
 * in Helm's own words, naming the field) or in the templates (the TypeScript message, word for word).
 */
export interface ConfigurationRejection {
  readonly declaration: unknown;
  readonly path: string;
  readonly rule: RegExp;
  readonly fix: RegExp;
  readonly value?: unknown;
  readonly helm: 'schema' | 'templates';
}

const MIB = 1024 * 1024;

export const CONFIGURATION_REJECTIONS: Array<[string, ConfigurationRejection]> = [
  [
    'a variable listed twice',
    {
      declaration: checkoutWith({
        env: [
          { name: 'MODE', value: 'a' },
          { name: 'MODE', value: 'b' },
        ],
      }),
      path: 'env[1].name',
      value: 'MODE',
      rule: /MODE is already set by env\[0\]; Kubernetes would keep only one/,
      fix: /remove one of them/,
      helm: 'templates',
    },
  ],
  [
    'a reference to a variable listed after it',
    {
      declaration: checkoutWith({
        env: [
          { name: 'DATABASE_URL', value: 'postgres://$(DB_HOST)/orders' },
          { name: 'DB_HOST', value: 'db' },
        ],
      }),
      path: 'env[0].value',
      value: 'postgres://$(DB_HOST)/orders',
      rule: /\$\(DB_HOST\) refers to DB_HOST, which is set after DATABASE_URL; Kubernetes expands only variables set before it and leaves the text "\$\(DB_HOST\)" as it is/,
      fix: /move DB_HOST before DATABASE_URL in the list, or write \$\$\(DB_HOST\)/,
      helm: 'templates',
    },
  ],
  [
    'a reference, in a map, to a variable later in name order',
    {
      declaration: checkoutWith({ env: { A_URL: 'http://$(B_HOST)', B_HOST: 'db' } }),
      path: 'env.A_URL',
      value: 'http://$(B_HOST)',
      rule: /\$\(B_HOST\) refers to B_HOST, which comes after A_URL in name order \(a map of variables is set in name order\)/,
      fix: /write env as a list, which keeps its order, with B_HOST before A_URL/,
      helm: 'templates',
    },
  ],
  [
    'a reference to no variable',
    {
      declaration: checkoutWith({ env: { URL: { value: 'http://$(HOST):8080' } } }),
      path: 'env.URL.value',
      rule: /\$\(HOST\) refers to no variable: the container sets none of that name, and it is no Service variable/,
      fix: /set HOST before URL, or write \$\$\(HOST\) for the text "\$\(HOST\)"/,
      helm: 'templates',
    },
  ],
  [
    'a variable that refers to itself',
    {
      declaration: checkoutWith({ env: [{ name: 'PATH_LIST', value: '/opt/bin:$(PATH_LIST)' }] }),
      path: 'env[0].value',
      rule: /\$\(PATH_LIST\) refers to PATH_LIST itself/,
      fix: /refer to another variable/,
      helm: 'templates',
    },
  ],
  [
    'a memory divisor for a CPU value',
    {
      declaration: checkoutWith({ env: { CORES: { resource: { field: 'limits.cpu', divisor: '1Mi' } } } }),
      path: 'env.CORES.resource.divisor',
      value: '1Mi',
      rule: /limits.cpu can only be divided by 1, 1m/,
      fix: /use one of 1, 1m, or leave divisor out/,
      helm: 'templates',
    },
  ],
  [
    'an environment value from two sources',
    {
      declaration: checkoutWith({ env: { DB_PASSWORD: { secret: { name: 'db', key: 'password' }, pod: 'name' } } }),
      path: 'env.DB_PASSWORD',
      rule: /exactly one of value, secret, configMap, pod or resource \(found secret and pod\)/,
      fix: /keep exactly one/,
      helm: 'schema',
    },
  ],
  [
    'a number as an environment value',
    {
      declaration: checkoutWith({ env: { RETRIES: 3 } }),
      path: 'env.RETRIES',
      value: 3,
      rule: /must be a string; unquoted, YAML reads it as the number 3/,
      fix: /write it in quotes: RETRIES: "3"/,
      helm: 'templates',
    },
  ],
  [
    'a list entry without a name',
    {
      declaration: checkoutWith({ env: [{ value: 'info' }] }),
      path: 'env[0]',
      rule: /a list entry is \{ name, \.\.\. \} with exactly one of value, secret, configMap, pod or resource \(found value\)/,
      fix: /\{ name: LOG_LEVEL, value: info \}/,
      helm: 'schema',
    },
  ],
  [
    'an unknown pod fact',
    {
      declaration: checkoutWith({ env: { NODE: { pod: 'node' } } }),
      path: 'env.NODE.pod',
      rule: /one of "name", "namespace", "uid", "serviceAccountName", "nodeName", "hostIP", "podIP", "podIPs"/,
      fix: /pick one of/,
      helm: 'schema',
    },
  ],
  [
    'envFrom naming a Secret and a ConfigMap at once',
    {
      declaration: checkoutWith({ envFrom: [{ secret: 'db', configMap: 'settings' }] }),
      path: 'envFrom[0]',
      rule: /exactly one of secret or configMap \(found secret and configMap\)/,
      fix: /\{ secret: db-credentials \}/,
      helm: 'schema',
    },
  ],
  [
    'an envFrom prefix that cannot start a variable name',
    {
      declaration: checkoutWith({ envFrom: [{ configMap: 'settings', prefix: '1_' }] }),
      path: 'envFrom[0].prefix',
      value: '1_',
      rule: /a prefix of environment variable names/,
      fix: /write it like DB_/,
      helm: 'schema',
    },
  ],
  [
    'a file mode the group cannot read',
    {
      declaration: checkoutWith({ files: { tls: { path: '/etc/tls', secret: 'tls', mode: 0o400 } } }),
      path: 'files.tls.mode',
      value: 256,
      rule: /mode 256 \(octal 0400\) does not let the group read the files; they belong to root and the pod's group \(fsGroup 65532\)/,
      fix: /use 288 \(octal 0440\), or another mode with the group's read bit \(octal 0040\)/,
      helm: 'templates',
    },
  ],
  [
    'a file mode beyond the permission bits',
    {
      declaration: checkoutWith({ files: { tls: { path: '/etc/tls', secret: 'tls', mode: 1000 } } }),
      path: 'files.tls.mode',
      value: 1000,
      rule: /must be at most 511/,
      fix: /≤ 511/,
      helm: 'schema',
    },
  ],
  [
    'a relative mount path',
    {
      declaration: checkoutWith({ files: { tls: { path: 'etc/tls', secret: 'tls' } } }),
      path: 'files.tls.path',
      value: 'etc/tls',
      rule: /an absolute path such as \/etc\/app/,
      fix: /write it like \/etc\/app/,
      helm: 'schema',
    },
  ],
  [
    'a mount path with a .. segment',
    {
      declaration: checkoutWith({ scratch: { cache: { path: '/var/../etc' } } }),
      path: 'scratch.cache.path',
      rule: /without a trailing "\/", "\/\/", "\." or "\.\." segments/,
      fix: /write it like/,
      helm: 'schema',
    },
  ],
  [
    'a file item that climbs out of the folder',
    {
      declaration: checkoutWith({ files: { tls: { path: '/etc/tls', secret: 'tls', items: { 'ca.crt': '../ca.pem' } } } }),
      path: 'files.tls.items.ca.crt',
      rule: /a relative file path such as tls\/ca.pem/,
      fix: /write it like ca.pem/,
      helm: 'schema',
    },
  ],
  [
    'files from a Secret and a ConfigMap at once',
    {
      declaration: checkoutWith({ files: { tls: { path: '/etc/tls', secret: 'tls', configMap: 'tls' } } }),
      path: 'files.tls',
      rule: /exactly one of secret or configMap, at a path \(found secret and configMap\)/,
      fix: /write \{ path: \/etc\/db, secret: db-credentials \}/,
      helm: 'schema',
    },
  ],
  [
    'a scratch folder at /tmp',
    {
      declaration: checkoutWith({ scratch: { temp: { path: '/tmp' } } }),
      path: 'scratch.temp.path',
      value: '/tmp',
      rule: /^tmp already mounts \/tmp$/,
      fix: /choose another path: \/tmp is always writable, and tmp.sizeLimit sizes it/,
      helm: 'templates',
    },
  ],
  [
    'two mounts at one path',
    {
      declaration: checkoutWith({ files: { a: { path: '/etc/app', secret: 'a' }, b: { path: '/etc/app', configMap: 'b' } } }),
      path: 'files.b.path',
      rule: /^files.a.path already mounts \/etc\/app$/,
      fix: /give each its own path/,
      helm: 'templates',
    },
  ],
  [
    'a config file inside a read-only folder of files',
    {
      declaration: checkoutWith({
        files: { settings: { path: '/etc/app', configMap: 'settings' } },
        configFiles: { 'extra.yaml': { path: '/etc/app/extra.yaml', content: 'a: 1\n' } },
      }),
      path: 'configFiles.extra.yaml.path',
      value: '/etc/app/extra.yaml',
      rule: /the path lies inside \/etc\/app \(files.settings.path\), mounted read-only, where no mount point can be created/,
      fix: /choose a path outside \/etc\/app/,
      helm: 'templates',
    },
  ],
  [
    'a read-only config file over a folder that holds another mount',
    {
      declaration: checkoutWith({
        scratch: { cache: { path: '/var/app/cache' } },
        configFiles: { app: { path: '/var/app', content: 'x' } },
      }),
      path: 'configFiles.app.path',
      rule: /\/var\/app\/cache \(scratch.cache.path\) lies inside this path, which would be a read-only file/,
      fix: /choose a path that does not hold \/var\/app\/cache/,
      helm: 'templates',
    },
  ],
  [
    'a scratch folder in memory without a size limit',
    {
      declaration: checkoutWith({ scratch: { run: { path: '/run/app', medium: 'memory' } } }),
      path: 'scratch.run.sizeLimit',
      rule: /a scratch folder in memory needs a size limit: its files count against the container's memory limit \(256Mi\)/,
      fix: /add scratch.run.sizeLimit, e.g. 64Mi, or keep the folder on disk/,
      helm: 'templates',
    },
  ],
  [
    'scratch space in memory as large as the memory limit',
    {
      declaration: checkoutWith({
        resources: { memory: '256Mi' },
        tmp: { medium: 'memory', sizeLimit: '128Mi' },
        scratch: { run: { path: '/run/app', medium: 'memory', sizeLimit: '128Mi' } },
      }),
      path: 'resources.memory',
      value: '256Mi',
      rule: /the memory limit must be larger than the scratch space kept in memory, whose files count against it \(tmp 128Mi, scratch.run 128Mi\)/,
      fix: /raise resources.memory, lower those size limits, or keep the folders on disk/,
      helm: 'templates',
    },
  ],
  [
    'a size limit that is not a whole size',
    {
      declaration: checkoutWith({ tmp: { sizeLimit: '1.5Gi' } }),
      path: 'tmp.sizeLimit',
      value: '1.5Gi',
      rule: /a whole size such as 512Mi or 2Gi/,
      fix: /write it like 512Mi/,
      helm: 'schema',
    },
  ],
  [
    'config files larger than a ConfigMap holds',
    {
      declaration: checkoutWith({
        configFiles: { a: { path: '/etc/a', content: 'a'.repeat(MIB / 2) }, b: { path: '/etc/b', content: 'é'.repeat(MIB / 4 + 1) } },
      }),
      path: 'configFiles',
      rule: /a ConfigMap holds at most 1048576 bytes, and these files hold 1048578/,
      fix: /put large files into the image/,
      helm: 'templates',
    },
  ],
  [
    'a config file key that is ..',
    {
      declaration: checkoutWith({ configFiles: { '..': { path: '/etc/a', content: '' } } }),
      path: 'configFiles...',
      rule: /the key "\.\." is not allowed: a ConfigMap key/,
      fix: /name it like settings.py/,
      helm: 'schema',
    },
  ],
  [
    'a pod annotation under this project’s prefix',
    {
      declaration: checkoutWith({ podAnnotations: { 'hardened-workloads.io/acknowledged': 'noLiveness: trust me' } }),
      path: 'podAnnotations.hardened-workloads.io/acknowledged',
      rule: /annotations under hardened-workloads.io\/ are written by this project/,
      fix: /use a key under your own prefix/,
      helm: 'templates',
    },
  ],
  [
    'an unconfined AppArmor profile',
    {
      declaration: checkoutWith({ podAnnotations: { 'container.apparmor.security.beta.kubernetes.io/checkout': 'unconfined' } }),
      path: 'podAnnotations.container.apparmor.security.beta.kubernetes.io/checkout',
      value: 'unconfined',
      rule: /the restricted Pod Security Standard allows only the AppArmor profiles runtime\/default and localhost\/<profile>/,
      fix: /set runtime\/default/,
      helm: 'templates',
    },
  ],
  [
    'an annotation key that is no qualified name',
    {
      declaration: checkoutWith({ podAnnotations: { 'team owner': 'payments' } }),
      path: 'podAnnotations.team owner',
      rule: /the key "team owner" is not allowed: an annotation key/,
      fix: /write it like example.com\/owner/,
      helm: 'schema',
    },
  ],
  [
    'an API token without a reason',
    {
      declaration: checkoutWith({ serviceAccount: { mountApiToken: true } }),
      path: 'serviceAccount.mountApiToken',
      value: true,
      rule: /mounting an API token needs a written reason/,
      fix: /acknowledge.automountServiceAccountToken: "<what it calls and why>"/,
      helm: 'templates',
    },
  ],
  [
    'a reason for an API token that is not mounted',
    {
      declaration: checkoutWith({ acknowledge: { automountServiceAccountToken: 'reads leases for leader election' } }),
      path: 'acknowledge.automountServiceAccountToken',
      rule: /excuses nothing/,
      fix: /remove acknowledge.automountServiceAccountToken/,
      helm: 'templates',
    },
  ],
  [
    'an acknowledgement reason with a line break, which would write a second acknowledgement line',
    {
      declaration: checkoutWith({ replicas: 1, acknowledge: { singleReplica: 'preview environment\nprivileged: needs the host' } }),
      path: 'acknowledge.singleReplica',
      value: 'preview environment\nprivileged: needs the host',
      rule: /on one line: no line break or other control character/,
      fix: /say why in one line/,
      helm: 'schema',
    },
  ],
  [
    'an acknowledgement reason with a carriage return or an escape character',
    {
      declaration: checkoutWith({ replicas: 1, acknowledge: { singleReplica: 'preview environment\r\u001b[2K all clear' } }),
      path: 'acknowledge.singleReplica',
      rule: /on one line: no line break or other control character/,
      fix: /say why in one line/,
      helm: 'schema',
    },
  ],
  [
    'an acknowledgement of a Pod Security control that is no documented waiver',
    {
      declaration: checkoutWith({ acknowledge: { privileged: 'needs the host devices' } }),
      path: 'acknowledge.privileged',
      rule: /unknown field/,
      fix: /known fields here: .*volumeTypes/,
      helm: 'schema',
    },
  ],
  [
    'a pull secret that is no object name',
    {
      declaration: checkoutWith({ imagePullSecrets: ['Registry Credentials'] }),
      path: 'imagePullSecrets[0]',
      rule: /a Secret name: lowercase letters, digits, "-" and "."/,
      fix: /write the Secret's metadata.name/,
      helm: 'schema',
    },
  ],
  [
    'a toleration without a key that is not Exists',
    {
      declaration: checkoutWith({ scheduling: { tolerations: [{ effect: 'NoSchedule' }] } }),
      path: 'scheduling.tolerations[0].operator',
      rule: /a toleration without a key tolerates every taint, which needs operator Exists/,
      fix: /add scheduling.tolerations\[0\].key, or set operator: Exists/,
      helm: 'templates',
    },
  ],
  [
    'a value on an Exists toleration',
    {
      declaration: checkoutWith({ scheduling: { tolerations: [{ key: 'dedicated', operator: 'Exists', value: 'payments' }] } }),
      path: 'scheduling.tolerations[0].value',
      value: 'payments',
      rule: /operator Exists tolerates any value of the taint, so it takes no value/,
      fix: /remove value, or use operator: Equal/,
      helm: 'templates',
    },
  ],
  [
    'tolerationSeconds on a NoSchedule toleration',
    {
      declaration: checkoutWith({ scheduling: { tolerations: [{ key: 'dedicated', effect: 'NoSchedule', tolerationSeconds: 60 }] } }),
      path: 'scheduling.tolerations[0].tolerationSeconds',
      value: 60,
      rule: /tolerationSeconds applies to effect NoExecute only/,
      fix: /set effect: NoExecute/,
      helm: 'templates',
    },
  ],
  [
    'In without values',
    {
      declaration: checkoutWith({
        scheduling: { nodeAffinity: { required: [{ matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In' }] }] } },
      }),
      path: 'scheduling.nodeAffinity.required[0].matchExpressions[0].values',
      rule: /operator In compares the label with a list of values, and there is none/,
      fix: /add values/,
      helm: 'templates',
    },
  ],
  [
    'Exists with values',
    {
      declaration: checkoutWith({
        scheduling: {
          nodeAffinity: { preferred: [{ weight: 10, matchExpressions: [{ key: 'gpu', operator: 'Exists', values: ['a100'] }] }] },
        },
      }),
      path: 'scheduling.nodeAffinity.preferred[0].matchExpressions[0].values',
      value: ['a100'],
      rule: /operator Exists only asks whether the label is there, and compares no values/,
      fix: /remove values/,
      helm: 'templates',
    },
  ],
  [
    'Gt with a value that is no number',
    {
      declaration: checkoutWith({
        scheduling: { nodeAffinity: { required: [{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['many'] }] }] } },
      }),
      path: 'scheduling.nodeAffinity.required[0].matchExpressions[0].values',
      rule: /operator Gt compares the label with exactly one whole number/,
      fix: /write one value/,
      helm: 'templates',
    },
  ],
  [
    'a preferred term weighing more than 100',
    {
      declaration: checkoutWith({
        scheduling: { nodeAffinity: { preferred: [{ weight: 500, matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }] } },
      }),
      path: 'scheduling.nodeAffinity.preferred[0].weight',
      value: 500,
      rule: /must be at most 100/,
      fix: /≤ 100/,
      helm: 'schema',
    },
  ],
  [
    'an empty list of required terms',
    {
      declaration: checkoutWith({ scheduling: { nodeAffinity: { required: [] } } }),
      path: 'scheduling.nodeAffinity.required',
      rule: /must have at least 1 entries/,
      fix: /add an entry or remove the field/,
      helm: 'schema',
    },
  ],
];
