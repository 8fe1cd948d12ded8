import type { ContainerTimings } from '../../../timing/types';

/**
 * The pod annotations that tell an injected mesh proxy to outlive the application's drain, set
 * from the derived timings (docs/derivation.md, `mesh.drainSeconds`). The grace period covers them
 * (invariant 13).
 */
export function meshAnnotations(mesh: NonNullable<ContainerTimings['mesh']>): Record<string, string> {
  switch (mesh.name) {
    // Istio ProxyConfig, settable per pod in the proxy.istio.io/config annotation (YAML):
    // https://istio.io/latest/docs/reference/config/annotations/#ProxyConfig and
    // https://istio.io/latest/docs/reference/config/istio.mesh.v1alpha1/#ProxyConfig
    // terminationDrainDuration: on SIGTERM the agent drains Envoy and keeps it alive this long
    // (default 5s). holdApplicationUntilProxyStarts: the application container starts only once the
    // proxy is ready, so its first requests at start do not fail.
    case 'istio':
      return {
        'proxy.istio.io/config': `holdApplicationUntilProxyStarts: true\nterminationDrainDuration: ${mesh.drainSeconds}s`,
      };
    // Linkerd proxy configuration, https://linkerd.io/2/reference/proxy-configuration/ and
    // https://linkerd.io/2/tasks/graceful-shutdown/: a preStop delay on the proxy, which stays
    // alive at least this long after deletion but no longer than terminationGracePeriodSeconds.
    case 'linkerd':
      return { 'config.alpha.linkerd.io/proxy-wait-before-exit-seconds': String(mesh.drainSeconds) };
  }
}
