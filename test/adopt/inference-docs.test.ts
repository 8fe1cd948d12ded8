import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * docs/adopt.md names the worked example of every inference rule: a link to one of the
 * test/adopt/inference-*.test.ts files followed by the quoted names of its tests or groups. Each
 * name must be one in that file, so that a renamed or removed example cannot leave the document
 * pointing at nothing.
 */
const ROOT = join(__dirname, '..', '..');
const document = readFileSync(join(ROOT, 'docs', 'adopt.md'), 'utf8').replace(/\s+/g, ' ');

/** `[label](../test/adopt/<file>)` and the quoted names after it, up to the next link or the end of the table cell or sentence. */
function references(): Array<{ file: string; name: string }> {
  const found: Array<{ file: string; name: string }> = [];
  const link = /\]\(\.\.\/(test\/adopt\/inference-[a-z]+\.test\.ts)\)([^[|]*)/g;
  for (const [, file, after] of document.matchAll(link)) {
    for (const [, name] of after!.matchAll(/"([^"]+)"/g)) found.push({ file: file!, name: name!.replace(/…$/, '') });
  }
  return found;
}

const named = references();

test('the document names worked examples in every inference test file', () => {
  expect([...new Set(named.map(({ file }) => file))].sort()).toEqual([
    'test/adopt/inference-charts.test.ts',
    'test/adopt/inference-fields.test.ts',
    'test/adopt/inference-rules.test.ts',
    'test/adopt/inference-workloads.test.ts',
  ]);
});

test.each(named.map(({ file, name }) => [file, name]))('%s has the test or group named "%s"', (file, name) => {
  const text = readFileSync(join(ROOT, file), 'utf8').replace(/\s+/g, ' ').replace(/\\'/g, "'");
  expect(text).toContain(name);
});
