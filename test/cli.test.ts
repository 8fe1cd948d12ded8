import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { parseAllDocuments, stringify } from 'yaml';
import { readDeclarations, RULE_IDS, synthesizeYaml, type WorkloadSpec } from '../src';
import { CHECKOUT, checkoutWith } from './support/declarations';
import { ALIAS_BOMB, cli } from './support/cli';

const EXAMPLE = 'examples/spring-boot-alb.yaml';
const scratch = () => mkdtempSync(join(tmpdir(), 'hardened-cli-'));
function file(contents: string, name = 'workloads.yaml'): string {
  const path = join(scratch(), name);
  writeFileSync(path, contents);
  return path;
}

describe('help and usage (exit 0 and 2)', () => {
  test.each([[[]], [['synth']], [['explain']], [['check']], [['rules']]])('--help for %j exits 0 and shows usage', (command) => {
    const result = cli([...command, '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: hardened-workloads/);
  });
  test('rules lists every rule with its default severity and title', () => {
    const result = cli(['rules']);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^startupWindow +error +The startup window covers 1\.5 × the slowest start/);
    expect(result.stdout.trim().split('\n')).toHaveLength(RULE_IDS.length);
  });
  test('--version prints the package version', () => {
    const result = cli(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
  test.each([
    ['no command', []],
    ['an unknown command', ['deploy']],
    ['a missing file argument', ['synth']],
    ['an unknown option', ['synth', EXAMPLE, '--fast']],
    ['a non-numeric --drain-seconds', ['check', 'dist.yaml', '--drain-seconds', 'thirty']],
    ['a namespace that is no DNS-1123 label', ['synth', EXAMPLE, '--namespace', 'Shop_Prod']],
  ])('%s exits 2', (_, args) => {
    const result = cli(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('synth', () => {
  test('writes the same YAML as the library to stdout', () => {
    const result = cli(['synth', EXAMPLE]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(synthesizeYaml(readDeclarations(EXAMPLE) as WorkloadSpec[]));
  });
  test('takes several workloads from one file (YAML documents) and JSON files', () => {
    const yaml = file(`${stringify(CHECKOUT)}---\n${stringify(checkoutWith({ name: 'billing' }))}`);
    const json = file(JSON.stringify([checkoutWith({ name: 'search' })]), 'more.json');
    const result = cli(['synth', yaml, json]);
    expect(result.status).toBe(0);
    expect(result.stdout.match(/^kind: Deployment$/gm)).toHaveLength(3);
    expect(result.stdout).toContain('name: billing');
    expect(result.stdout).toContain('name: search');
  });
  test('--output writes one file per workload', () => {
    const output = join(scratch(), 'out');
    const result = cli(['synth', 'examples/queue-worker.yaml', 'examples/phoenix-bandit.yaml', '--output', output]);
    expect(result.status).toBe(0);
    expect(existsSync(join(output, 'invoice-worker.k8s.yaml'))).toBe(true);
    expect(readFileSync(join(output, 'chat.k8s.yaml'), 'utf8')).toBe(
      synthesizeYaml(readDeclarations('examples/phoenix-bandit.yaml') as WorkloadSpec[]),
    );
  });
  test('--namespace puts every object in that namespace, as helm template --namespace does', () => {
    const result = cli(['synth', EXAMPLE, '--namespace', 'shop']);
    expect(result.status).toBe(0);
    const documents = parseAllDocuments(result.stdout).map((document) => document.toJS() as { metadata: { namespace?: string } });
    expect(documents.length).toBeGreaterThan(3);
    expect(documents.map((object) => object.metadata.namespace)).toEqual(documents.map(() => 'shop'));
    expect(result.stdout).toBe(synthesizeYaml(readDeclarations(EXAMPLE) as WorkloadSpec[], { namespace: 'shop' }));
  });
  test('--namespace applies to every file --output writes', () => {
    const output = join(scratch(), 'out');
    expect(cli(['synth', 'examples/queue-worker.yaml', '--output', output, '-n', 'jobs']).status).toBe(0);
    expect(readFileSync(join(output, 'invoice-worker.k8s.yaml'), 'utf8')).toMatch(/^ {2}namespace: jobs$/m);
  });
  test('an invalid namespace names the rule and an example', () => {
    const result = cli(['synth', EXAMPLE, '--namespace', 'Shop_Prod']);
    expect(result.stderr).toMatch(/DNS-1123 label.*e\.g\. shop/);
  });
  test('an invalid declaration exits 1 with field, value, rule and fix, and writes nothing', () => {
    const result = cli(['synth', file(stringify(checkoutWith({ image: 'ghcr.io/acme/checkout:latest' })))]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('- image: "ghcr.io/acme/checkout:latest"\n    rule: the image must not use the tag "latest"');
    expect(result.stderr).toContain('    fix:  pin a version tag');
  });
  test('every invalid workload of a file is reported, and duplicates are caught', () => {
    const declarations = [checkoutWith({ replicas: 1 }), checkoutWith({ name: 'billing', drainSeconds: -1 }), CHECKOUT, CHECKOUT];
    const result = cli(['synth', file(declarations.map((declaration) => stringify(declaration)).join('---\n'))]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('- replicas: 1');
    expect(result.stderr).toContain('- drainSeconds: -1');
    expect(result.stderr).toContain('- [3].name: "checkout"\n    rule: workload 4 has the same instance name as workload 3');
  });
  test('a YAML syntax error names the line, without a stack trace', () => {
    const result = cli(['synth', file('name: checkout\nimage: [unclosed\n')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/- \(syntax\): "line \d+, column \d+"/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
  test('a missing file exits 1 with a message', () => {
    const result = cli(['synth', 'examples/nope.yaml']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the declaration file must be readable');
  });
});

describe('a declaration file with no workload fails instead of doing nothing', () => {
  test.each([
    ['synth', ''],
    ['synth', '# only a comment\n'],
    ['explain', '---\n# nothing here\n'],
  ])('%s of %j exits 1 naming the file', (command, contents) => {
    const path = file(contents, 'empty.yaml');
    const result = cli([command, path]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`hardened-workloads: no workload declared in ${path} (the file is empty or holds only comments)\n`);
  });
});

test('a YAML alias bomb is refused naming the file, without a stack trace', () => {
  const path = file(ALIAS_BOMB, 'alias-bomb.yaml');
  const result = cli(['synth', path]);
  expect(result.status).toBe(1);
  expect(result.stderr).toBe(
    [
      `Invalid workload declaration in ${path} (1 problem):`,
      '- (syntax): "document 1"',
      `    rule: ${path} must be valid YAML or JSON: Excessive alias count indicates a resource exhaustion attack (its aliases expand into too many nodes)`,
      '    fix:  write the repeated parts out, or use fewer aliases (*name) of large anchors',
      '',
    ].join('\n'),
  );
});

describe('explain', () => {
  test('prints the derivation, the invariants and the timeline', () => {
    const result = cli(['explain', EXAMPLE]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/startup\.failureThreshold +45 +derived +f_s = max\(3, ceil\(1\.5 × S_max \/ p_s\)\) +S_max=120 p_s=4/);
    expect(result.stdout).toMatch(/ok +7 +graceCoversShutdown +grace 66 s vs preStop 30 \+ drain 30 \+ 5 = 65 s/);
    expect(result.stdout).toContain('   66s  SIGKILL at the grace deadline (terminationGracePeriodSeconds 66)');
  });
  test('--svg draws the timeline into a well-formed SVG file', () => {
    const svg = join(scratch(), 'orders.svg');
    const result = cli(['explain', EXAMPLE, '--svg', svg]);
    expect(result.status).toBe(0);
    const text = readFileSync(svg, 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).toContain('startup window 180s');
  });
  test('--workload picks one of several, and an unknown name is a usage error', () => {
    const path = file(`${stringify(CHECKOUT)}---\n${stringify(checkoutWith({ name: 'billing' }))}`);
    expect(cli(['explain', path, '--workload', 'billing']).stdout).toMatch(/^billing: web workload/);
    const wrong = cli(['explain', path, '--workload', 'payments']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('no workload named "payments" in');
    expect(cli(['explain', path, '--svg', join(scratch(), 'x.svg')]).status).toBe(2);
  });
  test('an invalid declaration exits 1', () => {
    expect(cli(['explain', file(stringify(checkoutWith({ drainSeconds: 'soon' })))]).status).toBe(1);
  });
  test('a worker without a readiness probe shows no readiness timings, and minReadySeconds from its liveness window', () => {
    const result = cli(['explain', 'examples/queue-worker.yaml']);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/^ {2}readiness\./m);
    expect(result.stdout).toMatch(/^ {2}probeTimeoutSeconds +2 +derived +T = max\(2, ceil\(3 × L \/ 1000\)\)/m);
    expect(result.stdout).toMatch(/^ {2}rollout\.minReadySeconds +30 +derived +W_l \(no readiness probe\) +W_l=30$/m);
  });
  test('says when an undeclared kubernetesVersion makes the preStop hook depend on a sleep binary', () => {
    const undeclared = cli(['explain', file(stringify(CHECKOUT))]);
    expect(undeclared.stdout).toContain(
      'Notes\n  - kubernetesVersion is not declared, so 1.28 is assumed and the preStop delay runs "sleep 10"',
    );
    const declared = cli(['explain', file(stringify(checkoutWith({ kubernetesVersion: '1.28' })))]);
    expect(declared.stdout).not.toContain('Notes');
  });
});
