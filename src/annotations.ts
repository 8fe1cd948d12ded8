/**
 * The annotations this project writes on the object that runs a workload's pods, and that
 * `hardened-workloads check` reads back from anyone's manifests. A leaf module: the checker loads it
 * without the constructs, cdk8s or the derivation.
 */
export const ANNOTATION_PREFIX = 'hardened-workloads.io';
export const TIMINGS_ANNOTATION = `${ANNOTATION_PREFIX}/timings`;
export const DECLARED_ANNOTATION = `${ANNOTATION_PREFIX}/declared`;
export const ACKNOWLEDGED_ANNOTATION = `${ANNOTATION_PREFIX}/acknowledged`;
/** The fields `patches` change, one `Role: field, field` line per patched object (src/patches/). */
export const PATCHED_ANNOTATION = `${ANNOTATION_PREFIX}/patched`;
