import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { DeclarationError } from '../declaration/errors';

/**
 * Reads a declaration file: YAML (one or several `---` documents) or JSON (one object or an
 * array). Returns the raw declarations; validation is `resolveWorkload`'s job. Syntax errors are
 * reported as declaration problems with their line, never as a stack trace.
 */
export function readDeclarations(file: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DeclarationError(`in ${file}`, [
      { path: '(file)', value: file, rule: 'the declaration file must be readable', fix: (error as Error).message },
    ]);
  }
  return parseDeclarations(text, file);
}

export function parseDeclarations(text: string, source: string): unknown[] {
  const documents = parseAllDocuments(text, { prettyErrors: true });
  const list = Array.isArray(documents) ? documents : [documents];
  const problems = list.flatMap((document) =>
    document.errors.map((error) => ({
      path: '(syntax)',
      value: error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : source,
      rule: `${source} must be valid YAML or JSON: ${error.message.split('\n')[0]}`,
      fix: 'correct the syntax at that position',
    })),
  );
  if (problems.length > 0) throw new DeclarationError(`in ${source}`, problems);
  return list
    .map((document) => document.toJS() as unknown)
    .filter((value) => value !== null && value !== undefined)
    .flatMap((value) => (Array.isArray(value) ? value : [value]));
}
