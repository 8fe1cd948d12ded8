/**
 * Kubernetes resource quantities (`256Mi`, `0.5Gi`, `1e9`, `250m`) as plain numbers, to compare a
 * limit with a request written differently.
 * https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
const SUFFIXES: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(|n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)$/;

/** The quantity's value, or undefined when it is not a quantity. */
export function quantityValue(quantity: string | number): number | undefined {
  if (typeof quantity === 'number') return quantity;
  const match = QUANTITY.exec(quantity.trim());
  return match ? Number(match[1]) * SUFFIXES[match[2]!]! : undefined;
}

export function sameQuantity(a: string | number, b: string | number): boolean {
  const [x, y] = [quantityValue(a), quantityValue(b)];
  if (x === undefined || y === undefined) return String(a) === String(b);
  return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
}
