/**
 * JSON Merge Patch (RFC 7386, https://www.rfc-editor.org/rfc/rfc7386): the one patch format of
 * `patches`, applied the same way by the Helm chart (`hw.patches.merge` in templates/_patches.tpl).
 *
 * - a patch that is not an object (a string, number, boolean, array or null) replaces the target;
 * - an object patch merges key by key into the target (a target that is not an object is first
 *   replaced by an empty object): a key whose value is null is removed, any other key is merged
 *   recursively;
 * - so arrays are replaced whole, never merged item by item.
 *
 * Pure: neither the target nor the patch is changed; the result shares no object with either.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return copy(patch);
  const result = (isObject(target) ? copy(target) : {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copy(item)]));
  return value;
}
