import { parseDeclarations } from '../src/files/declarations';
import { CHECKOUT, CLOUD_SQL_PROXY } from './support/declarations';
import {
  helmAsync,
  helmDescribe,
  helmTemplateArgs,
  byKindAndName,
  renderedObjects,
  failMessage,
  typescriptFace,
  type Outcome,
} from './support/helm';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Issue 19 §2: names from the input that are also members of every JavaScript object
 * (`constructor`, `__proto__`, `toString`, `hasOwnProperty`) are only ever names. Wherever keys are
 * free they are plain keys, wherever the schema forbids them both faces say so, and the command line
 * reads a declaration file to the same objects (or the same refusal) as Helm reads it as values.
 */

const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty'] as const;

/** Where a name from the input goes: [place, the path of the name (ending in "." where the name is its last key), the declaration as JSON text]. */
const PLACES: Array<[string, string, (name: string) => string]> = [
  ['an environment variable', 'env.', (name) => json({ env: { [name]: 'x' } })],
  ['an environment variable in a list', 'env[0].name', (name) => json({ env: [{ name, value: 'x' }] })],
  ['a label key', 'labels.', (name) => json({ labels: { [name]: 'x' } })],
  ['a pod annotation key', 'podAnnotations.', (name) => json({ podAnnotations: { [name]: 'x' } })],
  ['a config file name', 'configFiles.', (name) => json({ configFiles: { [name]: { path: '/etc/app/settings', content: 'x' } } })],
  ['a files key', 'files.', (name) => json({ files: { [name]: { path: '/etc/db', secret: 'db' } } })],
  ['a scratch folder', 'scratch.', (name) => json({ scratch: { [name]: { path: '/var/cache/app' } } })],
  ['a node selector key', 'scheduling.nodeSelector.', (name) => json({ scheduling: { nodeSelector: { [name]: 'x' } } })],
  [
    'a key a patch sets',
    'patches.Deployment.object.metadata.annotations.',
    (name) => json({ patches: { Deployment: { object: { metadata: { annotations: { [name]: 'x' } } } } } }),
  ],
  [
    'a container a patch names',
    'patches.Deployment.containers.',
    (name) => json({ patches: { Deployment: { containers: { [name]: { stdin: false } } } } }),
  ],
  ['a sidecar name', 'sidecars[0].name', (name) => json({ sidecars: [{ ...CLOUD_SQL_PROXY, name }] })],
  ['a field of the declaration', '', (name) => json({ [name]: 'x' })],
];

/** CHECKOUT with the changes, as JSON text (JSON.stringify writes a `__proto__` key as any other). */
function json(changes: Record<string, unknown>): string {
  const text = JSON.stringify({ ...CHECKOUT, ...changes });
  return text;
}

const scratch = mkdtempSync(join(tmpdir(), 'hardened-prototype-keys-'));
let written = 0;

/** The Helm face on the text as a values file. */
async function helmOn(text: string): Promise<Outcome> {
  const file = join(scratch, `values-${written++}.json`);
  writeFileSync(file, text);
  const result = await helmAsync(helmTemplateArgs(file));
  return result.status === 0 ? { objects: byKindAndName(renderedObjects(result)) } : { error: failMessage(result.stderr) };
}

/** The command line's face: the file read as the CLI reads it, then synthesized. */
function cliOn(text: string): Outcome {
  const [declaration] = parseDeclarations(text, 'declaration.json');
  return typescriptFace(declaration);
}

const CASES = PLACES.flatMap(([place, field, text]) =>
  NAMES.map((name): [string, string, string, string] => [name, place, field, text(name)]),
);

/** Where keys are free, only these two are refused: JavaScript objects cannot carry them as keys. */
const KEY_RULE = 'a key must not be "__proto__" or "constructor"';

test.each(CASES)('%s as %s: the command line gives a result or a field/value/rule/fix error, never a crash', (_, __, ___, text) => {
  expect(() => cliOn(text)).not.toThrow();
});

test.each([
  ['__proto__', 'labels.__proto__'],
  ['constructor', 'labels.constructor'],
])('%s as a key is refused, naming the key, rather than dropped or crashing', (name, path) => {
  expect(cliOn(json({ labels: { [name]: 'x' } })).error).toContain(`- ${path}: "${name}"\n    rule: ${KEY_RULE}`);
});

test.each(['toString', 'hasOwnProperty'])('%s is a plain key wherever keys are free', (name) => {
  const objects = cliOn(json({ labels: { [name]: 'x' }, configFiles: { [name]: { path: '/etc/app/settings', content: 'x' } } })).objects;
  const deployment = objects?.['Deployment/checkout'] as { metadata: { labels: Record<string, string> } };
  expect(Object.prototype.hasOwnProperty.call(deployment.metadata.labels, name)).toBe(true);
  expect(deployment.metadata.labels[name]).toBe('x');
});

helmDescribe('both faces give the same result', () => {
  test.each(CASES)('%s as %s', async (name, _, field, text) => {
    const cli = cliOn(text);
    const helm = await helmOn(text);
    if (cli.objects) expect(helm).toEqual(cli);
    else {
      // Refused by both, each naming the field (Helm's schema in its own words, its templates in the command line's).
      const path = field.endsWith('.') || field === '' ? `${field}${name}` : field;
      expect(cli.error).toContain(`- ${path}: `);
      expect(helm.error).toContain(path.replace(/[.[].*/, ''));
    }
  });
});
