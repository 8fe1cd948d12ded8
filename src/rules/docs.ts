import { packageInfo } from '../package-info';
import { RENAMED_RULES, RULE_IDS, RULES, type RuleId, type RuleMeta } from './catalogue';

/**
 * The documentation of every rule, written from the catalogue: one Markdown page per rule
 * (`docs/rules/<id>.md`) and an index. `npm run generate` writes them and `--check` fails when
 * they differ, so code and docs cannot drift; SARIF logs carry the same text as rule help.
 */

const GENERATED = '<!-- Generated from src/rules/catalogue.ts by `npm run generate`. Do not edit. -->';

const FAMILY: Record<RuleMeta['family'], string> = {
  invariant: 'timing invariant',
  'pod-security': 'Pod Security Standard "restricted"',
  hardening: 'hardening default',
  consistency: 'consistency of the input',
};

function familyText(meta: RuleMeta): string {
  return meta.invariant === undefined ? FAMILY[meta.family] : `${FAMILY[meta.family]} ${meta.invariant}`;
}

function scopeText(meta: RuleMeta): string {
  if (typeof meta.target === 'object' && 'input' in meta.target) return `the input as a whole: ${meta.target.input}`;
  const containers =
    meta.target === 'workload'
      ? 'the pod as a whole'
      : `each ${(meta.target as { containers: readonly string[] }).containers.join(', ')} container`;
  return `${meta.kinds.join(', ')}; ${containers}`;
}

function acknowledgementText(id: RuleId, meta: RuleMeta): string {
  return meta.acknowledgeable
    ? `yes, with a reason: annotation \`hardened-workloads.io/acknowledged: "${id}: <reason>"\` on the workload`
    : 'no (turn it off in the configuration if it does not apply)';
}

/** The rule's page. */
export function ruleMarkdown(id: RuleId): string {
  return [
    GENERATED,
    ruleHelpMarkdown(id),
    `- Examples that fire and pass: [test/fixtures/rules/${id}/](../../test/fixtures/rules/${id}/)`,
    '',
  ].join('\n');
}

/**
 * The page without what only makes sense in the repository (the generated-file comment, the link
 * to the test fixtures): plain Markdown for tools that show a rule's help, such as SARIF viewers.
 */
export function ruleHelpMarkdown(id: RuleId): string {
  const meta: RuleMeta = RULES[id];
  return [
    `# ${id}`,
    '',
    `**${meta.title}**`,
    '',
    '| | |',
    '| --- | --- |',
    `| Family | ${familyText(meta)} |`,
    `| Default severity | ${meta.severity} |`,
    `| Applies to | ${scopeText(meta)} |`,
    `| Acknowledgeable | ${acknowledgementText(id, meta)} |`,
    '',
    '## Why',
    '',
    meta.rationale,
    '',
    '## Fix',
    '',
    meta.fix,
    '',
    '## See also',
    '',
    `- ${meta.reference.startsWith('https://kubernetes.io/') ? 'Kubernetes documentation' : 'Documentation'}: ${meta.reference}`,
  ].join('\n');
}

/** Plain-text help for tools that do not render Markdown. */
export function ruleHelpText(id: RuleId): string {
  const meta: RuleMeta = RULES[id];
  return `${meta.title}\n\nWhy: ${meta.rationale}\n\nFix: ${meta.fix}\n\nSee ${meta.reference}`;
}

/** The index page: every rule with its family, default severity and title. */
export function rulesIndexMarkdown(): string {
  return [
    GENERATED,
    '# Rules of `hardened-workloads check`',
    '',
    'Every rule has a stable id, used in configuration files, in the `hardened-workloads.io/acknowledged`',
    'annotation and as the SARIF `ruleId`. `hardened-workloads rules` prints this list.',
    '',
    '| id | family | default severity | title |',
    '| --- | --- | --- | --- |',
    ...RULE_IDS.map(
      (id) => `| [${id}](${id}.md) | ${familyText(RULES[id])} | ${RULES[id].severity} | ${RULES[id].title.replace(/\|/g, '\\|')} |`,
    ),
    '',
    'Kinds: Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController (read like a ReplicaSet), Job,',
    'CronJob, Pod and PodTemplate. A PodTemplate is checked as the pod it describes, with the rules of a bare Pod',
    '(those of a Job when its restartPolicy is Never or OnFailure): it has no controller, so no rollout, replica,',
    'budget or spread rule applies to it. Any other kind that carries a pod template (an Argo Rollout, an OpenKruise',
    'CloneSet, a KEDA ScaledJob) is not read: the report names it, "not checked: <kind> carries a pod template that',
    'check does not read", rather than pass it silently.',
    '',
    'Renamed ids, which still work as aliases: ' +
      Object.entries(RENAMED_RULES)
        .map(([id, { replacedBy }]) => `[${id}](${id}.md) → [${replacedBy}](${replacedBy}.md)`)
        .join(', ') +
      '.',
    '',
  ].join('\n');
}

/** The page of a renamed id, so that links to it (and SARIF logs of earlier versions) still lead to the rule. */
export function renamedRuleMarkdown(id: string): string {
  const { replacedBy, why } = RENAMED_RULES[id]!;
  return [
    GENERATED,
    `# ${id}`,
    '',
    `Renamed **[${replacedBy}](${replacedBy}.md)**: ${why}. The old id still works wherever a rule is named (the \`hardened-workloads.io/acknowledged\` annotation, configuration files, \`--rule\`), with a deprecation note in configuration and flags, and SARIF lists it in the rule's \`deprecatedIds\`; write ${replacedBy} in new configuration. Declarations keep acknowledging it as \`acknowledge.${id}\`.`,
    '',
  ].join('\n');
}

/** Every generated file, by its path in the repository. */
export function ruleDocFiles(): Record<string, string> {
  return {
    'docs/rules/README.md': rulesIndexMarkdown(),
    ...Object.fromEntries(RULE_IDS.map((id) => [`docs/rules/${id}.md`, ruleMarkdown(id)])),
    ...Object.fromEntries(Object.keys(RENAMED_RULES).map((id) => [`docs/rules/${id}.md`, renamedRuleMarkdown(id)])),
  };
}

/** The page's web address at the project's home page (SARIF's `helpUri`), when package.json names it. */
export function ruleDocUrl(id: RuleId): string | undefined {
  const { homepage } = packageInfo();
  return homepage === undefined ? undefined : `${homepage}/blob/main/docs/rules/${id}.md`;
}
