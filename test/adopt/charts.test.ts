import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { resolveWorkload, synthesizeObjects, type WorkloadSpec } from '../../src';
import { adoptManifests, writeDeclaration } from '../../src/adopt/infer';
import type { AdoptedWorkload, KubernetesObject, ObjectReview } from '../../src/adopt/types';
import { run } from '../../src/cli/program';
import { parseDeclarations } from '../../src/files/declarations';
import { parseSourcedManifests } from '../../src/files/manifests';
import { checkManifests } from '../../src/manifests/run';
import { type Tally, tally, unaccounted } from '../support/adopt-accounting';
import { helmFace, helmTest, typescriptFace } from '../support/helm';

/**
 * Issue 20 on manifests written by others: real charts rendered with `helm template`
 * (test/fixtures/adopt/charts/README.md names each chart, its version and values). For every
 * workload, the declaration adopt writes synthesizes in both faces, `check` finds nothing on the
 * result that it does not acknowledge, and the names, selectors and Service ports are kept.
 */
const FOLDER = join(__dirname, '..', 'fixtures', 'adopt', 'charts');
const FIXTURES = readdirSync(FOLDER).filter((file) => file.endsWith('.yaml'));
const FIGURES_START = '<!-- figures: written by test/adopt/charts.test.ts (UPDATE_ACCOUNTING=1) -->';
const FIGURES_END = '<!-- end of figures -->';

/** The objects as the CLI reads them (YAML 1.1, as Helm reads it: bitnami's `defaultMode: 0755` is octal). */
function objectsOf(file: string): KubernetesObject[] {
  return parseSourcedManifests({ name: file, text: readFileSync(join(FOLDER, file), 'utf8') }).objects.map(({ object }) => object);
}

interface CliWorkload {
  readonly workload: string;
  readonly declaration: string;
  readonly review: ObjectReview[];
}

function adoptWithCli(file: string): { code: number; stderr: string; workloads: CliWorkload[] } {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  try {
    code = run(['adopt', join(FOLDER, file), '--accept-inferred', '--format', 'json'], {
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
    });
  } catch (error) {
    code = (error as { exitCode?: number }).exitCode ?? -1;
  }
  const text = out.join('');
  return { code, stderr: err.join(''), workloads: text ? (JSON.parse(text) as { workloads: CliWorkload[] }).workloads : [] };
}

/** The declaration as the user gets it: written with its comments, read back. */
const written = (workload: AdoptedWorkload) =>
  parseDeclarations(writeDeclaration(workload), `${workload.workload}.yaml`)[0] as WorkloadSpec;

/** Per chart: its workloads and how their input fields fare (test/support/adopt-accounting.ts tally), filled as each chart is adopted below. */
const TALLIES = new Map<string, { workloads: number } & Tally>();

describe.each(FIXTURES)('adopting %s', (file) => {
  const adopted = adoptManifests(objectsOf(file));
  const cli = adoptWithCli(file);
  const tallies = adopted.map((workload) =>
    tally(workload, cli.workloads.find((each) => each.workload === workload.workload)?.review ?? []),
  );
  const total = (field: keyof Tally) => tallies.reduce((sum, each) => sum + each[field], 0);
  TALLIES.set(file, {
    workloads: adopted.length,
    fields: total('fields'),
    represented: total('represented'),
    patched: total('patched'),
    dropped: total('dropped'),
    unaccounted: total('unaccounted'),
  });

  test('every changed input field is represented in the declaration, patched or dropped with a reason (issue 20)', () => {
    const gaps = adopted.flatMap((workload) => {
      const review = cli.workloads.find((each) => each.workload === workload.workload)!.review;
      return unaccounted(workload, review).map((gap) => `${workload.workload} ${gap}`);
    });
    expect(gaps).toEqual([]);
  });

  test('the adopt command with --accept-inferred exits 0, one declaration per workload, as the library writes them', () => {
    expect({ code: cli.code, stderr: cli.stderr }).toEqual({ code: 0, stderr: '' });
    expect(cli.workloads.map((workload) => workload.workload)).toEqual(adopted.map((workload) => workload.workload));
    expect(adopted.length).toBeGreaterThan(0);
  });

  describe.each(adopted.map((workload) => [workload.workload, workload] as const))('%s', (subject, workload) => {
    const declaration = written(workload);

    test('the written declaration resolves and synthesizes (the TypeScript face)', () => {
      expect(() => resolveWorkload(declaration)).not.toThrow();
      expect(typescriptFace(declaration).error).toBeUndefined();
    });

    helmTest('the Helm face renders it identically', async () => {
      expect(await helmFace(declaration)).toEqual(typescriptFace(declaration));
    });

    test('check finds nothing on the synthesized objects that the declaration does not acknowledge', () => {
      const objects = synthesizeObjects([declaration]);
      const report = checkManifests([{ name: `${subject}.yaml`, text: objects.map((object) => stringify(object)).join('---\n') }]);
      const open = report.findings
        .filter((finding) => finding.suppressed === undefined && finding.severity !== 'note')
        .map((finding) => `${finding.ruleId} ${finding.fieldPath}: ${finding.message}`);
      expect(open).toEqual([]);
    });

    test("the review keeps the workload's name and selector, and its Services' names, selectors and ports, or names the drop that explains why not", () => {
      const reviews = cli.workloads.find((each) => each.workload === subject)!.review;
      const kind = subject.split('/')[0]!;
      const explained = (object: string, what: string) =>
        workload.dropped.some(
          (dropped) => dropped.object === object && dropped.path.startsWith(what === 'selector' ? 'spec.selector' : 'spec.ports'),
        );
      const reviewed = reviews
        .filter((review) => review.status !== 'added' && review.status !== 'removed')
        .filter((review) => review.object.startsWith(`${kind}/`) || review.object.startsWith('Service/'));
      expect(reviewed.length).toBeGreaterThan(0);
      for (const review of reviewed) {
        const unexplained = review.notKept.filter(({ what }) => !explained(review.object, what));
        expect({ object: review.object, unexplained }).toEqual({ object: review.object, unexplained: [] });
        const expected = review.object.startsWith('Service/')
          ? ['name', 'selector', 'Service ports']
          : ['Job', 'CronJob'].includes(kind)
            ? ['name']
            : ['name', 'selector'];
        const notKept = review.notKept.map(({ what }) => what);
        expect([...review.kept, ...notKept].sort()).toEqual([...expected].sort());
      }
    });
  });
});

/**
 * The closing figures of issue 20 in test/fixtures/adopt/charts/README.md are this test's output,
 * never typed by hand: `UPDATE_ACCOUNTING=1 npx jest test/adopt/charts.test.ts -t figures` writes them.
 */
test('the figures in test/fixtures/adopt/charts/README.md are the accounting of every chart', () => {
  const readme = join(FOLDER, 'README.md');
  const [before, rest] = readFileSync(readme, 'utf8').split(FIGURES_START) as [string, string | undefined];
  const after = rest === undefined ? '\n' : rest.slice(rest.indexOf(FIGURES_END) + FIGURES_END.length);
  const rows = FIXTURES.map((file) => {
    const { workloads, fields, represented, patched, dropped, unaccounted: open } = TALLIES.get(file)!;
    return `| ${file} | ${workloads} | ${fields} | ${represented} | ${patched} | ${dropped} | ${open} |`;
  });
  const table = [
    FIGURES_START,
    '| File | Workloads | Input fields | Represented | Patched | Dropped with why | Unaccounted |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    FIGURES_END,
  ].join('\n');
  const text = `${before.trimEnd()}\n\n${table}${after}`;
  if (process.env.UPDATE_ACCOUNTING === '1') writeFileSync(readme, text);
  expect(readFileSync(readme, 'utf8')).toBe(text);
});

describe('Service ports published under another number or name than the container port (ports[].servicePort, service.extraPorts)', () => {
  const nginx = adoptManifests(objectsOf('nginx.yaml')).find((workload) => workload.workload === 'Deployment/demo/my-nginx')!;

  test("bitnami nginx's https Service port 443 → 8443 is declared as ports[].servicePort, not dropped", () => {
    expect(nginx.declaration.ports).toEqual([{ name: 'https', port: 8443, servicePort: 443 }]);
    expect(nginx.dropped.filter((dropped) => dropped.path.startsWith('spec.ports'))).toEqual([]);
  });

  test("the review says bitnami nginx's Service ports are kept: applying the result changes no port clients use", () => {
    const review = adoptWithCli('nginx.yaml')
      .workloads.find((workload) => workload.workload === 'Deployment/demo/my-nginx')!
      .review.find((object) => object.object === 'Service/demo/my-nginx')!;
    expect(review.kept).toContain('Service ports');
    expect(review.notKept).toEqual([]);
  });

  const argocd = adoptManifests(objectsOf('argo-cd.yaml')).find((workload) => workload.workload === 'Deployment/demo/my-argocd-server')!;

  test("argo-cd server's second Service port https 443 on the serving port 8080 is declared as service.extraPorts, not dropped", () => {
    expect(argocd.declaration.service).toEqual({ port: 80, extraPorts: [{ name: 'https', port: 443 }] });
    expect(argocd.dropped.filter((dropped) => dropped.path.startsWith('spec.ports'))).toEqual([]);
  });

  test("the review says argo-cd server's Service ports are kept", () => {
    const review = adoptWithCli('argo-cd.yaml')
      .workloads.find((workload) => workload.workload === 'Deployment/demo/my-argocd-server')!
      .review.find((object) => object.object === 'Service/demo/my-argocd-server')!;
    expect(review.kept).toContain('Service ports');
  });
});
