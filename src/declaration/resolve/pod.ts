import { DERIVED_MESH_ANNOTATION } from '../../meshes/annotations';
import type { EffectiveSpec } from '../presets';
import { BLANK_OR_CONTROL } from '../schema/primitives';
import type { Resolution } from './resolution';

/** This project's annotations (ANNOTATION_PREFIX in src/constructs/metadata.ts, which the declaration does not import). */
const ANNOTATION_PREFIX = 'hardened-workloads.io';

/** The AppArmor annotation of a container (Kubernetes 1.28); the restricted standard allows only these profiles. */
const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
/**
 * runtime/default, or localhost/ and a profile name without white space or control characters: the
 * pattern of both faces (hw.table.appArmorProfile), written without `.`, which JavaScript and Go's
 * RE2 read differently (JavaScript's stops at "\\r" and U+2028, Go's does not).
 */
export const APPARMOR_PROFILE = `^(runtime/default|localhost/[^${BLANK_OR_CONTROL}]+)$`;
const ALLOWED_APPARMOR = new RegExp(APPARMOR_PROFILE);

/**
 * The pod's annotations and identity: our own annotation keys stay ours, AppArmor annotations stay
 * within the restricted Pod Security Standard, the annotation a mesh's drain is derived into is not
 * declared as well, and an API token is mounted only with a reason.
 */
export function checkPod(spec: EffectiveSpec, { problems, acknowledged }: Resolution): void {
  const annotations = spec.podAnnotations ?? {};
  const meshAnnotation = spec.mesh && DERIVED_MESH_ANNOTATION[spec.mesh];
  for (const key of Object.keys(annotations).sort()) {
    if (key.startsWith(`${ANNOTATION_PREFIX}/`)) {
      problems.push({
        path: `podAnnotations.${key}`,
        value: annotations[key],
        rule: `annotations under ${ANNOTATION_PREFIX}/ are written by this project, and check reads them`,
        fix: 'use a key under your own prefix, e.g. example.com/owner',
      });
    } else if (key.startsWith(APPARMOR_PREFIX) && !ALLOWED_APPARMOR.test(annotations[key]!)) {
      problems.push({
        path: `podAnnotations.${key}`,
        value: annotations[key],
        rule: 'the restricted Pod Security Standard allows only the AppArmor profiles runtime/default and localhost/<profile>',
        fix: 'set runtime/default or localhost/<profile>, or remove the annotation',
      });
    } else if (key === meshAnnotation) {
      problems.push({
        path: `podAnnotations.${key}`,
        value: annotations[key],
        rule: `mesh: ${spec.mesh} derives this annotation from the timings, so that the proxy serves until the application has drained, and a declared one would replace it`,
        fix: `remove podAnnotations.${key}, or remove mesh to set the proxy's drain yourself`,
      });
    }
  }
  if (spec.serviceAccount?.mountApiToken === true && !acknowledged('automountServiceAccountToken')) {
    problems.push({
      path: 'serviceAccount.mountApiToken',
      value: true,
      rule: 'mounting an API token needs a written reason: a stolen token is a foothold in the cluster',
      fix: 'leave the token out unless the application calls the Kubernetes API, and then add acknowledge.automountServiceAccountToken: "<what it calls and why>"',
    });
  }
}
