/**
 * Integer arithmetic shared by every rule. The Helm face can only do integer maths reliably, so the
 * rules are written with these helpers and never with floating point: both faces then agree to
 * the second.
 */

/** ceil(numerator / denominator) for non-negative integers, without floating point. */
export function ceilDiv(numerator: number, denominator: number): number {
  return Math.floor((numerator + denominator - 1) / denominator);
}

export function clamp(value: number, lowest: number, highest: number): number {
  return Math.min(highest, Math.max(lowest, value));
}

/**
 * Seconds between the starts of two probe attempts when every attempt times out: the kubelet
 * waits for an attempt to finish before it starts the next one on the following tick.
 */
export function effectiveInterval(periodSeconds: number, timeoutSeconds: number): number {
  return Math.max(periodSeconds, timeoutSeconds);
}
