import type { FieldPath } from '../files/manifests';

const PLAIN_KEY = /^[A-Za-z_][\w-]*$/;

/**
 * `spec.template.spec.containers[0].name`, the way kubectl and the API server write paths; keys
 * that are not plain words (label and annotation keys) go in brackets.
 */
export function pathText(path: FieldPath): string {
  return path
    .map((key, index) => (typeof key === 'number' || !PLAIN_KEY.test(key) ? `[${key}]` : `${index === 0 ? '' : '.'}${key}`))
    .join('');
}

/** The reverse of `pathText`. */
export function parsePath(text: string): FieldPath {
  return [...text.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)].map(([, plain, bracketed]) =>
    plain !== undefined ? plain : /^\d+$/.test(bracketed!) ? Number(bracketed) : bracketed!,
  );
}
