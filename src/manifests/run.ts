import { InputError, type InputProblem } from '../files/input-error';
import type { InputText, SkippedFile } from '../files/inputs';
import { parseSourcedManifests, type SourcedObject } from '../files/manifests';
import type { DeclaredTimes } from '../invariants/facts';
import { isUndecided } from '../rules/check';
import { type InputRuleId, RULE_IDS, RULES, type RuleId, type RuleMeta, type Severity, type WorkloadRuleId } from '../rules/catalogue';
import { CHECKS, INPUT_CHECKS } from '../rules/checks';
import { type CheckConfig, DEFAULT_CONFIG, declaredFor, type FailOn, unmatchedEntries } from './config';
import { annotatedTimes } from './declared-times';
import { pathText } from './field-paths';
import { identityOf, objectName } from './objects';
import { isWorkloadKind, podTemplatePathIn } from './pod-templates';
import { servingContainers } from './roles';
import { isReadKind, shapeProblems } from './shapes';
import { acknowledgements } from './suppressions';
import { type Workload, workloadsOf } from './workloads';

/** Where a finding is: the file and line of the field, or of its nearest written ancestor. */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface ObjectRef {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/** One broken rule: the single shape every output format is written from. */
export interface Finding extends Location {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  /** The workload the finding is about, e.g. `Deployment/checkout`. */
  readonly subject: string;
  /** The object holding the field (the workload, or a related object such as its PodDisruptionBudget). */
  readonly object: ObjectRef;
  /** From the root of `object`, e.g. `spec.template.spec.containers[0].readinessProbe.timeoutSeconds`. */
  readonly fieldPath: string;
  readonly message: string;
  readonly fix: string;
  /** Present when the workload acknowledges the rule; the finding then does not fail the run. */
  readonly suppressed?: { readonly reason: string };
  /** The chart template that rendered `object`, when the input is `helm template` output (its `# Source:` comments). */
  readonly template?: string;
}

export interface WorkloadReport extends Location {
  readonly subject: string;
  readonly object: ObjectRef;
  /** The declared times the invariants were checked against. */
  readonly declared: DeclaredTimes;
  /** Rules that could not be decided without a declared time the manifests do not show. */
  readonly undecided: ReadonlyArray<{ readonly ruleId: RuleId; readonly detail: string }>;
}

export interface CheckReport {
  /** The rules applied, in catalogue order, with the severity they ran at. */
  readonly rules: ReadonlyArray<{ readonly id: RuleId; readonly severity: Severity }>;
  readonly failOn: FailOn;
  readonly workloads: readonly WorkloadReport[];
  readonly findings: readonly Finding[];
  /**
   * Objects of kinds `check` neither checks nor reads, listed so that nothing is dropped silently;
   * `podTemplate` is where one carries a pod template (a custom resource that runs pods, such as
   * an Argo Rollout), whose pods no rule has seen.
   */
  readonly skipped: ReadonlyArray<Location & { readonly object: ObjectRef; readonly podTemplate?: string }>;
  /** Entries of the folders walked that were not read (another extension, hidden, a link not followed), with the reason. */
  readonly skippedFiles: readonly SkippedFile[];
}

export interface CheckOptions {
  readonly config?: CheckConfig;
  /** Declared times for every workload, from the command line. */
  readonly declared?: DeclaredTimes;
  /** What the walk of the input folders did not read (`walkInputs`), to be named in the report. */
  readonly skippedFiles?: readonly SkippedFile[];
}

/** What the report says of an object of a kind `check` does not read that carries a pod template at `path`. */
export function podTemplateNote(kind: string, path: string): string {
  return `not checked: ${kind} carries a pod template that check does not read (${path})`;
}

const RANK: Record<Severity | 'undecided', number> = { error: 3, warning: 2, note: 1, undecided: 0 };

export function atOrAbove(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && RANK[severity] >= RANK[failOn];
}

/** How many rule results could not be decided, over every workload. */
export function undecidedCount(report: CheckReport): number {
  return report.workloads.reduce((total, workload) => total + workload.undecided.length, 0);
}

/**
 * Why the run fails, or undefined when it passes: no workload at all, unsuppressed findings at or
 * above `failOn`, or — with `failOn: undecided` — any rule left undecided.
 */
export function failure(report: CheckReport): string | undefined {
  if (report.workloads.length === 0) return 'no workload found: nothing was checked';
  const failing = report.findings.filter((finding) => !finding.suppressed && atOrAbove(finding.severity, report.failOn));
  const undecided = report.failOn === 'undecided' ? undecidedCount(report) : 0;
  const reasons = [
    ...(failing.length > 0 ? [`${failing.length} finding(s) at or above ${report.failOn === 'undecided' ? 'note' : report.failOn}`] : []),
    ...(undecided > 0 ? [`${undecided} undecided (--fail-on undecided)`] : []),
  ];
  return reasons.length > 0 ? reasons.join(', ') : undefined;
}

function refOf(source: SourcedObject): ObjectRef {
  const { name, generateName, namespace } = (source.object.metadata ?? {}) as { name?: string; generateName?: string; namespace?: string };
  return { kind: String(source.object.kind), name: name ?? `${generateName}*`, ...(namespace ? { namespace } : {}) };
}

function locationOf(source: SourcedObject): Location {
  return { file: source.file, ...source.position };
}

/**
 * A bare Pod with restartPolicy Never or OnFailure runs to completion like a Job's pod (a Helm test
 * hook, a one-off task), so it gets the rules that apply to Jobs, not those of serving pods. A
 * PodTemplate is checked as the pod it describes, alike.
 */
function applies(meta: RuleMeta, workload: Workload): boolean {
  const runsToCompletion =
    (workload.kind === 'Pod' || workload.kind === 'PodTemplate') && (workload.pod.spec.restartPolicy ?? 'Always') !== 'Always';
  return meta.kinds.includes(runsToCompletion ? 'Job' : workload.kind);
}

function isInputRule(id: RuleId): id is InputRuleId {
  const target = RULES[id].target;
  return typeof target === 'object' && 'input' in target;
}

/**
 * The first copy of every object (an object written twice is reported by duplicateObject, at the
 * later copy): every other rule checks it once, and relates it to the others once.
 */
function firstCopies(objects: readonly SourcedObject[]): SourcedObject[] {
  const seen = new Set<string>();
  return objects.filter((source) => {
    const identity = identityOf(source.object);
    if (identity === undefined) return true;
    if (seen.has(identity)) return false;
    seen.add(identity);
    return true;
  });
}

/**
 * Checks manifests — ours or anyone's — against every enabled rule. Reads every input first and
 * throws one `InputError` listing every input problem (syntax, non-Kubernetes documents, malformed
 * fields, configuration entries naming no workload), so a run reports either everything or
 * nothing. A wrong acknowledgement is a finding of its workload (validAcknowledgement), not an
 * input problem: it silences nothing, and every other workload is still checked.
 */
export function checkManifests(inputs: readonly InputText[], options: CheckOptions = {}): CheckReport {
  const config = options.config ?? DEFAULT_CONFIG;
  const problems: InputProblem[] = [];
  const objects: SourcedObject[] = [];
  for (const input of inputs) {
    const parsed = parseSourcedManifests(input);
    problems.push(...parsed.problems);
    for (const source of parsed.objects) {
      const malformed = shapeProblems(source.object);
      for (const { path, message } of malformed) {
        problems.push({ file: source.file, ...source.locate(path), message: `${objectName(source.object)}: ${message}` });
      }
      if (malformed.length === 0) objects.push(source);
    }
  }
  const checked = firstCopies(objects);
  const workloads = workloadsOf(checked);
  // A wrong acknowledgement is no input problem: validAcknowledgement reports it on its workload.
  const suppressions = workloads.map((workload) => acknowledgements(workload));
  if (problems.length === 0)
    problems.push(
      ...unmatchedEntries(
        config,
        workloads.map((workload) => refOf(workload.source)),
      ),
    );
  if (problems.length > 0) throw new InputError(problems);

  const enabled = RULE_IDS.flatMap((id) => {
    const setting = config.rules[id] ?? RULES[id].severity;
    return setting === 'off' ? [] : [{ id, severity: setting }];
  });
  const findings: Finding[] = [];
  const reports = workloads.map((workload, index): WorkloadReport => {
    const object = refOf(workload.source);
    const serving = workload.kind === 'Job' || workload.kind === 'CronJob' || servingContainers(workload).size > 0;
    const declared = declaredFor(object, config, options.declared ?? {}, annotatedTimes(workload), serving);
    const reasons = suppressions[index]!.reasons;
    const undecided: Array<{ ruleId: RuleId; detail: string }> = [];
    for (const { id: ruleId, severity } of enabled) {
      const meta: RuleMeta = RULES[ruleId];
      if (!applies(meta, workload) || isInputRule(ruleId)) continue;
      const id: WorkloadRuleId = ruleId;
      const target = meta.target;
      const subjects =
        target === 'workload' || 'input' in target
          ? [{ workload, declared }]
          : workload.pod.containers
              .filter((view) => target.containers.includes(view.role))
              .map((container) => ({ workload, declared, container }));
      for (const subject of subjects) {
        for (const outcome of CHECKS[id](subject)) {
          if (isUndecided(outcome)) {
            undecided.push({ ruleId: id, detail: outcome.undecided });
            continue;
          }
          const holder = outcome.object ?? workload.source;
          const reason = reasons.get(id);
          findings.push({
            ruleId: id,
            severity: outcome.note ? 'note' : severity,
            subject: workload.subject,
            object: refOf(holder),
            file: holder.file,
            ...holder.locate(outcome.path),
            fieldPath: pathText(outcome.path),
            message: outcome.message,
            fix: outcome.fix ? `${outcome.fix[0]!.toUpperCase()}${outcome.fix.slice(1)}.` : meta.fix,
            ...(reason !== undefined ? { suppressed: { reason } } : {}),
            ...(holder.template !== undefined ? { template: holder.template } : {}),
          });
        }
      }
    }
    return { subject: workload.subject, object, ...locationOf(workload.source), declared, undecided };
  });
  // The rules of the whole input: each finding is about the object it is in, which no acknowledgement silences.
  for (const { id, severity } of enabled) {
    if (!isInputRule(id)) continue;
    for (const violation of INPUT_CHECKS[id]({ objects, checked, workloads })) {
      const holder = violation.object;
      findings.push({
        ruleId: id,
        severity: violation.note ? 'note' : severity,
        subject: objectName(holder.object),
        object: refOf(holder),
        file: holder.file,
        ...holder.locate(violation.path),
        fieldPath: pathText(violation.path),
        message: violation.message,
        fix: violation.fix ? `${violation.fix[0]!.toUpperCase()}${violation.fix.slice(1)}.` : RULES[id].fix,
        ...(holder.template !== undefined ? { template: holder.template } : {}),
      });
    }
  }

  const skipped = checked
    .filter((source) => !isWorkloadKind(source.object.kind) && !isReadKind(String(source.object.kind)))
    .map((source) => {
      const carried = podTemplatePathIn(source.object);
      return { object: refOf(source), ...locationOf(source), ...(carried !== undefined ? { podTemplate: pathText(carried) } : {}) };
    });
  const fileOrder = new Map(inputs.map((input, index) => [input.name, index]));
  const ruleOrder = new Map(RULE_IDS.map((id, index) => [id, index]));
  findings.sort(
    (a, b) =>
      fileOrder.get(a.file)! - fileOrder.get(b.file)! ||
      a.line - b.line ||
      a.column - b.column ||
      ruleOrder.get(a.ruleId)! - ruleOrder.get(b.ruleId)! ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
  return { rules: enabled, failOn: config.failOn, workloads: reports, findings, skipped, skippedFiles: options.skippedFiles ?? [] };
}
