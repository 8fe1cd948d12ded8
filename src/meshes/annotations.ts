import type { MeshName } from '../timing/types';

/**
 * The pod annotations of the meshes whose webhooks inject a proxy, as their documentation names
 * them. One table for the three places that need it: the pod we write
 * (src/constructs/objects/pod/mesh.ts), the declarations we refuse (src/declaration/resolve/pod.ts:
 * a declared annotation may not replace a derived one) and the manifests `check` reads
 * (src/manifests/mesh.ts). No dependencies, so that `check` loads no more than it needs.
 *
 * - Istio: https://istio.io/latest/docs/reference/config/annotations/ (sidecar.istio.io/inject,
 *   proxy.istio.io/config, whose YAML is a ProxyConfig:
 *   https://istio.io/latest/docs/reference/config/istio.mesh.v1alpha1/#ProxyConfig)
 * - Linkerd: https://linkerd.io/2/reference/proxy-configuration/ and
 *   https://linkerd.io/2/tasks/graceful-shutdown/
 */
export const ISTIO_INJECT = 'sidecar.istio.io/inject';
export const ISTIO_PROXY_CONFIG = 'proxy.istio.io/config';
/** ProxyConfig.terminationDrainDuration when the pod does not set it. */
export const ISTIO_DEFAULT_DRAIN_SECONDS = 5;
export const LINKERD_INJECT = 'linkerd.io/inject';
/** A preStop delay on the proxy: it stays alive at least this long after deletion, but no longer than the grace period. */
export const LINKERD_WAIT_BEFORE_EXIT = 'config.alpha.linkerd.io/proxy-wait-before-exit-seconds';

/** The annotation each mesh's drain is derived into. */
export const DERIVED_MESH_ANNOTATION: Readonly<Record<MeshName, string>> = {
  istio: ISTIO_PROXY_CONFIG,
  linkerd: LINKERD_WAIT_BEFORE_EXIT,
};
