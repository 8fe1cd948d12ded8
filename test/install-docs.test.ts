import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INVARIANT_IDS } from '../src/declaration/ids';

/**
 * What the README and Chart.yaml say about installing and about the product is true: the counts
 * they give, the commands they show, and what the npm package ships.
 */
const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const CHART = readFileSync(join(ROOT, 'Chart.yaml'), 'utf8');

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']
  .concat(['thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'twenty-one', 'twenty-two'])
  .concat(['twenty-three', 'twenty-four', 'twenty-five']);

test.each([
  ['README.md', README],
  ['Chart.yaml', CHART],
])('%s counts the invariants there are', (_, text) => {
  // The phrases that state the total ("the seventeen invariants", "against seventeen invariants", "… invariants checked"),
  // not a count of some of them ("tied to them by two invariants").
  const counts = [...text.matchAll(/\b(?:the|all|against) ([a-z-]+|\d+) invariants\b|\b([a-z-]+|\d+) invariants checked\b/gi)]
    .map((match) => (match[1] ?? match[2])!.toLowerCase())
    .filter((word) => NUMBER_WORDS.includes(word) || /^\d+$/.test(word));
  expect(counts.length).toBeGreaterThan(0);
  expect(counts.filter((word) => word !== NUMBER_WORDS[INVARIANT_IDS.length] && word !== String(INVARIANT_IDS.length))).toEqual([]);
});

test('Chart.yaml describes every controller kind the chart renders', () => {
  for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']) expect(CHART).toContain(kind);
});

describe('the npm package', () => {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }));
  const shipped = (packed.files as Array<{ path: string }>).map((file) => file.path);

  test('ships no TypeScript example: they import ../src, which the package does not have', () => {
    expect(shipped.filter((path) => path.startsWith('examples/') && !path.endsWith('.yaml'))).toEqual([]);
    expect(shipped.filter((path) => path.startsWith('examples/')).length).toBeGreaterThan(5);
  });

  test('ships no source map reference without its map (built by npm test before jest runs)', () => {
    const scripts = shipped.filter((path) => path.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(10);
    expect(shipped.filter((path) => path.endsWith('.map'))).toEqual([]);
    expect(scripts.filter((path) => readFileSync(join(ROOT, path), 'utf8').includes('sourceMappingURL'))).toEqual([]);
  });
});

test('the README never unpacks a local chart with helm pull, which takes a repository or URL', () => {
  expect(README).not.toMatch(/helm pull [^\n`]*\.tgz/);
  expect(README).toContain('tar -xzf hardened-workloads-0.1.0.tgz');
});

test('the CI example installs the package before it runs the command, so it works without a registry entry', () => {
  const workflow = README.split('# .github/workflows/manifests.yaml')[1]!.split('```')[0]!;
  const install = workflow.indexOf('npm install --no-save ./vendor/hardened-workloads-');
  expect(install).toBeGreaterThan(0);
  expect(workflow.indexOf('npx --no-install hardened-workloads check')).toBeGreaterThan(install);
});
