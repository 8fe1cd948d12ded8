import { byUtf8, formatPath, type Problem } from './errors';

/**
 * What no text of a declaration may hold, key or value, in any field, and the keys no map may have: one table that both faces
 * apply to every string before anything else (the Helm face in hw.textProblems,
 * templates/_text.tpl, from templates/_generated.tpl). Each pattern means the same in JavaScript
 * and in Go's RE2: no `.`, no `\s`, no flags, and the characters outside ASCII written as
 * themselves.
 */
export interface TextRule {
  readonly pattern: string;
  /** Only for the keys of maps. */
  readonly keys?: true;
  readonly rule: string;
  readonly fix: string;
}

export const TEXT_RULES: readonly TextRule[] = [
  {
    // Go templates print "<no value>" for a missing key, and Helm deletes that text from everything
    // it renders (pkg/engine: strings.ReplaceAll(rendered, "<no value>", "")), a user's text included.
    pattern: '<no value>',
    rule: 'text must not contain "<no value>": Helm deletes it from everything it renders, so the chart would write other objects (and another config file) than the command line and the constructs',
    fix: 'write it another way, e.g. "(no value)"',
  },
  {
    // Helm writes the values as YAML before it checks them against values.schema.json, and its YAML
    // reader refuses these ("yaml: control characters are not allowed"), naming no field. U+0085
    // (next line) it reads as a line break and writes escaped, so it stays.
    pattern: '[\\x7f-\\x84\\x86-\\x9f\ufffe\uffff]',
    rule: 'text must not contain DEL, a C1 control character (U+0080 to U+009F) other than U+0085, U+FFFE or U+FFFF: Helm cannot read them in its values',
    fix: 'remove the character, or write it as an escape that the program reading the text understands',
  },
  {
    // zod leaves a `__proto__` key out of what it parses (an assignment would set the prototype), and
    // cdk8s refuses to write an object with a `constructor` key (sanitizeValue reads obj.constructor.name),
    // while Helm keeps both as plain keys. Other names of Object.prototype (toString, hasOwnProperty)
    // are plain keys in both faces.
    pattern: '^(__proto__|constructor)$',
    keys: true,
    rule: 'a key must not be "__proto__" or "constructor": every JavaScript object has a member of that name, so the command line and the constructs cannot write such a key as Helm does',
    fix: 'use another name',
  },
];

const COMPILED = TEXT_RULES.map((rule) => ({ ...rule, regex: new RegExp(rule.pattern) }));

/**
 * Every string of the declaration, keys included, that breaks a rule of TEXT_RULES, keys in the
 * order of their UTF-8 bytes (the order the Helm face walks a map in). The parent chart's `global`
 * values are not the declaration's.
 */
export function textProblems(declaration: unknown): Problem[] {
  const problems: Problem[] = [];
  const check = (text: string, path: readonly PropertyKey[], isKey: boolean) => {
    for (const { regex, rule, fix, keys } of COMPILED) {
      if ((isKey || !keys) && regex.test(text)) problems.push({ path: formatPath(path), value: text, rule, fix });
    }
  };
  // A declaration built in code may share (or, by mistake, loop back to) an object: each is read once.
  const seen = new WeakSet<object>();
  const visit = (node: unknown, path: readonly PropertyKey[]): void => {
    if (node !== null && typeof node === 'object') {
      if (seen.has(node)) return;
      seen.add(node);
    }
    if (typeof node === 'string') check(node, path, false);
    else if (Array.isArray(node)) node.forEach((item, index) => visit(item, [...path, index]));
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record).sort(byUtf8)) {
        if (path.length === 0 && key === 'global') continue;
        check(key, [...path, key], true);
        visit(record[key], [...path, key]);
      }
    }
  };
  visit(declaration, []);
  return problems;
}
