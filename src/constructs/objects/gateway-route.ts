import type { ResolvedWorkload } from '../../declaration/resolve';
import type { ParsedSpec } from '../../declaration/schema';
import { nameOf, objectMetadata } from '../metadata';
import { DEFAULT_PATHS } from './ingress';

/**
 * The Gateway API (v1) route to the workload's Service: an HTTPRoute matching path prefixes, or a
 * GRPCRoute matching gRPC services (every service when none is declared). cdk8s-plus has no types
 * for these custom resources; the fields written here are those of the v1.2.1 CRDs, against which
 * the tests validate every route.
 */
interface GatewayRoute {
  readonly apiVersion: 'gateway.networking.k8s.io/v1';
  readonly kind: 'HTTPRoute' | 'GRPCRoute';
  readonly metadata: ReturnType<typeof objectMetadata>;
  readonly spec: {
    readonly parentRefs: ReadonlyArray<{ readonly name: string; readonly namespace?: string; readonly sectionName?: string }>;
    readonly hostnames?: readonly string[];
    readonly rules: ReadonlyArray<{
      readonly matches?: ReadonlyArray<
        { readonly path: { readonly type: 'PathPrefix'; readonly value: string } } | { readonly method: { readonly service: string } }
      >;
      readonly backendRefs: ReadonlyArray<{ readonly name: string; readonly port: number }>;
    }>;
  };
}

export const GATEWAY_API_VERSION = 'gateway.networking.k8s.io/v1';

export function gatewayRoute(workload: ResolvedWorkload, route: NonNullable<ParsedSpec['route']>, port: number): GatewayRoute {
  const matches =
    route.kind === 'HTTPRoute'
      ? (route.paths ?? DEFAULT_PATHS).map((value) => ({ path: { type: 'PathPrefix' as const, value } }))
      : route.services?.map((service) => ({ method: { service } }));
  return {
    apiVersion: GATEWAY_API_VERSION,
    kind: route.kind,
    metadata: objectMetadata(workload, undefined, 'Route'),
    spec: {
      parentRefs: route.parentRefs.map(({ name, namespace, sectionName }) => ({ name, namespace, sectionName })),
      hostnames: route.hostnames ? [...route.hostnames] : undefined,
      rules: [{ matches, backendRefs: [{ name: nameOf(workload, 'Service'), port }] }],
    },
  };
}
