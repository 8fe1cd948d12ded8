import fc from 'fast-check';
import { sameJson, sortedJson } from '../src/declaration/errors';

/** JSON-like values with undefined object members and list items, as built objects carry them. */
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, undefined, true, false, 0, -0, 1, 1.5, '', 'a', '1'),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'constructor'), tie('node'), { maxKeys: 3 }),
  ),
})).node;

test('sameJson says what comparing the sorted JSON texts says, for any two values', () => {
  fc.assert(
    fc.property(value, value, (a, b) => {
      expect(sameJson(a, b)).toBe(sortedJson(a) === sortedJson(b));
    }),
    { numRuns: 2000 },
  );
});

test('sameJson ignores key order and members whose value is undefined, as JSON does', () => {
  expect(sameJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1, d: undefined })).toBe(true);
  expect(sameJson({ a: 1 }, { a: 1, b: null })).toBe(false);
  expect(sameJson([undefined], [null])).toBe(true);
});

/** The same value rebuilt with its keys reversed and an undefined member added to every object. */
function reordered(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(reordered);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).reverse();
  return Object.fromEntries([...entries.map(([key, item]) => [key, reordered(item)]), ['added', undefined]]);
}

test('sameJson holds between a value and its copy with other key order and undefined members', () => {
  fc.assert(
    fc.property(value, (a) => {
      expect(sameJson(a, reordered(a))).toBe(true);
    }),
    { numRuns: 1000 },
  );
});
