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
