import { App } from 'cdk8s';
import { WorkloadChart } from './constructs/workload-chart';
import { type DeclarationError, isDeclarationError } from './declaration/errors';
import { claimNames, nameCollision, type ClaimedNames } from './declaration/instances';
import { resolveWorkload } from './declaration/resolve';
import type { WorkloadSpec } from './declaration/schema';

export interface SynthesisOptions {
  /** metadata.namespace of every object, as a cdk8s Chart sets it. Default: none (kubectl's current namespace). */
  readonly namespace?: string;
}

/**
 * Synthesizes declarations to plain Kubernetes objects, in the order cdk8s writes them.
 * Throws a DeclarationError (with every problem) before producing anything when one is invalid.
 */
export function synthesizeObjects(workloads: readonly WorkloadSpec[], options: SynthesisOptions = {}): Record<string, unknown>[] {
  const chart = new WorkloadChart(new App(), 'workloads', { workloads, namespace: options.namespace });
  return chart.toJson();
}

/** Synthesizes declarations to one multi-document YAML text, as `cdk8s synth` would write it. */
export function synthesizeYaml(workloads: readonly WorkloadSpec[], options: SynthesisOptions = {}): string {
  const app = new App();
  new WorkloadChart(app, 'workloads', { workloads, namespace: options.namespace });
  return app.synthYaml();
}

/**
 * Validates every declaration and returns one error per invalid one (empty when all are valid),
 * so that a file with several workloads reports all of its problems in one run. Two workloads
 * with the same instance name, or whose generated names clash, would produce objects with the same names.
 */
export function validateDeclarations(declarations: readonly unknown[]): DeclarationError[] {
  const errors: DeclarationError[] = [];
  const claimed: ClaimedNames = new Map();
  declarations.forEach((declaration, index) => {
    try {
      const { instance, spec } = resolveWorkload(declaration);
      const collision = nameCollision(declaration, { instance, kind: spec.kind, names: spec.keep?.names }, index, claimed);
      if (collision !== undefined) errors.push(collision);
      claimNames({ instance, kind: spec.kind, names: spec.keep?.names }, index, claimed);
    } catch (error) {
      if (!isDeclarationError(error)) throw error;
      errors.push(error);
    }
  });
  return errors;
}

/** One YAML file per workload, named `<instance>.k8s.yaml`, for writing into a folder. */
export function synthesizeFiles(workloads: readonly WorkloadSpec[], options: SynthesisOptions = {}): Array<{ file: string; yaml: string }> {
  return workloads.map((workload) => ({
    file: `${workload.instance ?? workload.name}.k8s.yaml`,
    yaml: synthesizeYaml([workload], options),
  }));
}
