import { parseDeclarations } from '../src';
import { checkManifests } from '../src/manifests/run';

/** Text that only looks like exponent notation is text, as Helm's parser (go-yaml) reads it. */
describe('numbers in exponent notation need a digit before the exponent', () => {
  test.each([
    ['e0', 'e0'],
    ['E7', 'E7'],
    ['.e1', '.e1'],
    ['0e0', 0],
    ['1.5e3', 1500],
    ['.5e1', 5],
  ])('%s reads as %j', (text, value) => {
    expect((parseDeclarations(`name: ${text}`, 'values.yaml')[0] as { name: unknown }).name).toEqual(value);
  });

  test('check reads a workload named e0 (it took the name for NaN and refused the document)', () => {
    const manifest = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: e0 }',
      'spec:',
      '  selector: { matchLabels: { app: e0 } }',
      '  template:',
      '    metadata: { labels: { app: e0 } }',
      '    spec: { containers: [{ name: app, image: registry.example/app:1.0.0 }] }',
    ].join('\n');
    expect(checkManifests([{ name: 'e0.yaml', text: manifest }]).workloads.map((workload) => workload.subject)).toEqual(['Deployment/e0']);
  });
});
