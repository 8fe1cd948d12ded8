import { z } from 'zod';

/** Patterns and number shapes every part of the declaration uses. RE2-compatible: Helm checks them with Go's regexp. */

export const DNS_1035_LABEL = '^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$';
export const LABEL_VALUE = '^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$';
export const CPU_QUANTITY = '^([1-9][0-9]*m|[0-9]+(\\.[0-9]{1,3})?)$';
export const MEMORY_QUANTITY = '^[1-9][0-9]*(Ki|Mi|Gi|Ti|k|M|G|T)?$';
export const PERCENT_OR_COUNT = '^[0-9]+%$';
/**
 * White space, line terminators and control characters, written out: JavaScript's `\\s` is Unicode
 * white space and Go's (Helm's JSON Schema validation, `regexMatch`) only [\\t\\n\\f\\r ], so a
 * pattern with `\\s` let a vertical tab, a no-break space or U+2028 through the Helm face only. The
 * characters outside ASCII stand as themselves, which both dialects read alike; U+2028 and U+2029
 * only inside the range U+2000–U+202F (spaces, zero-width and direction marks, and the punctuation
 * between them), because a RegExp's source, which zod writes into values.schema.json, escapes
 * them as `\\u2028`, an escape Go does not know. Every pattern both faces use avoids `\\s`, `.`
 * and `\\u` (test/text-rules.test.ts).
 */
export const BLANK_OR_CONTROL = '\\x00-\\x20\\x7f-\\x9f\u00a0\u1680\u2000-\u202f\u205f\u3000\ufeff';
/** An HTTP path: "/" and no white space, line break or control character. */
export const PATH = `^/[^${BLANK_OR_CONTROL}]*$`;
/** What a path's message says, wherever a path is declared. */
export const PATH_RULE = 'an HTTP path starts with / and has no spaces, line breaks or control characters';

/** The name of a Secret, ConfigMap or PriorityClass: a DNS-1123 subdomain (at most 253 characters, checked apart). */
export const DNS_1123_SUBDOMAIN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
/** A key of a Secret or ConfigMap: letters, digits, "-", "_" and "."; never "." or "..", nor starting with "..". */
export const DATA_KEY = '^\\.?[-_A-Za-z0-9][-._A-Za-z0-9]*$';
/** An environment variable name as a C identifier, which every shell and runtime can read. */
export const ENV_NAME = '^[A-Za-z_][A-Za-z0-9_]*$';
/** A label or annotation key: an optional DNS-subdomain prefix and "/", then a name of at most 63 characters. */
export const QUALIFIED_NAME =
  '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$';
/** The key of a declared volume (files, scratch): a DNS-1035 label short enough to prefix ("scratch-") as a volume name. */
export const VOLUME_KEY = '^[a-z]([-a-z0-9]{0,48}[a-z0-9])?$';

/** One path segment: no "/" and no control character, and never "." or "..". */
const SEGMENT = '([^/.\\x00-\\x1f\\x7f][^/\\x00-\\x1f\\x7f]*|\\.[^/.\\x00-\\x1f\\x7f][^/\\x00-\\x1f\\x7f]*|\\.\\.[^/\\x00-\\x1f\\x7f]+)';
/**
 * An absolute path in canonical form (no trailing "/", no "//", no "." or ".." segments), so that
 * two mounts at one path, or one inside another, are found by comparing strings.
 */
export const MOUNT_PATH = `^(/${SEGMENT})+$`;
/** A relative file path inside a mounted folder, in the same canonical form. */
export const RELATIVE_PATH = `^${SEGMENT}(/${SEGMENT})*$`;

/** A path a container mounts something at. */
export function mountPath(description: string, example: string) {
  return z
    .string()
    .regex(new RegExp(MOUNT_PATH))
    .meta({
      description,
      examples: [example],
      'x-rule': 'an absolute path such as /etc/app, without a trailing "/", "//", "." or ".." segments or control characters',
      'x-fix': 'write it like /etc/app or /var/cache/app',
    });
}

/**
 * A key of a Secret or ConfigMap (`kind`): a field (with its description and example) or the key of
 * a map (with neither).
 */
export function dataKey(kind: string, fix: string, field?: { description: string; example: string }) {
  return z
    .string()
    .max(253)
    .regex(new RegExp(DATA_KEY))
    .meta({
      ...(field ? { description: field.description, examples: [field.example] } : {}),
      'x-rule': `a ${kind} key: letters, digits, "-", "_" and ".", at most 253 characters, not "." or ".." and not starting with ".."`,
      'x-fix': fix,
    });
}

/** The largest number the Kubernetes API takes in its int32 fields (replicas, every *Seconds of a pod or controller). */
export const INT32_MAX = 2_147_483_647;

/**
 * The longest time a declaration may state: 30 days. Every number derived from declared times
 * stays below INT32_MAX with it; the largest are a Job's activeDeadlineSeconds,
 * attempts × (120 + I + run.maxSeconds) + back-off ≤ 20 × (120 + 2,592,000 + I) + 6,840, which fits
 * while the init phase I is under 38 such maxima, and a Deployment's progressDeadlineSeconds,
 * 1.5 × (120 + I + W_s + minReadySeconds) with W_s ≤ 1.5 × startup.maxSeconds + a period
 * (docs/derivation.md, "Bounds").
 */
export const MAX_DECLARED_SECONDS = 2_592_000;

/** A whole number of seconds, pods or another unit: never negative, never fractional, and within the API's int32. */
export function wholeNumber(minimum: number, unit: string, description: string, maximum = INT32_MAX) {
  return z
    .int()
    .min(minimum)
    .max(maximum)
    .meta({
      description,
      'x-unit': unit,
      'x-maximum-rule':
        maximum === INT32_MAX
          ? `must be at most ${INT32_MAX}, the largest number the Kubernetes API takes here`
          : `must be at most ${maximum} ${unit} (30 days): every number derived from it must fit the Kubernetes API's 32-bit integers`,
      'x-maximum-fix': `use a value ≤ ${maximum}`,
    });
}
export const seconds = (minimum: number, description: string) => wholeNumber(minimum, 'seconds', description, MAX_DECLARED_SECONDS);

export const portNumber = z.int().min(1).max(65535).meta({ 'x-unit': 'TCP port number' });

/** An override replaces a derived number; left out, the number is derived (see docs/derivation.md). */
export const DERIVED = 'derived (docs/derivation.md)';

/** A whole number within a range, e.g. a target group setting the load balancer's API bounds. */
export function wholeNumberBetween(minimum: number, maximum: number, unit: string, description: string) {
  return z.int().min(minimum).max(maximum).meta({ description, 'x-unit': unit });
}

/** A namespace name: a DNS-1123 label. */
export const DNS_1123_LABEL = '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$';
/**
 * A host name as Ingress rules and Gateway API routes take it: lowercase DNS labels, optionally
 * behind the wildcard label "*.", never an IP address (the last label starts with a letter).
 * Internationalized names are written in their ASCII (punycode, xn--) form.
 */
export const HOSTNAME = '^(\\*\\.)?([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\\.)*[a-z]([-a-z0-9]{0,61}[a-z0-9])?$';

/** One character of a URL path that Kubernetes and the Gateway API accept, except "." and an escaped "/" (%2f). */
const PATH_CHARACTER_NOT_DOT = "(?:[-A-Za-z0-9_~!$&'()*+,;=:@]|%(?:[013-9A-Fa-f][0-9A-Fa-f]|2[0-9A-Ea-e]))";
const PATH_CHARACTER = `(?:\\.|${PATH_CHARACTER_NOT_DOT})`;
/** A path segment other than "." and "..". */
const PATH_SEGMENT = `(?:${PATH_CHARACTER}*${PATH_CHARACTER_NOT_DOT}${PATH_CHARACTER}*|\\.\\.\\.+)`;
/**
 * A path prefix for an Ingress or an HTTPRoute: absolute, without "//", "/./", "/../", "%2f" or "#",
 * not ending in "/." or "/.." — the rules both APIs apply to Prefix and Exact paths.
 */
export const ROUTE_PATH = `^/(?:${PATH_SEGMENT}(?:/${PATH_SEGMENT})*/?)?$`;

/** An IPv4 CIDR (10.0.0.0/16), or an IPv6 one in its usual short forms (fd00::/8). */
export const CIDR =
  '^(((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/(3[0-2]|[12]?[0-9])|[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}/(12[0-8]|1[01][0-9]|[1-9]?[0-9]))$';

/** The name of an existing object of the namespace that the workload refers to. */
export function objectName(kind: string, example: string) {
  return z
    .string()
    .max(253)
    .regex(new RegExp(DNS_1123_SUBDOMAIN))
    .meta({
      description: `Name of the ${kind}.`,
      examples: [example],
      'x-rule': `a ${kind} name: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters`,
      'x-fix': `write the ${kind}'s metadata.name, e.g. ${example}`,
    });
}

/**
 * The other forms' keys of a union whose members each have one key of their own (probe targets,
 * environment sources, file sources), declared absent: TypeScript's excess-property check lets one
 * member of a union carry another member's keys, so `{ path, tcp }` only fails to compile when each
 * form says it has no `tcp`. zod and JSON Schema reject them all the same.
 */
export function otherFormsAbsent<Form extends string, Own extends Form>(forms: readonly Form[], own: Own) {
  return Object.fromEntries(forms.filter((other) => other !== own).map((other) => [other, z.never().optional()])) as Record<
    Exclude<Form, Own>,
    z.ZodOptional<z.ZodNever>
  >;
}
