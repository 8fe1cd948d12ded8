import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkInvariants, deriveTimings, INVARIANT_IDS, TRAFFIC_PLATFORMS } from '../src';
import { ACKNOWLEDGEABLE_INVARIANTS } from '../src/declaration/ids';
import type { WorkloadFacts } from '../src/invariants/facts';
import type { TimingInput } from '../src/timing/types';
import type { KubernetesObject } from '../src/manifests/facts';
import { synthesizeObjects } from '../src/synth';
import { CHECKOUT, jobTimingInput } from './support/declarations';
import { mainContainer, theOnly } from './support/manifests';

/**
 * docs/derivation.md explains the rules in words; these tests keep it true to the code, as
 * readme.test.ts keeps the README's field table true to the schema.
 */

const ROOT = join(__dirname, '..');
const RULES = readFileSync(join(ROOT, 'docs', 'derivation.md'), 'utf8');

/** Every (value, formula) the derivation can explain, over every branch it has. */
function derivedFormulas(): Array<[string, string]> {
  const found = new Map<string, [string, string]>();
  for (const kind of ['web', 'worker'] as const) {
    for (const platform of TRAFFIC_PLATFORMS) {
      for (const typical of [undefined, 10]) {
        for (let mask = 0; mask < 16; mask++) {
          const { explanations } = deriveTimings({
            // A load balancer is configured for web workloads on the AWS platforms only.
            ...(kind === 'web' && platform !== 'kube-proxy' && (mask & 8) !== 0 ? { loadBalancer: platform } : {}),
            kind,
            startupMaxSeconds: 90,
            startupTypicalSeconds: typical,
            drainSeconds: 30,
            platform,
            probeLatencyMs: 500,
            kubernetesVersion: '1.28',
            preStopType: 'auto',
            overrides: {},
            probes: { readiness: (mask & 1) !== 0, liveness: (mask & 2) !== 0, startup: (mask & 4) !== 0 },
          });
          for (const { key, formula, source } of explanations) if (source === 'derived') found.set(`${key} ${formula}`, [key, formula]);
        }
      }
    }
  }
  // Init containers, native (1.29) and ordinary (1.28) sidecars with both probes, and a mesh proxy.
  for (const kubernetesVersion of ['1.28', '1.29']) {
    const { explanations } = deriveTimings({
      kind: 'web',
      startupMaxSeconds: 90,
      drainSeconds: 30,
      platform: 'kube-proxy',
      probeLatencyMs: 500,
      kubernetesVersion,
      preStopType: 'auto',
      overrides: {},
      probes: { readiness: true, liveness: true, startup: true },
      initContainers: [{ name: 'migrate', maxSeconds: 300 }],
      sidecars: [{ name: 'proxy', startSeconds: 30, readiness: true, stopSeconds: 10 }],
      mesh: 'istio',
    });
    for (const { key, formula, source } of explanations) {
      // Sidecars' values are named after the sidecar; the table names them sidecars.<name>.
      const generic = key.replace(/^sidecars\.proxy\./, 'sidecars.<name>.');
      if (source === 'derived') found.set(`${generic} ${formula}`, [generic, formula]);
    }
  }
  // A Job: its own rules, with an init phase and the default and a declared typical run.
  for (const typicalSeconds of [undefined, 600]) {
    const { explanations } = deriveTimings(jobTimingInput({ maxSeconds: 1800, typicalSeconds, attempts: 3 }, 60));
    for (const { key, formula, source } of explanations) if (source === 'derived') found.set(`${key} ${formula}`, [key, formula]);
  }
  // Attempts left out: fitted to an overridden Job deadline, and to a schedule whose runs must not overlap.
  for (const input of [
    { ...jobTimingInput({ maxSeconds: 1800 }), overrides: { activeDeadlineSeconds: 4100 } },
    {
      ...jobTimingInput({ maxSeconds: 600 }),
      kind: 'cronjob' as const,
      schedule: {
        cron: '0 * * * *',
        concurrencyPolicy: 'Forbid' as const,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 3,
        shortestIntervalMinutes: 60,
      },
    },
  ]) {
    const { explanations } = deriveTimings(input);
    for (const { key, formula, source } of explanations) if (source === 'derived') found.set(`${key} ${formula}`, [key, formula]);
  }
  // A CronJob: each concurrency policy, with and without a zone that has daylight saving time.
  for (const [concurrencyPolicy, timeZone] of [
    ['Forbid', undefined],
    ['Allow', 'Europe/Berlin'],
  ] as const) {
    const { explanations } = deriveTimings({
      ...jobTimingInput({ maxSeconds: 600, attempts: 3 }),
      kind: 'cronjob',
      schedule: {
        cron: '0 2 * * *',
        timeZone,
        concurrencyPolicy,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 3,
        shortestIntervalMinutes: 1440,
      },
    });
    for (const { key, formula, source } of explanations) if (source === 'derived') found.set(`${key} ${formula}`, [key, formula]);
  }
  // The controllers' own rollouts: a StatefulSet's (kind stateful), a DaemonSet's stopping the old pod first or starting the new one first (kind daemon).
  const controllers: Array<Pick<TimingInput, 'kind' | 'statefulSet' | 'daemonSet'>> = [
    { kind: 'stateful', statefulSet: { replicas: 3, partition: 0, podManagementPolicy: 'OrderedReady' } },
    { kind: 'daemon', daemonSet: { surge: false } },
    { kind: 'daemon', daemonSet: { surge: true } },
  ];
  for (const controller of controllers) {
    const { explanations } = deriveTimings({
      ...controller,
      startupMaxSeconds: 90,
      drainSeconds: 30,
      platform: 'kube-proxy',
      probeLatencyMs: 500,
      kubernetesVersion: '1.28',
      preStopType: 'auto',
      overrides: {},
      probes: { readiness: true, liveness: true, startup: true },
    });
    for (const { key, formula, source } of explanations) if (source === 'derived') found.set(`${key} ${formula}`, [key, formula]);
  }
  return [...found.values()];
}

test.each(derivedFormulas())('the derivation table gives %s its formula %s', (key, formula) => {
  const rows = RULES.split('\n').filter((line) => line.startsWith(`| \`${key}\` |`));
  expect(rows.some((row) => row.includes(`\`${formula}\``))).toBe(true);
});

/** The invariants with their numbers and statements, as the checks report them. */
const INVARIANTS = checkInvariants({
  subject: 'any',
  servesTraffic: true,
  preStopSeconds: 0,
  terminationGracePeriodSeconds: 30,
  replicas: 2,
  maxSurge: 1,
  maxUnavailable: 0,
  minReadySeconds: 0,
  progressDeadlineSeconds: 600,
} as WorkloadFacts);

test('the invariants are all there, in order', () => {
  expect(INVARIANTS.map(({ id }) => id)).toEqual([...INVARIANT_IDS]);
  const headings = RULES.split('\n').filter((line) => /^### \d+\. `/.test(line));
  expect(headings.map((line) => line.replace(/ \(acknowledgeable\)$/, ''))).toEqual(
    INVARIANTS.map(({ id, number }) => `### ${number}. \`${id}\``),
  );
});

test.each(INVARIANTS.map(({ id, number, statement }) => [number, id, statement]))(
  'invariant %i (%s) is stated as the checks state it, and says whether it can be acknowledged',
  (number, id, statement) => {
    const acknowledgeable = (ACKNOWLEDGEABLE_INVARIANTS as readonly string[]).includes(id as string);
    const heading = `### ${number}. \`${id}\`${acknowledgeable ? ' (acknowledgeable)' : ''}\n`;
    expect(RULES).toContain(heading);
    const section = RULES.split(heading)[1]!.split('\n### ')[0]!;
    expect(section.trim().split('\n\n')[0]!.replace(/\n/g, ' ')).toBe(statement);
  },
);

describe('the hardening defaults name every security setting of the pods', () => {
  const objects = synthesizeObjects([CHECKOUT]) as KubernetesObject[];
  const pod = theOnly(objects, 'Deployment').spec.template.spec;
  test.each([
    ['pod', pod.securityContext],
    ['container', mainContainer(objects).securityContext],
  ])('%s securityContext', (_, context: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(context)) {
      expect(RULES).toContain(`\`${key}`);
      if (typeof value === 'number') expect(RULES).toContain(String(value));
    }
  });
  test('automountServiceAccountToken is off', () => {
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(RULES).toContain('`automountServiceAccountToken: false`');
  });
});

test('the repository explains itself: no code, template or test cites a document outside it', () => {
  const files = execFileSync('git', ['ls-files', 'src', 'templates', 'test', 'scripts', 'examples', 'bench', '*.md', '*.yaml', '*.json'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .filter((file) => file !== 'package-lock.json' && file !== 'test/rules-doc.test.ts' && !file.startsWith('test/fixtures/'));
  const citing = files.filter((file) => /\bSPEC\b/.test(readFileSync(join(ROOT, file), 'utf8')));
  expect(citing).toEqual([]);
});
