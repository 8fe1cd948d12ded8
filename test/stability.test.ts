import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { HardenedWorkload } from '../src';
import { CHECKOUT } from './support/declarations';

/** Names and selectors are immutable in Kubernetes: refactoring the code must never move them. */
function synthesize(place: (chart: Chart) => void): unknown[] {
  const chart = new Chart(new App(), 'chart');
  place(chart);
  return Testing.synth(chart);
}

const original = synthesize((chart) => new HardenedWorkload(chart, 'checkout', CHECKOUT));

test('renaming the construct changes no object', () => {
  expect(synthesize((chart) => new HardenedWorkload(chart, 'payments-frontend', CHECKOUT))).toEqual(original);
});

test('moving the construct deeper into the tree changes no object', () => {
  const moved = synthesize((chart) => {
    const team = new Construct(new Construct(chart, 'team-a'), 'services');
    new HardenedWorkload(team, 'checkout-v2', CHECKOUT);
  });
  expect(moved).toEqual(original);
});

test('a different chart id changes no object', () => {
  const other = new Chart(new App(), 'production-eu-west-1');
  new HardenedWorkload(other, 'checkout', CHECKOUT);
  expect(Testing.synth(other)).toEqual(original);
});

test('selectors contain only app.kubernetes.io/name and app.kubernetes.io/instance', () => {
  const selectors = (original as Array<{ kind: string; spec?: Record<string, any> }>).flatMap((object) => {
    const spec = object.spec ?? {};
    return [spec.selector?.matchLabels ?? (object.kind === 'Service' ? spec.selector : undefined), spec.podSelector?.matchLabels].filter(
      Boolean,
    );
  });
  expect(selectors.length).toBe(4);
  for (const selector of selectors) {
    expect(selector).toEqual({ 'app.kubernetes.io/name': 'checkout', 'app.kubernetes.io/instance': 'checkout' });
  }
});
