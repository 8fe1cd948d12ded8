import { packageInfo } from '../../package-info';
import { type CheckReport, failure } from '../run';

/** The whole report as JSON, for scripts: the same findings as the other formats, plus the verdict. */
export function checkJson(report: CheckReport): string {
  const reason = failure(report);
  const { name, version } = packageInfo();
  return `${JSON.stringify({ tool: { name, version }, passed: reason === undefined, ...(reason ? { failure: reason } : {}), ...report }, null, 2)}\n`;
}
