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
