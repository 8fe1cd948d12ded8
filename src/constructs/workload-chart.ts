import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { WorkloadSpec } from '../declaration/schema';
import type { HardenedWorkloadBase } from './hardened-workload';
import { hardenedWorkload } from './workload-factory';

export interface WorkloadChartProps extends ChartProps {
  /** The workloads this chart holds, each a declaration. */
  readonly workloads: readonly WorkloadSpec[];
}

/**
 * A cdk8s Chart of declared workloads: what the examples, the CLI and the Helm parity tests
 * synthesize. Each workload's construct id is its instance name, and its class follows its kind.
 */
export class WorkloadChart extends Chart {
  public readonly workloads: readonly HardenedWorkloadBase[];

  constructor(scope: Construct, id: string, props: WorkloadChartProps) {
    super(scope, id, props);
    this.workloads = props.workloads.map((declaration) => hardenedWorkload(this, declaration.instance ?? declaration.name, declaration));
  }
}
