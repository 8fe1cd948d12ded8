import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { cronCadence, parseCron } from '../src/timing/cron';
import { SEED } from './support/arbitraries';
import { helm, helmTest, ROOT, valuesFile } from './support/helm';

/**
 * The Helm face's cron grammar and calendar walk (templates/_cron.tpl) against the TypeScript face's
 * (src/timing/cron.ts, which expands with cron-parser): for every schedule, both accept or both
 * refuse, and both find the same cadence. The templates run in a small chart that holds only them.
 */

const field = (values: fc.Arbitrary<string>) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom('*', '?'),
        values,
        fc.tuple(values, values).map(([a, b]) => `${a}-${b}`),
        fc.tuple(fc.oneof(fc.constantFrom('*', '?'), values), fc.integer({ min: 0, max: 40 })).map(([span, step]) => `${span}/${step}`),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((items) => items.join(','));
const number = (min: number, max: number) => fc.integer({ min, max }).map(String);
const schedule = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        field(number(0, 61)),
        field(number(0, 25)),
        field(number(0, 32)),
        field(fc.oneof(number(0, 13), fc.constantFrom('jan', 'FEB', 'Dec', 'foo'))),
        field(fc.oneof(number(0, 7), fc.constantFrom('sun', 'MON', 'Sat', 'L'))),
      )
      .map((fields) => fields.join(' ')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '@daily',
      '@HOURLY',
      '@weekly',
      '@monthly',
      '@yearly',
      '@annually',
      '@midnight',
      '@every 5m',
      '0 0 31 2 *',
      '0 0 29 2 *',
      '0 0 * * *  ',
      '0 0 * *',
      '0 0 0 * * *',
      '0 0 15W * *',
      '',
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('0', '*/5', '30'),
        fc.constantFrom('0', '12', '*'),
        fc.constantFrom('*', '1', '13', '31', '1-7'),
        fc.constantFrom('*', '2', '1-6'),
        fc.constantFrom('*', '5', '0,6', 'MON-FRI'),
      )
      .map((fields) => fields.join(' ')),
  },
);

function typescriptFace(text: string) {
  const fields = parseCron(text);
  return fields ? { fields: { ...fields, daysOfWeek: [...fields.daysOfWeek] }, cadence: cronCadence(fields) } : {};
}

helmTest('300 random schedules: the same verdict, expansion and shortest interval in both faces', () => {
  const schedules = fc.sample(schedule, { seed: SEED + 7, numRuns: 300 });
  const chart = mkdtempSync(join(tmpdir(), 'hardened-cron-'));
  mkdirSync(join(chart, 'templates'));
  writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: cron\nversion: 0.1.0\n');
  cpSync(join(ROOT, 'templates', '_cron.tpl'), join(chart, 'templates', '_cron.tpl'));
  writeFileSync(
    join(chart, 'templates', 'cadence.yaml'),
    [
      'results:',
      '{{- range $schedule := .Values.schedules }}',
      '{{- $fields := include "hw.cron.fields" $schedule | fromJson }}',
      '  - {{ if $fields }}{{ dict "fields" $fields "cadence" (include "hw.cron.cadence" $fields | fromJson) | toJson }}{{ else }}{}{{ end }}',
      '{{- end }}',
    ].join('\n'),
  );
  const result = helm(['template', 'cron', chart, '--values', valuesFile({ schedules })]);
  expect(result.stderr).toBe('');
  const rendered = (require('yaml') as typeof import('yaml')).parse(result.stdout.replace(/^---\n# Source: .*\n/, '')).results as unknown[];
  const outcomes = schedules.map((text, index) => ({ text, helm: rendered[index], typescript: typescriptFace(text) }));
  for (const outcome of outcomes)
    expect({ text: outcome.text, face: outcome.helm }).toEqual({ text: outcome.text, face: outcome.typescript });
  // Both verdicts must be frequent, or the comparison proves less than it says.
  const accepted = outcomes.filter(({ typescript }) => 'fields' in typescript).length;
  expect(accepted).toBeGreaterThan(60);
  expect(outcomes.length - accepted).toBeGreaterThan(60);
});
