import { Testing } from 'cdk8s';
import { HardenedWorkload, type WorkloadSpec } from '../src';
import type { KubernetesObject } from '../src/manifests/facts';
import { checkoutWith } from './support/declarations';
import { theOnly } from './support/manifests';

/** Issue 17 §1: resources, autoscaling and spread that real services need. */

function synth(declaration: WorkloadSpec): KubernetesObject[] {
  const chart = Testing.chart();
  new HardenedWorkload(chart, 'workload', declaration);
  return Testing.synth(chart) as KubernetesObject[];
}

const podSpec = (declaration: WorkloadSpec) => theOnly(synth(declaration), 'Deployment').spec.template.spec;

describe('scheduling.spread', () => {
  test('preferred (the default) keeps the spread and the host anti-affinity soft', () => {
    expect(podSpec(checkoutWith({ scheduling: { spread: 'preferred' } }))).toEqual(podSpec(checkoutWith({})));
  });
  test('required makes the zone and node spread DoNotSchedule', () => {
    const pod = podSpec(checkoutWith({ scheduling: { spread: 'required' } }));
    expect(pod.topologySpreadConstraints.map((constraint: { whenUnsatisfiable: string }) => constraint.whenUnsatisfiable)).toEqual([
      'DoNotSchedule',
      'DoNotSchedule',
    ]);
  });
  test('required makes the host anti-affinity required: no two pods on one node', () => {
    const pod = podSpec(checkoutWith({ scheduling: { spread: 'required' } }));
    expect(pod.affinity.podAntiAffinity).toEqual({
      requiredDuringSchedulingIgnoredDuringExecution: [
        {
          topologyKey: 'kubernetes.io/hostname',
          labelSelector: { matchLabels: pod.topologySpreadConstraints[0].labelSelector.matchLabels },
        },
      ],
    });
  });
});
