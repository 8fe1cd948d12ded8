import { App } from 'cdk8s';
import { WorkloadChart } from './constructs/workload-chart';
import type { WorkloadSpec } from './declaration/schema';

/**
 * Synthesizes declarations to plain Kubernetes objects, in the order cdk8s writes them.
 * Throws a DeclarationError (with every problem) before producing anything when one is invalid.
 */
export function synthesizeObjects(workloads: readonly WorkloadSpec[]): Record<string, unknown>[] {
  const app = new App();
  const chart = new WorkloadChart(app, 'workloads', { workloads });
  return chart.toJson();
}

/** Synthesizes declarations to one multi-document YAML text, as `cdk8s synth` would write it. */
export function synthesizeYaml(workloads: readonly WorkloadSpec[]): string {
  const app = new App();
  new WorkloadChart(app, 'workloads', { workloads });
  return app.synthYaml();
}
