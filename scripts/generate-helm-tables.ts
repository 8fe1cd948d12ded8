/**
 * templates/_generated.tpl: the tables both faces share, written for the Helm face from their
 * TypeScript source so that a rule is written once. Each table is a define returning JSON, read
 * with `fromJson` / `fromJsonArray`.
 */
import { ACKNOWLEDGEABLE_INVARIANTS, ACKNOWLEDGEMENT_ALIASES, ACKNOWLEDGEMENT_IDS, INVARIANT_IDS } from '../src/declaration/ids';
import { DANGER_MESSAGES, KERNEL_FOLDERS, RUNTIME_SOCKET_PATHS, SNIPPET_ANNOTATION } from '../src/declaration/dangers';
import { DISTROLESS_REGISTRIES } from '../src/declaration/image';
import { CPU_DIVISORS, MEMORY_DIVISORS, POD_FIELD_PATHS } from '../src/declaration/env';
import { valueChecks } from '../src/declaration/json-schema';
import { misplacedFieldChecks } from '../src/declaration/schema-problems';
import { MAX_DECLARED_SECONDS } from '../src/declaration/schema/primitives';
import { TEXT_RULES } from '../src/declaration/text';
import { FIX_FIELDS } from '../src/declaration/fix-fields';
import { APPARMOR_PROFILE } from '../src/declaration/resolve/pod';
import { CLUSTER_DNS } from '../src/declaration/schema/network-policy';
import { NAME_LIMITS } from '../src/declaration/resolve/kind-fields';
import { INVARIANT_FIELDS } from '../src/declaration/resolve/invariant-problems';
import { INVARIANTS } from '../src/invariants/check';
import {
  BATCH_CONTROLLERS,
  FOREIGN_ROLLOUT_OVERRIDES,
  KIND_FIELDS,
  KINDS,
  OBJECT_ROLES,
  POD_SPREAD,
  WORKLOAD_KINDS,
} from '../src/kinds/table';
import { RULES, ruleOfInvariant } from '../src/rules/catalogue';
import { PROPAGATION_SECONDS } from '../src/timing/platforms';
import { PROTOCOL_PORTS } from '../src/declaration/protocols';
import { METRICS_DEFAULTS } from '../src/declaration/schema/metrics';
import { CRON_RULE } from '../src/timing/cron';
import { CRON_FIX } from '../src/declaration/resolve/schedule';
import { timeZoneNames } from './generate-time-zones';
import { CONTROLLER_CHECK_SECONDS, DST_SHIFT_SECONDS } from '../src/timing/kinds/cronjob';
import { BACKOFF_BASE_SECONDS, BACKOFF_CAP_SECONDS, DEFAULT_ATTEMPTS, JOB_TTL_SECONDS, RUN_START_SECONDS } from '../src/timing/kinds/job';

import { CONTAINER_REFUSALS, PATCH_REFUSALS, POD_TEMPLATE_PATHS } from '../src/patches/table';
import { CONTROLS } from '../src/rules/pod-security';
import { ALLOWED_SELINUX_TYPES, ALLOWED_VOLUME_TYPES, SAFE_SYSCTLS } from '../src/manifests/pod-security';

export const HELM_TABLES_FILE = 'templates/_generated.tpl';

const TABLES: ReadonlyArray<{ name: string; source: string; value: unknown }> = [
  {
    name: 'patches',
    source:
      'src/patches/table.ts, CONTROLS in src/rules/pod-security.ts with their RULES, the lists of src/manifests/pod-security.ts, ACKNOWLEDGEMENT_IDS in src/declaration/ids.ts',
    value: {
      roles: OBJECT_ROLES,
      refusals: PATCH_REFUSALS,
      containers: CONTAINER_REFUSALS,
      podTemplatePaths: POD_TEMPLATE_PATHS,
      controls: Object.fromEntries(
        Object.entries(CONTROLS).map(([id, control]) => [
          control,
          {
            id,
            title: RULES[id as keyof typeof CONTROLS].title,
            fix: RULES[id as keyof typeof CONTROLS].fix,
            acknowledgeable: (ACKNOWLEDGEMENT_IDS as readonly string[]).includes(id),
          },
        ]),
      ),
      allowedVolumeTypes: ALLOWED_VOLUME_TYPES,
      safeSysctls: SAFE_SYSCTLS,
      allowedSeLinuxTypes: ALLOWED_SELINUX_TYPES,
    },
  },
  {
    name: 'dangers',
    source: 'src/declaration/dangers.ts',
    value: {
      runtimeSocketPaths: RUNTIME_SOCKET_PATHS,
      kernelFolders: KERNEL_FOLDERS,
      snippetAnnotation: SNIPPET_ANNOTATION,
      messages: DANGER_MESSAGES,
    },
  },
  {
    name: 'misplacedFields',
    source: 'MISPLACED_FIELDS in src/declaration/schema-problems.ts, in the order the TypeScript face reports them',
    value: misplacedFieldChecks(),
  },
  { name: 'maxDeclaredSeconds', source: 'MAX_DECLARED_SECONDS in src/declaration/schema/primitives.ts', value: MAX_DECLARED_SECONDS },
  { name: 'kindNames', source: 'WORKLOAD_KINDS in src/kinds/table.ts', value: WORKLOAD_KINDS },
  { name: 'acknowledgementAliases', source: 'ACKNOWLEDGEMENT_ALIASES in src/declaration/ids.ts', value: ACKNOWLEDGEMENT_ALIASES },
  {
    name: 'kinds',
    source: 'KINDS in src/kinds/table.ts',
    value: Object.fromEntries(
      WORKLOAD_KINDS.map((kind) => [
        kind,
        { controller: KINDS[kind].controller, traffic: KINDS[kind].traffic, objects: KINDS[kind].objects },
      ]),
    ),
  },
  { name: 'valueChecks', source: 'valueChecks() in src/declaration/json-schema.ts', value: valueChecks() },
  { name: 'textRules', source: 'TEXT_RULES in src/declaration/text.ts', value: TEXT_RULES },
  { name: 'appArmorProfile', source: 'APPARMOR_PROFILE in src/declaration/resolve/pod.ts', value: { pattern: APPARMOR_PROFILE } },
  { name: 'clusterDns', source: 'CLUSTER_DNS in src/declaration/schema/network-policy.ts', value: CLUSTER_DNS },
  { name: 'nameLimits', source: 'NAME_LIMITS in src/declaration/resolve/kind-fields.ts', value: NAME_LIMITS },
  { name: 'kindFields', source: 'KIND_FIELDS in src/kinds/table.ts', value: KIND_FIELDS },
  { name: 'podSpread', source: 'POD_SPREAD in src/kinds/table.ts', value: POD_SPREAD },
  { name: 'foreignRolloutOverrides', source: 'FOREIGN_ROLLOUT_OVERRIDES in src/kinds/table.ts', value: FOREIGN_ROLLOUT_OVERRIDES },
  {
    name: 'invariants',
    source:
      'INVARIANT_IDS and ACKNOWLEDGEABLE_INVARIANTS in src/declaration/ids.ts, INVARIANTS in src/invariants/check.ts, INVARIANT_FIELDS in src/declaration/resolve/invariant-problems.ts, the controllers each applies to in RULES (src/rules/catalogue.ts)',
    value: Object.fromEntries(
      INVARIANT_IDS.map((id, index) => [
        id,
        {
          number: index + 1,
          statement: INVARIANTS[id].statement,
          acknowledgeable: (ACKNOWLEDGEABLE_INVARIANTS as readonly string[]).includes(id),
          fields: INVARIANT_FIELDS[id],
          controllers: RULES[ruleOfInvariant(id)].kinds,
        },
      ]),
    ),
  },
  { name: 'fixFields', source: 'FIX_FIELDS in src/declaration/fix-fields.ts', value: FIX_FIELDS },
  { name: 'propagationSeconds', source: 'PROPAGATION_SECONDS in src/timing/platforms.ts', value: PROPAGATION_SECONDS },
  { name: 'protocolPorts', source: 'PROTOCOL_PORTS in src/declaration/protocols.ts', value: PROTOCOL_PORTS },
  { name: 'metricsDefaults', source: 'METRICS_DEFAULTS in src/declaration/schema/metrics.ts', value: METRICS_DEFAULTS },
  { name: 'podFieldPaths', source: 'POD_FIELD_PATHS in src/declaration/env.ts', value: POD_FIELD_PATHS },
  {
    name: 'divisors',
    source: 'CPU_DIVISORS and MEMORY_DIVISORS in src/declaration/env.ts',
    value: { cpu: CPU_DIVISORS, memory: MEMORY_DIVISORS },
  },
  {
    name: 'distrolessRegistries',
    source: 'DISTROLESS_REGISTRIES in src/declaration/image.ts',
    value: DISTROLESS_REGISTRIES.map(({ prefix, shellTag }) => ({ prefix, shellTag: shellTag.source })),
  },
  { name: 'batchControllers', source: 'BATCH_CONTROLLERS in src/kinds/table.ts', value: BATCH_CONTROLLERS },
  {
    name: 'jobConstants',
    source: 'src/timing/kinds/job.ts',
    value: {
      runStartSeconds: RUN_START_SECONDS,
      defaultAttempts: DEFAULT_ATTEMPTS,
      backoffBaseSeconds: BACKOFF_BASE_SECONDS,
      backoffCapSeconds: BACKOFF_CAP_SECONDS,
      ttlSeconds: JOB_TTL_SECONDS,
    },
  },
  {
    name: 'cronJobConstants',
    source: 'src/timing/kinds/cronjob.ts, CRON_RULE in src/timing/cron.ts and CRON_FIX in src/declaration/resolve/schedule.ts',
    value: { controllerCheckSeconds: CONTROLLER_CHECK_SECONDS, dstShiftSeconds: DST_SHIFT_SECONDS, rule: CRON_RULE, fix: CRON_FIX },
  },
  {
    name: 'timeZones',
    source: 'the IANA time zone database as scripts/generate-time-zones.ts reads it (src/declaration/time-zones.ts), by lower-case name',
    value: Object.fromEntries(timeZoneNames().map((name) => [name.toLowerCase(), name])),
  },
];

/** JSON with the invisible characters (controls, separators, non-characters) escaped, so that the template file shows them. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function helmTables(): string {
  const defines = TABLES.map(
    ({ name, source, value }) => `{{/* ${source} */}}\n{{- define "hw.table.${name}" -}}\n${asciiJson(value)}\n{{- end -}}\n`,
  );
  return [`{{/* Generated by \`npm run generate\` from the TypeScript tables named below. Do not edit. */}}\n`, ...defines].join('\n');
}
