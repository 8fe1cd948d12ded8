/**
 * Container image references: what "pinned" means, and which images have no `sleep` binary.
 */

/**
 * A reference pinned by a tag, a digest or both. RE2-compatible so that the Helm schema can use
 * it too. A registry port (`host:5000/app`) is only allowed before a `/`, so `host:5000/app`
 * without a tag does not pass as "tag 5000/app".
 */
export const PINNED_IMAGE_PATTERN =
  '^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-]+[a-z0-9]+)*)*' +
  '(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64}|:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}@sha256:[a-f0-9]{64})$';

export interface ImageReference {
  /** Registry and repository, e.g. `ghcr.io/acme/checkout`. */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

export function parseImage(image: string): ImageReference {
  const [withoutDigest, digest] = image.split('@') as [string, string | undefined];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const tagColon = withoutDigest.indexOf(':', lastSlash + 1);
  if (tagColon < 0) return { repository: withoutDigest, digest };
  return { repository: withoutDigest.slice(0, tagColon), tag: withoutDigest.slice(tagColon + 1), digest };
}

/** `latest` moves under you: a restart can run different code from the pod next to it. */
export function isLatestTag(image: string): boolean {
  const { tag, digest } = parseImage(image);
  return digest === undefined && tag?.toLowerCase() === 'latest';
}

/**
 * Registries whose images ship without a shell or coreutils, so `exec sleep` in a preStop hook
 * fails — and a failed preStop hook does not stop the kubelet from sending SIGTERM at once.
 * Their debug variants (`:debug`, `-dev`) do have a shell. The patterns are RE2 as well, for the Helm face.
 */
export const DISTROLESS_REGISTRIES: ReadonlyArray<{ prefix: string; shellTag: RegExp }> = [
  { prefix: 'gcr.io/distroless/', shellTag: /(^|-)debug(-|$)/ },
  { prefix: 'cgr.dev/chainguard/', shellTag: /-dev$/ },
];

export function isKnownDistroless(image: string): boolean {
  const { repository, tag } = parseImage(image);
  return DISTROLESS_REGISTRIES.some(({ prefix, shellTag }) => repository.startsWith(prefix) && !(tag !== undefined && shellTag.test(tag)));
}

/**
 * How to pin this image, in the user's own words: their repository with a version tag or a digest
 * (a version shown as `<version>`, because only they know which one they run).
 */
export function pinImageFix(image: string): string {
  const repository = parseImage(image.trim()).repository.toLowerCase() || 'registry/repository';
  return `pin a version tag (${repository}:<version>, e.g. ${repository}:1.4.2) or a digest (${repository}@sha256:<64 hex digits>)`;
}
