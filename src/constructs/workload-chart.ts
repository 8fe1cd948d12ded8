import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { WorkloadSpec } from '../declaration/schema';
import { HardenedWorkload } from './hardened-workload';

export interface WorkloadChartProps extends ChartProps {
  /** The workloads this chart holds, each a declaration. */
  readonly workloads: readonly WorkloadSpec[];
}

/**
 * A cdk8s Chart of declared workloads: what the examples, the CLI and the Helm parity tests
 * synthesize. Each workload's construct id is its instance name.
 */
export class WorkloadChart extends Chart {
  public readonly workloads: readonly HardenedWorkload[];

  constructor(scope: Construct, id: string, props: WorkloadChartProps) {
    super(scope, id, props);
    this.workloads = props.workloads.map(
      (declaration) => new HardenedWorkload(this, declaration.instance ?? declaration.name, declaration),
    );
  }
}
