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
