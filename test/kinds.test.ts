import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Chart } from 'cdk8s';
import { KIND_FIELDS, KINDS, OBJECT_ROLES, WORKLOAD_KINDS } from '../src/kinds/table';
import { hardenedWorkload, HardenedWorkload } from '../src';
import { CHECKOUT, checkoutWith } from './support/declarations';

/**
 * The kinds table is the one place that says which objects a kind makes and which fields it
 * accepts; these tests hold both faces to it.
 */

const TEMPLATES = join(__dirname, '..', 'templates');
const objectTemplates = readdirSync(TEMPLATES)
  // validate.yaml renders no object: it resolves the declaration before the object templates do.
  .filter((file) => file.endsWith('.yaml') && file !== 'validate.yaml')
  .map((file) => ({ file, text: readFileSync(join(TEMPLATES, file), 'utf8') }));

test.each(OBJECT_ROLES.map((role) => [role]))('exactly one object template guards itself with the role %s', (role) => {
  const guard = new RegExp(`include "hw\\.kinds\\.makes" \\(list \\$(w\\.)?spec\\.kind "${role}"\\)`);
  expect(objectTemplates.filter(({ text }) => guard.test(text)).map(({ file }) => file)).toHaveLength(1);
});

test('every object template is guarded by the kinds table', () => {
  expect(objectTemplates.filter(({ text }) => !text.includes('include "hw.kinds.makes"')).map(({ file }) => file)).toEqual([]);
});

test('every kind makes a ServiceAccount, a NetworkPolicy and its controller', () => {
  for (const kind of WORKLOAD_KINDS) {
    expect(KINDS[kind].objects).toEqual(expect.arrayContaining(['ServiceAccount', 'NetworkPolicy', KINDS[kind].controller]));
  }
});

test('a kind-specific field names kinds that exist', () => {
  for (const kinds of Object.values(KIND_FIELDS)) expect(WORKLOAD_KINDS).toEqual(expect.arrayContaining([...kinds]));
});

test('hardenedWorkload() makes each kind with the class of its kind, objects in table order', () => {
  const chart = new Chart(new App(), 'chart');
  const web = hardenedWorkload(chart, 'web', CHECKOUT);
  const worker = hardenedWorkload(
    chart,
    'worker',
    checkoutWith({ name: 'billing', kind: 'worker', port: undefined, health: { liveness: { exec: ['/alive'] } } }),
  );
  expect(web).toBeInstanceOf(HardenedWorkload);
  expect(worker).toBeInstanceOf(HardenedWorkload);
  expect(Object.keys(web.objects)).toEqual(['ServiceAccount', 'Deployment', 'Service', 'PodDisruptionBudget', 'NetworkPolicy']);
  expect(Object.keys(worker.objects)).toEqual(['ServiceAccount', 'Deployment', 'PodDisruptionBudget', 'NetworkPolicy']);
});
