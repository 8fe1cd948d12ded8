import type { k8s } from 'cdk8s-plus-28';
import type { Json } from '../../kubernetes-json';

/** A non-root user that exists in distroless images (`nonroot`) and is safe elsewhere. */
export const NON_ROOT_ID = 65532;

/** Pod Security Standard "restricted" for the pod as a whole (docs/derivation.md, hardening defaults). */
export const POD_SECURITY_CONTEXT: Json<k8s.PodSecurityContext> = {
  runAsNonRoot: true,
  runAsUser: NON_ROOT_ID,
  runAsGroup: NON_ROOT_ID,
  fsGroup: NON_ROOT_ID,
  seccompProfile: { type: 'RuntimeDefault' },
};

/** The same standard for every container, whatever its role: nothing runs with more. */
export const CONTAINER_SECURITY_CONTEXT: Json<k8s.SecurityContext> = {
  allowPrivilegeEscalation: false,
  privileged: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
};

/** The declared user, groups and capabilities (schema/security-context.ts), validated by resolve/security-context.ts. */
type DeclaredSecurityContext = {
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
  readonly fsGroup?: number;
  readonly supplementalGroups?: readonly number[];
  readonly capabilities?: readonly string[];
};

/** The pod's context: the defaults, with the declared volume group and further groups, which apply to every container. */
export function podSecurityContext(declared: DeclaredSecurityContext | undefined): Json<k8s.PodSecurityContext> {
  if (declared?.fsGroup === undefined && !declared?.supplementalGroups?.length) return POD_SECURITY_CONTEXT;
  return {
    ...POD_SECURITY_CONTEXT,
    fsGroup: declared.fsGroup ?? NON_ROOT_ID,
    supplementalGroups: declared.supplementalGroups?.length ? [...new Set(declared.supplementalGroups)] : undefined,
  };
}

/**
 * The application's container: the restricted context, with the declared user and group (sidecars
 * and init containers keep the pod's 65532) and the capabilities it adds back. Root must say
 * runAsNonRoot: false here, on the container, because the kubelet refuses to start a container
 * whose effective runAsNonRoot is true with user 0, and the pod's true (kept for the other
 * containers) would otherwise apply.
 * https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
 */
export function mainContainerSecurityContext(declared: DeclaredSecurityContext | undefined): Json<k8s.SecurityContext> {
  if (declared?.runAsUser === undefined && declared?.runAsGroup === undefined && !declared?.capabilities?.length) {
    return CONTAINER_SECURITY_CONTEXT;
  }
  const add = [...new Set(declared.capabilities ?? [])].sort();
  return {
    allowPrivilegeEscalation: false,
    privileged: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: declared.runAsUser !== 0,
    runAsUser: declared.runAsUser,
    runAsGroup: declared.runAsGroup,
    capabilities: { add: add.length > 0 ? add : undefined, drop: ['ALL'] },
  };
}
