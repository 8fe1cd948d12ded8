import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { InputError } from '../src/files/input-error';
import { writeOutputFolder } from '../src/files/output-folder';
import { CHECKOUT } from './support/declarations';
import { cli } from './support/cli';

const scratch = () => mkdtempSync(join(tmpdir(), 'hardened-output-'));
const WORKER = 'examples/queue-worker.yaml'; // instance invoice-worker

describe('synth --output writes atomically', () => {
  test('a write that fails leaves the folder as it was: no file of the run appears, no temporary file stays', () => {
    const folder = scratch();
    writeFileSync(join(folder, 'a.k8s.yaml'), 'before\n');
    // The second file's temporary path is taken, so its exclusive creation fails after the first was written.
    mkdirSync(join(folder, `.b.k8s.yaml.${process.pid}.tmp`));
    expect(() =>
      writeOutputFolder(
        folder,
        [
          { file: 'a.k8s.yaml', text: 'after\n' },
          { file: 'b.k8s.yaml', text: 'after\n' },
        ],
        { inputs: [] },
      ),
    ).toThrow(InputError);
    expect(readFileSync(join(folder, 'a.k8s.yaml'), 'utf8')).toBe('before\n');
    expect(existsSync(join(folder, 'b.k8s.yaml'))).toBe(false);
    expect(readdirSync(folder).sort()).toEqual([`.b.k8s.yaml.${process.pid}.tmp`, 'a.k8s.yaml']);
  });

  test('a symbolic link at a target is replaced by the file, never followed out of the folder', () => {
    const outside = join(scratch(), 'precious.txt');
    writeFileSync(outside, 'keep me\n');
    const folder = scratch();
    symlinkSync(outside, join(folder, 'invoice-worker.k8s.yaml'));
    const result = cli(['synth', WORKER, '--output', folder]);
    expect(result.status).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe('keep me\n');
    expect(lstatSync(join(folder, 'invoice-worker.k8s.yaml')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(folder, 'invoice-worker.k8s.yaml'), 'utf8')).toMatch(/^kind: Deployment$/m);
  });
});

describe('synth --output never overwrites its input', () => {
  test('a declaration file named like the output in the output folder is refused (exit 2) and kept', () => {
    const folder = scratch();
    const input = join(folder, 'checkout.k8s.yaml');
    writeFileSync(input, stringify(CHECKOUT));
    const result = cli(['synth', input, '--output', folder]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${input}: synthesis would overwrite its own input ${input}`);
    expect(readFileSync(input, 'utf8')).toBe(stringify(CHECKOUT));
  });

  test('a link in the output folder to the declaration file is refused too', () => {
    const input = join(scratch(), 'checkout.yaml');
    writeFileSync(input, stringify(CHECKOUT));
    const folder = scratch();
    symlinkSync(input, join(folder, 'checkout.k8s.yaml'));
    const result = cli(['synth', input, '--output', folder]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`synthesis would overwrite its own input ${input}`);
    expect(readFileSync(input, 'utf8')).toBe(stringify(CHECKOUT));
  });
});

describe('synth --output reports the files of workloads no longer declared', () => {
  function folderWithStaleFile(): string {
    const folder = scratch();
    writeFileSync(join(folder, 'retired.k8s.yaml'), 'kind: Deployment\n');
    writeFileSync(join(folder, 'notes.md'), 'not ours\n');
    return folder;
  }

  test('without --prune a stale .k8s.yaml file is named on stderr and kept; the run succeeds', () => {
    const folder = folderWithStaleFile();
    const result = cli(['synth', WORKER, '--output', folder]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${join(folder, 'invoice-worker.k8s.yaml')}\n`);
    expect(result.stderr).toBe(
      `hardened-workloads: ${join(folder, 'retired.k8s.yaml')} is stale: no workload of the inputs writes it any more (remove it, or run with --prune)\n`,
    );
    expect(existsSync(join(folder, 'retired.k8s.yaml'))).toBe(true);
  });

  test('--prune removes stale .k8s.yaml files and nothing else', () => {
    const folder = folderWithStaleFile();
    const result = cli(['synth', WORKER, '--output', folder, '--prune']);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`removed ${join(folder, 'retired.k8s.yaml')}`);
    expect(readdirSync(folder).sort()).toEqual(['invoice-worker.k8s.yaml', 'notes.md']);
  });

  test('--prune without --output is a usage error (exit 2)', () => {
    const result = cli(['synth', WORKER, '--prune']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--prune removes stale files of an --output folder');
  });
});
