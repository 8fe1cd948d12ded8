import { z } from 'zod';

/** Patterns and number shapes every part of the declaration uses. RE2-compatible: Helm checks them with Go's regexp. */

export const DNS_1035_LABEL = '^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$';
export const LABEL_VALUE = '^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$';
export const CPU_QUANTITY = '^([1-9][0-9]*m|[0-9]+(\\.[0-9]{1,3})?)$';
export const MEMORY_QUANTITY = '^[1-9][0-9]*(Ki|Mi|Gi|Ti|k|M|G|T)?$';
export const PERCENT_OR_COUNT = '^[0-9]+%$';
export const PATH = '^/[^\\s]*$';

/** A whole number of seconds, pods or another unit: never negative, never fractional. */
export function wholeNumber(minimum: number, unit: string, description: string) {
  return z.int().min(minimum).meta({ description, 'x-unit': unit });
}
export const seconds = (minimum: number, description: string) => wholeNumber(minimum, 'seconds', description);

export const portNumber = z.int().min(1).max(65535).meta({ 'x-unit': 'TCP port number' });

/** An override replaces a derived number; left out, the number is derived (see docs/derivation.md). */
export const DERIVED = 'derived (docs/derivation.md)';

/** A whole number within a range, e.g. a target group setting the load balancer's API bounds. */
export function wholeNumberBetween(minimum: number, maximum: number, unit: string, description: string) {
  return z.int().min(minimum).max(maximum).meta({ description, 'x-unit': unit });
}

/** An object name such as an IngressClass, Secret or Gateway: a DNS-1123 subdomain (lengths checked apart). */
export const DNS_1123_SUBDOMAIN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
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

/** An annotation key: an optional DNS-subdomain prefix and "/", then a name of at most 63 characters. */
export const QUALIFIED_NAME =
  '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$';

/** An IPv4 CIDR (10.0.0.0/16), or an IPv6 one in its usual short forms (fd00::/8). */
export const CIDR =
  '^(((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/(3[0-2]|[12]?[0-9])|[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}/(12[0-8]|1[01][0-9]|[1-9]?[0-9]))$';
