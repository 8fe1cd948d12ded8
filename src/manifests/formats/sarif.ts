import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { formatInputProblem, type InputProblem } from '../../files/input-error';
import { STDIN_NAME } from '../../files/inputs';
import { packageInfo } from '../../package-info';
import { deprecatedIdsOf, RULES } from '../../rules/catalogue';
import { ruleDocUrl, ruleHelpMarkdown, ruleHelpText } from '../../rules/docs';
import { securitySeverity } from '../../rules/pod-security';
import { type CheckReport, failure, type Finding, podTemplateNote } from '../run';

/**
 * SARIF 2.1.0, as GitHub code scanning and other code-scanning tools read it. Rule metadata comes
 * from the catalogue (help text, Markdown, and the rule's page at the project's home page as
 * `helpUri`; Pod Security rules with a `security-severity`); each result
 * has its rule, level, message, physical location and the object as a logical location. An
 * acknowledged finding stays in the log with an in-source suppression and its justification.
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
export function checkSarif(report: CheckReport, cwd: string = process.cwd()): string {
  const ruleIndex = new Map(report.rules.map(({ id }, index) => [id, index]));
  const rules = report.rules.map(({ id, severity }): ReportingDescriptor => {
    const helpUri = ruleDocUrl(id);
    const score = securitySeverity(id);
    const deprecatedIds = deprecatedIdsOf(id);
    return {
      id,
      // The ids it had before a rename, so that code scanning carries its alerts over.
      ...(deprecatedIds.length > 0 ? { deprecatedIds } : {}),
      shortDescription: { text: RULES[id].title },
      fullDescription: { text: RULES[id].rationale },
      help: { text: ruleHelpText(id), markdown: ruleHelpMarkdown(id) },
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: severity },
      // GitHub rates a rule by security-severity (a number as a string) when it is tagged security.
      properties:
        score === undefined
          ? { tags: [RULES[id].family] }
          : { tags: ['security', RULES[id].family], 'security-severity': score.toFixed(1) },
    };
  });
  const results = report.findings.map((finding): Result => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId)!,
    level: finding.severity,
    message: { text: `${finding.subject}: ${finding.message}. Fix: ${finding.fix}` },
    ...locationsOf(finding, cwd),
    ...(finding.suppressed ? { suppressions: [{ kind: 'inSource', justification: finding.suppressed.reason }] } : {}),
  }));
  // An undecided rule is a result of its own (level note), so that code scanning shows it beside the findings.
  const undecided = report.workloads.flatMap((workload) =>
    workload.undecided.map(({ ruleId, detail }): Result => ({
      ruleId,
      ruleIndex: ruleIndex.get(ruleId)!,
      level: 'note',
      message: { text: `${workload.subject}: ${ruleId} is undecided, it needs declared times: ${detail}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(workload.file, cwd) },
            region: { startLine: workload.line, startColumn: workload.column },
          },
          logicalLocations: [logicalLocation(workload)],
        },
      ],
      properties: { undecided: true },
    })),
  );
  const notifications: Notification[] = [
    // One that carries a pod template runs pods no rule has seen: a warning, not a note.
    ...report.skipped.map(({ object, file, line, podTemplate }): Notification => ({
      level: podTemplate === undefined ? 'note' : 'warning',
      message: {
        text: `${object.kind}/${object.name} was ${podTemplate === undefined ? 'not checked: check does not read its kind' : podTemplateNote(object.kind, podTemplate)}`,
      },
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file, cwd) }, region: { startLine: line } } }],
    })),
  ];
  for (const { file, reason } of report.skippedFiles) {
    notifications.push({
      level: 'note',
      message: { text: `${file} was not read: ${reason}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file, cwd) } } }],
    });
  }
  const reason = failure(report);
  if (report.workloads.length === 0 && reason) notifications.push({ level: 'error', message: { text: reason } });
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: toolDriver(rules),
        },
        invocations: [{ executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        results: [...results, ...undecided],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Paths under the working folder stay relative (code scanning resolves them against the checkout). */
function artifactUri(file: string, cwd: string): string {
  if (file === STDIN_NAME) return 'stdin';
  const inside = relative(cwd, file);
  if (!inside.startsWith('..') && !isAbsolute(inside)) return encodeURI(inside.split(sep).join('/'));
  return pathToFileURL(file).href;
}

/**
 * Where the finding is. For `helm template` output that is the chart's template, where a reviewer
 * fixes it, with the rendered line as a related location. A template's own line cannot be known
 * from its output: the result is at the template's first line, which code scanning requires.
 */
function locationsOf(finding: Finding, cwd: string): Pick<Result, 'locations' | 'relatedLocations'> {
  const rendered = {
    artifactLocation: { uri: artifactUri(finding.file, cwd) },
    region: { startLine: finding.line, startColumn: finding.column },
  };
  if (finding.template === undefined) return { locations: [{ physicalLocation: rendered, logicalLocations: [logicalLocation(finding)] }] };
  return {
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: encodeURI(finding.template) }, region: { startLine: 1 } },
        logicalLocations: [logicalLocation(finding)],
      },
    ],
    relatedLocations: [
      {
        id: 1,
        physicalLocation: rendered,
        message: { text: `${finding.subject}${finding.fieldPath ? ` ${finding.fieldPath}` : ''}, as helm template rendered it` },
      },
    ],
  };
}

function logicalLocation(finding: Pick<Finding, 'object'>) {
  const { kind, name, namespace } = finding.object;
  return {
    name: `${kind}/${name}`,
    fullyQualifiedName: `${namespace ? `${namespace}/` : ''}${kind}/${name}`,
    kind: 'resource',
  };
}

/**
 * The log of a run that could not check (exit 2: unreadable input, a bad configuration): no
 * results, the problems as error notifications and executionSuccessful false, so that a CI step
 * uploading the file finds one and shows why.
 */
export function checkSarifError(problems: readonly InputProblem[], cwd: string = process.cwd()): string {
  const notifications = problems.map((problem): Notification => ({
    level: 'error',
    message: { text: formatInputProblem(problem) },
    ...(problem.file
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(problem.file, cwd) },
                ...(problem.line !== undefined
                  ? { region: { startLine: problem.line, ...(problem.column !== undefined ? { startColumn: problem.column } : {}) } }
                  : {}),
              },
            },
          ],
        }
      : {}),
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: toolDriver([]),
        },
        invocations: [{ executionSuccessful: false, toolExecutionNotifications: notifications }],
        results: [],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** The tool as both logs name it: a report's and an input error's point at the same home page. */
function toolDriver(rules: NonNullable<Log['runs'][number]['tool']['driver']['rules']>): Log['runs'][number]['tool']['driver'] {
  const { name, version, homepage, repositoryUrl } = packageInfo();
  return {
    name,
    version,
    semanticVersion: version,
    informationUri: homepage ?? repositoryUrl ?? `https://www.npmjs.com/package/${name}`,
    rules,
  };
}
