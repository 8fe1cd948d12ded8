import { quantityValue, sameQuantity } from '../src/rules/quantities';

/**
 * Kubernetes quantities as the memoryLimit and emptyDirSizeLimit rules compare them. Written to
 * kill the mutants Stryker found surviving in src/rules/quantities.ts (MUTATION.md).
 * https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
describe('a quantity is read as Kubernetes writes it', () => {
  test.each([
    ['256Mi', 256 * 2 ** 20],
    [' 256Mi ', 256 * 2 ** 20], // surrounding blanks are ignored
    ['12.5', 12.5], // several digits before the point
    ['10.25', 10.25], // several digits after it
    ['.25', 0.25], // no digit before the point
    ['.125Gi', 0.125 * 2 ** 30],
    ['1e3', 1000], // an exponent without a sign
    ['1e+3', 1000],
    ['1E10', 1e10], // an exponent of several digits
    ['-1', -1],
    ['+2k', 2000],
    ['250m', 0.25],
  ])('%s is %d', (text, value) => {
    expect(quantityValue(text)).toBeCloseTo(value, 9);
  });

  test.each(['x256Mi', '256Mib', '1e', 'e3', '--1', '1.2.3'])('%s is not a quantity', (text) => {
    expect(quantityValue(text)).toBeUndefined();
  });
});

describe('two quantities are the same', () => {
  test('when their values are equal, however written', () => {
    expect(sameQuantity('1Gi', '1073741824')).toBe(true);
    expect(sameQuantity(0, '0')).toBe(true);
  });

  test('within a relative 1e-9, not more', () => {
    expect(sameQuantity('1000', '1000.0000001')).toBe(true);
    expect(sameQuantity('1', '1.0000001')).toBe(false);
  });

  test('the 1e-9 is of the larger value: 999999999 and 1G differ by exactly 1e-9 of 1G', () => {
    expect(sameQuantity('999999999', '1G')).toBe(true);
    expect(sameQuantity('1G', '999999999')).toBe(true);
  });

  test('when neither is a quantity, only if written the same; one quantity never equals a non-quantity', () => {
    expect(sameQuantity('lots', 'lots')).toBe(true);
    expect(sameQuantity('lots', 'more')).toBe(false);
    expect(sameQuantity('1Gi', 'lots')).toBe(false);
    expect(sameQuantity('lots', '1Gi')).toBe(false);
  });
});
