import { Document, isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Pair, visit } from 'yaml';
import type { AdoptedWorkload, Inference } from '../types';
import { AS_HELM_READS_IT } from '../../files/yaml';
import { fieldKeys } from './ledger';

/**
 * The declaration as YAML text, each inferred value with a comment saying where it came from
 * (`# <source>`) and each placeholder nothing supports marked `# CONFIRM: <why>`, written with the
 * `yaml` library's Document API so that the comments sit on the values they explain. A header lists
 * what was dropped and what was ambiguous, so the file itself says everything adopt decided.
 */
export function writeDeclaration(adopted: AdoptedWorkload): string {
  // Written as Helm reads it (YAML 1.1): text such as yes, on or 010 is quoted, so it stays text.
  const document = new Document(adopted.declaration, AS_HELM_READS_IT);
  const comments = new Map<string, Inference>();
  for (const inference of adopted.inferences) comments.set(inference.field, inference);
  for (const [field, inference] of comments) {
    const keys = fieldKeys(field);
    const pair = pairAt(document, keys);
    const text = inference.confirm ? ` CONFIRM: ${oneLine(inference.source)}` : ` ${oneLine(inference.source)}`;
    if (!pair) continue;
    const value = pair.value as YamlNode | null;
    if (isScalar(value) || (value && (isSeq(value) || isMap(value)) && (value.flow ?? false))) {
      (value as YamlNode).comment = text;
    } else if (isScalar(pair.key)) {
      pair.key.commentBefore = text;
    }
  }
  const header = [
    ` Adopted from ${adopted.workload} by hardened-workloads adopt.`,
    ' Each value says where it came from; values marked CONFIRM are placeholders nothing in the input supports.',
    // A whole object dropped has no path: `dropped: ConfigMap/x: why`.
    ...adopted.dropped.map(
      (dropped) => ` dropped: ${[dropped.object, dropped.path].filter(Boolean).join(' ')}: ${oneLine(dropped.reason)}`,
    ),
    ...adopted.ambiguities.map(
      (ambiguity) => ` ambiguous: ${ambiguity.object}: ${oneLine(ambiguity.message)} (resolve with ${ambiguity.resolve})`,
    ),
  ];
  document.commentBefore = header.join('\n');
  // Sequences of scalars read best inline, as the examples write them.
  visit(document, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return document.toString({ lineWidth: 0 });
}

/** The pair that holds a field: in maps by key, in lists by index. */
function pairAt(document: Document, keys: readonly string[]): Pair | undefined {
  let node: unknown = document.contents;
  let pair: Pair | undefined;
  for (const key of keys) {
    if (isMap(node)) {
      pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key) as Pair | undefined;
      node = pair?.value;
    } else if (isSeq(node)) {
      node = node.items[Number(key)];
      pair = undefined;
    } else {
      return undefined;
    }
    if (node === undefined) return undefined;
  }
  return pair;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
