import { formatInputProblem, printable } from '../../files/input-error';
import { type CheckReport, failure, type Finding, podTemplateNote, undecidedCount } from '../run';

/**
 * The report for a terminal or a CI log: findings grouped by file, each at `file:line:column` so
 * that editors and CI logs link to the field, then what could not be decided and what was not
 * checked, then one verdict line. Control characters from the manifests are escaped.
 */
export function checkText(report: CheckReport): string {
  const lines: string[] = [];
  const files = [...new Set(report.findings.map((finding) => finding.file))];
  for (const file of files) {
    lines.push(file);
    for (const finding of report.findings.filter((entry) => entry.file === file)) lines.push(...findingLines(finding));
    lines.push('');
  }
  const undecided = report.workloads.filter((workload) => workload.undecided.length > 0);
  if (undecided.length > 0) {
    lines.push('Undecided: these need declared times (annotation hardened-workloads.io/declared, the configuration or the flags):');
    for (const workload of undecided) {
      for (const { ruleId, detail } of workload.undecided) {
        lines.push(`  ${formatInputProblem({ ...workload, message: `${workload.subject}: ${ruleId}: ${detail}` })}`);
      }
    }
    lines.push('');
  }
  if (report.skipped.length > 0) {
    lines.push('Not checked (kinds check does not read):');
    for (const { object, podTemplate, ...where } of report.skipped)
      lines.push(
        `  ${formatInputProblem({ ...where, message: `${object.kind}/${object.name}${podTemplate ? `: ${podTemplateNote(object.kind, podTemplate)}` : ''}` })}`,
      );
    lines.push('');
  }
  if (report.skippedFiles.length > 0) {
    lines.push('Not read (entries of the folders walked):');
    for (const { file, reason } of report.skippedFiles) lines.push(`  ${formatInputProblem({ file, message: reason })}`);
    lines.push('');
  }
  lines.push(summary(report));
  // Names, values and reasons come from the manifests: no control character reaches the log.
  return `${lines.map(printable).join('\n')}\n`;
}

function findingLines(finding: Finding): string[] {
  const where = `${finding.line}:${finding.column}`.padEnd(7);
  const status = (finding.suppressed ? 'suppressed' : finding.severity).padEnd(10);
  const head = `  ${where} ${status} ${finding.ruleId}  ${finding.subject}: ${finding.message}`;
  const detail = finding.suppressed ? `acknowledged: ${finding.suppressed.reason}` : `fix: ${finding.fix}`;
  const template = finding.template === undefined ? [] : [`${' '.repeat(21)}template: ${finding.template}`];
  return [head, ...template, `${' '.repeat(21)}${detail}`];
}

function summary(report: CheckReport): string {
  const active = report.findings.filter((finding) => !finding.suppressed);
  const counts = (['error', 'warning', 'note'] as const)
    .map((severity) => [severity, active.filter((finding) => finding.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}${count === 1 ? '' : 's'}`);
  const suppressed = report.findings.length - active.length;
  const undecided = undecidedCount(report);
  const carrying = report.skipped.filter((entry) => entry.podTemplate !== undefined).length;
  const parts = [
    `${report.workloads.length} workload(s) checked with ${report.rules.length} rules`,
    counts.length > 0 ? counts.join(', ') : 'no findings',
    ...(suppressed > 0 ? [`${suppressed} suppressed`] : []),
    ...(undecided > 0 ? [`${undecided} undecided — declare the times they need to decide them`] : []),
    ...(report.skippedFiles.length > 0 ? [`${report.skippedFiles.length} file(s) not read`] : []),
    ...(report.skipped.length > 0
      ? [`${report.skipped.length} object(s) not checked${carrying > 0 ? ` (${carrying} carrying a pod template)` : ''}`]
      : []),
  ];
  const reason = failure(report);
  // Never "Passed" while a rule is undecided: the gate lets it through, but nothing proved it holds.
  const verdict = reason !== undefined ? `FAILED: ${reason}` : undecided > 0 ? 'Not failed, but not everything was decided' : 'Passed';
  return `${parts.join('; ')}. ${verdict}${report.failOn === 'never' ? ' (--fail-on never)' : ''}.`;
}
