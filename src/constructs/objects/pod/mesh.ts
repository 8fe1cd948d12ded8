import { DERIVED_MESH_ANNOTATION } from '../../../meshes/annotations';
import type { ContainerTimings } from '../../../timing/types';

/**
 * The pod annotations that tell an injected mesh proxy to outlive the application's drain, set
 * from the derived timings (docs/derivation.md, `mesh.drainSeconds`). The grace period covers them
 * (invariant 13). The annotations are cited in src/meshes/annotations.ts.
 */
export function meshAnnotations(mesh: NonNullable<ContainerTimings['mesh']>): Record<string, string> {
  const key = DERIVED_MESH_ANNOTATION[mesh.name];
  switch (mesh.name) {
    // Istio ProxyConfig as YAML. terminationDrainDuration: on SIGTERM the agent drains Envoy and
    // keeps it alive this long (default 5s). holdApplicationUntilProxyStarts: the application
    // container starts only once the proxy is ready, so its first requests at start do not fail.
    case 'istio':
      return { [key]: `holdApplicationUntilProxyStarts: true\nterminationDrainDuration: ${mesh.drainSeconds}s` };
    // Linkerd: a preStop delay on the proxy, which stays alive at least this long after deletion
    // but no longer than terminationGracePeriodSeconds.
    case 'linkerd':
      return { [key]: String(mesh.drainSeconds) };
  }
}
