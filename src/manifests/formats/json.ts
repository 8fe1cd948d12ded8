import { formatInputProblem, type InputProblem } from '../../files/input-error';
import { packageInfo } from '../../package-info';
import { type CheckReport, failure } from '../run';

/** The whole report as JSON, for scripts: the same findings as the other formats, plus the verdict. */
export function checkJson(report: CheckReport): string {
  const reason = failure(report);
  const { name, version } = packageInfo();
  return `${JSON.stringify({ tool: { name, version }, passed: reason === undefined, ...(reason ? { failure: reason } : {}), ...report }, null, 2)}\n`;
}

/** The report of a run that could not check (exit 2): the problems, and no verdict of passing. */
export function checkJsonError(problems: readonly InputProblem[]): string {
  const { name, version } = packageInfo();
  return `${JSON.stringify({ tool: { name, version }, passed: false, error: problems.map(formatInputProblem).join('\n'), problems }, null, 2)}\n`;
}
