import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declarationJsonSchema } from '../src';

const README = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

test('the README field table documents every top-level field of the declaration', () => {
  const firstCells = README.split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|')[1]!);
  const fields = Object.keys(declarationJsonSchema().properties ?? {});
  const missing = fields.filter((field) => !firstCells.some((cell) => cell.includes(`\`${field}\``) || cell.includes(`\`${field}.`)));
  expect(missing).toEqual([]);
});

test('the README gives the two set-up commands', () => {
  expect(README).toContain('npm ci && npm run synth');
  expect(README).toContain('npm test');
});
