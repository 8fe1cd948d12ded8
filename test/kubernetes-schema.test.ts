import { synthesizeObjects } from '../src';
import { CHECKOUT } from './support/declarations';
import { kubernetesSchemaErrors } from './support/kubernetes-schema';

/** The strict schema check must be able to fail, or the tests that rely on it prove nothing. */
const deployment = () =>
  structuredClone(synthesizeObjects([CHECKOUT]).find((object) => object.kind === 'Deployment')) as Record<string, any>;

test('a synthesized Deployment passes', () => {
  expect(kubernetesSchemaErrors(deployment())).toEqual([]);
});

test('an unknown or misspelled field fails', () => {
  const object = deployment();
  object.spec.template.spec.containers[0].readinessProbe.periodSecond = 5;
  expect(kubernetesSchemaErrors(object)).toEqual([
    '/spec/template/spec/containers/0/readinessProbe: must NOT have additional properties (periodSecond)',
  ]);
});

test('a wrong type fails', () => {
  const object = deployment();
  object.spec.template.spec.terminationGracePeriodSeconds = '45';
  expect(kubernetesSchemaErrors(object)).toEqual(['/spec/template/spec/terminationGracePeriodSeconds: must be integer']);
});

test('a missing required field fails', () => {
  const object = deployment();
  delete object.spec.template.spec.containers[0].name;
  expect(kubernetesSchemaErrors(object)).toEqual(["/spec/template/spec/containers/0: must have required property 'name'"]);
});

test('int-or-string fields accept both forms', () => {
  const object = deployment();
  object.spec.strategy.rollingUpdate = { maxSurge: 1, maxUnavailable: '0%' };
  expect(kubernetesSchemaErrors(object)).toEqual([]);
});

test('the 1.30 preStop sleep action is known, and strict too', () => {
  const object = deployment();
  object.spec.template.spec.containers[0].lifecycle = { preStop: { sleep: { seconds: 10 } } };
  expect(kubernetesSchemaErrors(object)).toEqual([]);
  object.spec.template.spec.containers[0].lifecycle = { preStop: { sleep: { second: 10 } } };
  expect(kubernetesSchemaErrors(object)).toEqual([
    "/spec/template/spec/containers/0/lifecycle/preStop/sleep: must have required property 'seconds'",
    '/spec/template/spec/containers/0/lifecycle/preStop/sleep: must NOT have additional properties (second)',
  ]);
});

test('an unknown kind fails', () => {
  expect(kubernetesSchemaErrors({ apiVersion: 'apps/v1', kind: 'Deploymnet' })).toEqual(['unknown apiVersion/kind apps/v1/Deploymnet']);
});
