/**
 * CPU quantities in whole millicores, so that the default CPU limit can be computed from the
 * request with integer maths on both faces.
 */
export function cpuMillicores(quantity: string): number {
  if (quantity.endsWith('m')) return Number(quantity.slice(0, -1));
  const [cores, fraction = ''] = quantity.split('.');
  return Number(cores) * 1000 + Number(fraction.padEnd(3, '0'));
}

/** Whole cores when exact ("2"), millicores otherwise ("1500m"). */
export function formatCpu(millicores: number): string {
  return millicores % 1000 === 0 ? String(millicores / 1000) : `${millicores}m`;
}

/** The default CPU limit is generous: throttling is a known cause of probe timeouts. */
export const DEFAULT_CPU_LIMIT_FACTOR = 4;

const MEMORY_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

/**
 * Sizes are compared in bytes, capped at 2^52 (4 PiB, far beyond any node) so that sums of them
 * stay exact integers both in JavaScript numbers and in the Helm face's 64-bit integers.
 */
export const BYTES_CAP = 2 ** 52;

/** A memory quantity ("256Mi", "1G", "1000") in bytes, at most BYTES_CAP. */
export function memoryBytes(quantity: string): number {
  const [, digits, unit] = /^([0-9]+)(.*)$/.exec(quantity)!;
  const multiplier = MEMORY_UNITS[unit!]!;
  if (digits!.length > 12 || Number(digits) > Math.floor(BYTES_CAP / multiplier)) return BYTES_CAP;
  return Number(digits) * multiplier;
}
