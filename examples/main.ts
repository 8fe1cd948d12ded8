import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { App, YamlOutputType } from 'cdk8s';
import { isDeclarationError, readDeclarations, type WorkloadSpec, WorkloadChart } from '../src';
import { StorefrontChart } from './storefront';

/**
 * The cdk8s app behind `cdk8s synth` (see cdk8s.yaml): one chart per example in this folder, each
 * written to dist/<file>.k8s.yaml — a chart per declaration file, and storefront.ts's chart.
 */
export const EXAMPLES_DIR = __dirname;

export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => join(EXAMPLES_DIR, file));
}

export function buildApp(outdir?: string): App {
  const app = new App({ outdir, yamlOutputType: YamlOutputType.FILE_PER_CHART });
  for (const file of exampleFiles()) {
    new WorkloadChart(app, basename(file, '.yaml'), { workloads: readDeclarations(file) as WorkloadSpec[] });
  }
  new StorefrontChart(app, 'storefront');
  return app;
}

if (require.main === module) {
  try {
    buildApp().synth();
  } catch (error) {
    if (!isDeclarationError(error)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
