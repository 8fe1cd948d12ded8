import { z } from 'zod';
import { isLatestTag, PINNED_IMAGE_PATTERN, pinImageFix } from '../image';
import { DIVISORS, ENV_FORMS, POD_FIELDS, RESOURCE_FIELDS } from '../env';
import {
  CPU_QUANTITY,
  dataKey,
  ENV_NAME,
  MEMORY_QUANTITY,
  mountPath,
  objectName,
  otherFormsAbsent,
  RELATIVE_PATH,
  VOLUME_KEY,
} from './primitives';

/**
 * What a container declares, whatever its role in the pod: its image, arguments, environment
 * (variables, whole Secrets and ConfigMaps), files from Secrets and ConfigMaps, and resources. The main container uses them at the top level of the declaration; init containers and
 * sidecars use the same schemas, so every container is validated and documented alike.
 */

export const image = z
  .string()
  .regex(new RegExp(PINNED_IMAGE_PATTERN))
  .superRefine((image, context) => {
    if (!isLatestTag(image)) return;
    context.addIssue({
      code: 'custom',
      message: 'the image must not use the tag "latest": every restart could run different code',
      params: { fix: pinImageFix(image) },
    });
  })
  .meta({
    description: 'Container image pinned by a tag or a digest; never `latest` and never untagged.',
    examples: ['ghcr.io/acme/checkout:1.4.2'],
    'x-rule': 'the image must be pinned by a tag or a digest (registry/repository:tag or @sha256:...)',
    'x-fix': 'add a version tag such as :1.4.2, or a digest @sha256:...',
    // Messages offer the user's own repository with a tag (pinImageFix) instead of a fixed example.
    'x-format': 'image',
  });

export const distroless = z
  .boolean()
  .optional()
  .meta({
    description: 'true when the image has no shell and no `sleep` binary (distroless, scratch).',
    'x-default': 'true for well-known distroless registries (gcr.io/distroless, cgr.dev/chainguard) except their debug tags, else false',
    examples: [true],
  });

export const resources = z
  .strictObject({
    cpu: z
      .string()
      .regex(new RegExp(CPU_QUANTITY))
      .default('250m')
      .meta({
        description: 'CPU request.',
        'x-unit': 'CPU cores, or millicores with the suffix m',
        examples: ['500m'],
        'x-rule': 'a CPU quantity in millicores (250m) or cores with at most 3 decimals (1.5)',
        'x-fix': 'write it like 250m or 2',
      }),
    memory: z
      .string()
      .regex(new RegExp(MEMORY_QUANTITY))
      .default('256Mi')
      .meta({
        description: 'Memory request, also the memory limit unless memoryLimit is given.',
        'x-unit': 'bytes, usually with a suffix such as Mi or Gi',
        examples: ['1Gi'],
        'x-rule': 'a whole memory quantity such as 256Mi or 1Gi',
        'x-fix': 'write it like 256Mi or 1Gi',
      }),
    cpuLimit: z
      .union([z.literal(false), z.string().regex(new RegExp(CPU_QUANTITY))])
      .optional()
      .meta({
        description:
          'CPU limit, generous by default because CPU throttling makes probes time out. false removes it and needs acknowledge.cpuLimit.',
        'x-unit': 'CPU cores, or millicores with the suffix m',
        'x-default': '4 x the CPU request',
        examples: ['2'],
        'x-rule': 'a CPU quantity such as 1 or 500m, or false',
        'x-fix': 'write it like 1 or 500m, or false with acknowledge.cpuLimit',
      }),
    memoryLimit: z
      .string()
      .regex(new RegExp(MEMORY_QUANTITY))
      .optional()
      .meta({
        description:
          'Memory limit, at least the request. Above the request the container may be OOM-killed whenever its node runs short of memory, so keep it close.',
        'x-unit': 'bytes, usually with a suffix such as Mi or Gi',
        'x-default': 'the memory request',
        examples: ['1536Mi'],
        'x-rule': 'a whole memory quantity such as 512Mi or 2Gi',
        'x-fix': 'write it like 512Mi or 2Gi',
      }),
    ephemeralStorage: z
      .strictObject({
        request: z
          .string()
          .regex(new RegExp(MEMORY_QUANTITY))
          .optional()
          .meta({
            description:
              "Node disk the scheduler sets aside: the container's writable layer, its logs and its share of the pod's folders on disk.",
            'x-unit': 'bytes, usually with a suffix such as Mi or Gi',
            'x-default': 'none (the API takes the limit when there is one)',
            examples: ['1Gi'],
            'x-rule': 'a whole size such as 512Mi or 2Gi',
            'x-fix': 'write it like 512Mi or 2Gi',
          }),
        limit: z
          .string()
          .regex(new RegExp(MEMORY_QUANTITY))
          .optional()
          .meta({
            description:
              "Most node disk the container may use, at least the request. The kubelet adds up the limits of the pod's containers and evicts the pod when they, its logs and its folders on disk (/tmp, scratch) use more: the limits must be larger than those folders' size limits (invariant ephemeralStorageCoversFolders).",
            'x-unit': 'bytes, usually with a suffix such as Mi or Gi',
            'x-default': "none: no limit but the folders' own size limits",
            examples: ['4Gi'],
            'x-rule': 'a whole size such as 512Mi or 2Gi',
            'x-fix': 'write it like 512Mi or 2Gi',
          }),
      })
      .optional()
      .meta({
        title: 'EphemeralStorage',
        description: 'Node disk (ephemeral-storage) the container requests and may use.',
        'x-default': 'none',
        examples: [{ request: '1Gi', limit: '4Gi' }],
      }),
  })
  .prefault({})
  .meta({
    description: 'Container resources: requests always, memory limit = memory request unless memoryLimit says otherwise.',
    examples: [{ cpu: '500m' }],
  });

const envName = z
  .string()
  .regex(new RegExp(ENV_NAME))
  .meta({
    description: 'Name of the variable.',
    examples: ['DATABASE_URL'],
    'x-rule': 'an environment variable name: letters, digits and _, not starting with a digit',
    'x-fix': 'rename it, e.g. with _ instead of - or .',
  });

const optionalSource = (kind: string, what: string) =>
  z
    .boolean()
    .optional()
    .meta({
      description: `true: the container starts even when the ${kind} or ${what} is missing.`,
      'x-default': `false: the container does not start without it`,
      examples: [true],
    });

const secretKey = z
  .strictObject({
    name: objectName('Secret', 'db-credentials'),
    key: dataKey('Secret', 'write the key as the Secret has it, e.g. password', { description: 'Key in the Secret.', example: 'password' }),
    optional: optionalSource('Secret', 'its key'),
  })
  .meta({ title: 'SecretKey', description: 'One key of an existing Secret of the namespace.' });

const configMapKey = z
  .strictObject({
    name: objectName('ConfigMap', 'app-settings'),
    key: dataKey('ConfigMap', 'write the key as the ConfigMap has it, e.g. log-level', {
      description: 'Key in the ConfigMap.',
      example: 'log-level',
    }),
    optional: optionalSource('ConfigMap', 'its key'),
  })
  .meta({ title: 'ConfigMapKey', description: 'One key of an existing ConfigMap of the namespace.' });

/** The forms of an environment value, each one key; `value` is what a plain string in the map means. */
const envForms = {
  value: z.strictObject({
    value: z.string().meta({
      description: 'The value. $(NAME) is replaced by the value of a variable defined earlier; $$ writes a literal $.',
      examples: ['jdbc:postgresql://$(DB_HOST)/orders'],
    }),
    ...otherFormsAbsent(ENV_FORMS, 'value'),
  }),
  secret: z.strictObject({
    secret: secretKey.meta({
      description: 'The value of a key of an existing Secret.',
      examples: [{ name: 'db-credentials', key: 'password' }],
    }),
    ...otherFormsAbsent(ENV_FORMS, 'secret'),
  }),
  configMap: z.strictObject({
    configMap: configMapKey.meta({
      description: 'The value of a key of an existing ConfigMap.',
      examples: [{ name: 'app-settings', key: 'log-level' }],
    }),
    ...otherFormsAbsent(ENV_FORMS, 'configMap'),
  }),
  pod: z.strictObject({
    pod: z.enum(POD_FIELDS).meta({
      description:
        'A fact of the pod (downward API): name, namespace, uid, serviceAccountName, nodeName, hostIP, podIP or podIPs (comma-separated, dual-stack).',
      examples: ['name'],
    }),
    ...otherFormsAbsent(ENV_FORMS, 'pod'),
  }),
  resource: z.strictObject({
    resource: z
      .strictObject({
        field: z.enum(RESOURCE_FIELDS).meta({
          description: "The container's own request or limit: requests.cpu, requests.memory, limits.cpu or limits.memory.",
          examples: ['limits.memory'],
        }),
        divisor: z
          .enum(DIVISORS)
          .optional()
          .meta({
            description:
              'Unit of the value, which is the quantity divided by it and rounded up: 1 or 1m for CPU; 1, 1k, 1Ki, 1M, 1Mi, 1G, 1Gi, 1T or 1Ti for memory.',
            'x-default': '1 (cores for CPU, bytes for memory)',
            examples: ['1Mi'],
          }),
      })
      .meta({
        title: 'ResourceField',
        description: 'A request or limit of the container itself (resourceFieldRef), e.g. to size a JVM or Go heap from the memory limit.',
        examples: [{ field: 'limits.memory', divisor: '1Mi' }],
      }),
    ...otherFormsAbsent(ENV_FORMS, 'resource'),
  }),
};

const ENV_SOURCE_RULE = {
  'x-rule': 'an environment value is a string, or exactly one of value, secret, configMap, pod or resource',
  'x-fix': 'keep exactly one, e.g. { secret: { name: db-credentials, key: password } } or { pod: name }',
};

/** Where a variable's value comes from: exactly one form. */
export const envSource = z
  .union([
    envForms.value.meta({ title: 'EnvValueSource', description: 'A value written out.' }),
    envForms.secret.meta({ title: 'EnvSecretSource', description: 'The value of a key of an existing Secret.' }),
    envForms.configMap.meta({ title: 'EnvConfigMapSource', description: 'The value of a key of an existing ConfigMap.' }),
    envForms.pod.meta({ title: 'EnvPodSource', description: 'A fact of the pod.' }),
    envForms.resource.meta({ title: 'EnvResourceSource', description: 'A request or limit of the container.' }),
  ])
  .meta({ title: 'EnvSource', ...ENV_SOURCE_RULE });

/** A variable of the list form: its name and exactly one form. */
const envEntry = z
  .union([
    envForms.value.extend({ name: envName }).meta({ title: 'EnvValueEntry', description: 'A variable set to a value written out.' }),
    envForms.secret
      .extend({ name: envName })
      .meta({ title: 'EnvSecretEntry', description: 'A variable set to the value of a key of an existing Secret.' }),
    envForms.configMap
      .extend({ name: envName })
      .meta({ title: 'EnvConfigMapEntry', description: 'A variable set to the value of a key of an existing ConfigMap.' }),
    envForms.pod.extend({ name: envName }).meta({ title: 'EnvPodEntry', description: 'A variable set to a fact of the pod.' }),
    envForms.resource
      .extend({ name: envName })
      .meta({ title: 'EnvResourceEntry', description: 'A variable set to a request or limit of the container.' }),
  ])
  .meta({
    title: 'EnvEntry',
    'x-rule': 'a list entry is { name, ... } with exactly one of value, secret, configMap, pod or resource',
    'x-fix': 'write it like { name: LOG_LEVEL, value: info } or { name: POD_NAME, pod: name }',
  });

export const env = z
  .union([
    z.record(envName, z.union([z.string(), envSource]).meta(ENV_SOURCE_RULE)).meta({
      title: 'EnvMap',
      description: 'Variables by name, set in name order: a string, or where the value comes from.',
      examples: [{ LOG_LEVEL: 'info', DB_PASSWORD: { secret: { name: 'db-credentials', key: 'password' } } }],
    }),
    z.array(envEntry).meta({
      title: 'EnvList',
      description: 'Variables in the order given, for values that refer to earlier ones with $(NAME).',
      examples: [
        [
          { name: 'DB_HOST', value: 'db' },
          { name: 'DATABASE_URL', value: 'postgres://$(DB_HOST)/app' },
        ],
      ],
    }),
  ])
  .default({})
  .meta({
    description:
      'Environment variables of the container: a map of names to values (set in name order), or a list of { name, ... } that keeps its order. ' +
      'A value is a string, or comes from a Secret key, a ConfigMap key, the pod (downward API) or the container resources.',
    examples: [{ LOG_LEVEL: 'info', DB_PASSWORD: { secret: { name: 'db-credentials', key: 'password' } } }],
    'x-rule': 'a map of names to values, or a list of { name, ... } entries',
    'x-fix': 'write env: { LOG_LEVEL: info } or env: [{ name: LOG_LEVEL, value: info }]',
  });

/** Whole Secrets or ConfigMaps as variables: each key a variable, with an optional prefix. */
const ENV_FROM_FORMS = ['secret', 'configMap'] as const;
const envFromOptions = {
  prefix: z
    .string()
    .regex(new RegExp(ENV_NAME))
    .optional()
    .meta({
      description: 'Text put before every key to make the variable name.',
      'x-default': 'none: the keys are the names',
      examples: ['DB_'],
      'x-rule': 'a prefix of environment variable names: letters, digits and _, not starting with a digit',
      'x-fix': 'write it like DB_',
    }),
};
export const envFrom = z
  .array(
    z
      .union([
        z
          .strictObject({
            secret: objectName('Secret', 'db-credentials'),
            ...envFromOptions,
            optional: optionalSource('Secret', 'its keys'),
            ...otherFormsAbsent(ENV_FROM_FORMS, 'secret'),
          })
          .meta({ title: 'EnvFromSecret', description: 'Every key of an existing Secret as a variable.' }),
        z
          .strictObject({
            configMap: objectName('ConfigMap', 'app-settings'),
            ...envFromOptions,
            optional: optionalSource('ConfigMap', 'its keys'),
            ...otherFormsAbsent(ENV_FROM_FORMS, 'configMap'),
          })
          .meta({ title: 'EnvFromConfigMap', description: 'Every key of an existing ConfigMap as a variable.' }),
      ])
      .meta({
        title: 'EnvFromSource',
        'x-rule': 'an envFrom entry names exactly one of secret or configMap',
        'x-fix': 'write { secret: db-credentials } or { configMap: app-settings }',
      }),
  )
  .optional()
  .meta({
    description: 'Whole Secrets or ConfigMaps as environment variables, one per key (set before env, which wins on a name both give).',
    'x-default': 'none',
    examples: [[{ secret: 'db-credentials', prefix: 'DB_' }]],
  });

/** Files from existing Secrets and ConfigMaps, mounted read-only. */
const FILE_FORMS = ['secret', 'configMap'] as const;
export const FILE_MODE_DEFAULT = 0o440;
const fileOptions = {
  path: mountPath('Folder the files appear in, read-only.', '/etc/db'),
  items: z
    .record(
      dataKey('Secret or ConfigMap', 'write the key as the object has it, e.g. ca.crt'),
      z.string().max(253).regex(new RegExp(RELATIVE_PATH)).meta({
        'x-rule': 'a relative file path such as tls/ca.pem, without "." or ".." segments',
        'x-fix': 'write it like ca.pem or tls/ca.pem',
      }),
    )
    .optional()
    .meta({
      description: 'Only these keys, each as the file name given (a path relative to `path`).',
      'x-default': 'every key, as a file of the same name',
      examples: [{ 'ca.crt': 'ca.pem' }],
    }),
  optional: z
    .boolean()
    .optional()
    .meta({
      description: 'true: the container starts even when the object (or a listed key) is missing, with the folder empty.',
      'x-default': 'false: the container does not start without it',
      examples: [true],
    }),
  mode: z
    .int()
    .min(0)
    .max(0o777)
    .optional()
    .meta({
      description:
        'Permission bits of the files, as a number: 288 is octal 0440 (owner and group read). In YAML 1.1, as Helm and our CLI read declaration files, 0440 written with a leading zero is octal too; JSON and TypeScript need 288 (or 0o440). The group (the pod fsGroup 65532) must be able to read.',
      'x-unit': 'permission bits',
      'x-default': '288 (0440: owner and group read)',
      examples: [288],
    }),
};
export const files = z
  .record(
    z.string().regex(new RegExp(VOLUME_KEY)).meta({
      'x-rule': 'a DNS-1035 label of at most 50 characters: lowercase letters, digits and "-", starting with a letter',
      'x-fix': 'name it like db-credentials',
    }),
    z
      .union([
        z
          .strictObject({ secret: objectName('Secret', 'db-credentials'), ...fileOptions, ...otherFormsAbsent(FILE_FORMS, 'secret') })
          .meta({ title: 'SecretFiles', description: 'The keys of an existing Secret as files.' }),
        z
          .strictObject({
            configMap: objectName('ConfigMap', 'app-settings'),
            ...fileOptions,
            ...otherFormsAbsent(FILE_FORMS, 'configMap'),
          })
          .meta({ title: 'ConfigMapFiles', description: 'The keys of an existing ConfigMap as files.' }),
      ])
      .meta({
        title: 'FilesSource',
        'x-rule': 'files come from exactly one of secret or configMap, at a path',
        'x-fix': 'write { path: /etc/db, secret: db-credentials } or { path: /etc/app, configMap: app-settings }',
      }),
  )
  .optional()
  .meta({
    description:
      'Files from existing Secrets and ConfigMaps, by a name of your choice: each mounted read-only at its path (volume files-<name>).',
    'x-default': 'none',
    examples: [{ 'db-tls': { path: '/etc/db/tls', secret: 'db-tls', items: { 'ca.crt': 'ca.pem' } } }],
  });

/** The command of any container, main or beside it: one schema, so that every container documents it alike. */
export const command = z
  .array(z.string())
  .optional()
  .meta({
    description: 'Container command (replaces the image ENTRYPOINT).',
    'x-default': "the image's ENTRYPOINT",
    examples: [['/app/migrate']],
  });

export const args = z
  .array(z.string())
  .optional()
  .meta({ description: 'Container args.', 'x-default': "the image's CMD", examples: [['--port', '8080']] });
