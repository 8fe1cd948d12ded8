import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDeclarations, resolveWorkload, synthesizeObjects } from '../src';
import { timelineSvg } from '../src/explain/svg';
import { timelineText } from '../src/explain/text';
import { timeline } from '../src/explain/timeline';
import { CHECKOUT, CHECKOUT_ANNOTATIONS, checkoutWith, CLOUD_SQL_PROXY, MIGRATE } from './support/declarations';

const reference = timeline(resolveWorkload(CHECKOUT));
const section = (id: string, model = reference) => model.sections.find((candidate) => candidate.id === id)!;

describe('the timeline model of the reference case', () => {
  test('start: typical start at 20 s, available at 35 s, startup window ends at 135 s', () => {
    expect(section('start').events.map((event) => event.at)).toEqual([0, 20, 35, 90, 135]);
    expect(section('start').notes[0]).toBe(
      'rollout: 3 pods, 1 at a time (maxSurge 25%, maxUnavailable 0): about 3 x 35s = 105s when starts are typical',
    );
  });
  test('hung process: out of rotation at 15 s, routers caught up at 25 s, restarted at 30 s, killed by 40 s', () => {
    expect(section('hung').events.map((event) => [event.at, event.label])).toEqual([
      [0, 'last successful probe: the process stops answering'],
      [15, 'readiness fails 5s x 3: removed from endpoints'],
      [25, 'routers have caught up (10s propagation): no more requests'],
      [30, 'liveness fails 10s x 3: container is stopped and restarted'],
      [40, 'SIGKILL if it has not stopped (probe-level grace 10s)'],
    ]);
  });
  test('deletion: preStop 10 s, SIGTERM at 10 s, drain done at 40 s, SIGKILL at 45 s', () => {
    expect(section('shutdown').events.map((event) => event.at)).toEqual([0, 10, 40, 45]);
    expect(
      section('shutdown')
        .lanes.find((lane) => lane.name === 'pod')!
        .segments.map((segment) => [segment.label, segment.from, segment.to]),
    ).toEqual([
      ['preStop', 0, 10],
      ['drain', 10, 40],
      ['margin', 40, 45],
    ]);
  });
});

describe('init containers, sidecars and a mesh proxy', () => {
  const proxy = { ...CLOUD_SQL_PROXY, name: 'proxy', startSeconds: 20 };
  const migrate = MIGRATE;
  const native = timeline(resolveWorkload(checkoutWith({ kubernetesVersion: '1.29', initContainers: [migrate], sidecars: [proxy] })));
  const ordinary = timeline(
    resolveWorkload(
      checkoutWith({
        sidecars: [proxy, { ...proxy, name: 'agent', ports: [], health: undefined, startSeconds: undefined, stopSeconds: 5 }],
        mesh: 'istio',
      }),
    ),
  );

  test('start: the init phase (the native sidecar until its startup window ends, then the migration) comes before the container', () => {
    expect(section('start', native).origin).toBe('the pod starts (init phase at its worst case)');
    expect(section('start', native).lanes[0]).toEqual({
      name: 'init phase',
      segments: [
        { from: 0, to: 30, label: 'proxy', tone: 'init' },
        { from: 30, to: 330, label: 'migrate', tone: 'init' },
      ],
    });
    // Everything of the application's own is shifted by I = 330 s: the container starts, its typical start ends at 350 s.
    expect(section('start', native).events.map((event) => event.at)).toEqual([0, 330, 350, 365, 420, 465]);
  });
  test('deletion: native sidecars get SIGTERM once the application has drained, and stop inside the grace period', () => {
    expect(section('shutdown', native).lanes.find((lane) => lane.name === 'proxy')!.segments).toEqual([
      { from: 0, to: 40, label: 'serving', tone: 'serving' },
      { from: 40, to: 50, label: 'stop', tone: 'draining' },
    ]);
    expect(section('shutdown', native).events.at(-1)).toEqual({
      at: 55,
      label: 'SIGKILL at the grace deadline (terminationGracePeriodSeconds 55)',
    });
  });
  test('deletion: ordinary sidecars wait out their preStop delay beside the application, then stop side by side; the mesh proxy serves until the drain ends', () => {
    const lanes = section('shutdown', ordinary).lanes;
    expect(lanes.map((lane) => lane.name)).toEqual(['traffic', 'pod', 'proxy', 'agent', 'istio proxy']);
    expect(lanes.find((lane) => lane.name === 'agent')!.segments).toEqual([
      { from: 0, to: 40, label: 'preStop', tone: 'waiting' },
      { from: 40, to: 45, label: 'stop', tone: 'draining' },
    ]);
    expect(section('shutdown', ordinary).events.find((event) => event.at === 40)!.label).toBe(
      'drain done (30s); SIGTERM to sidecar proxy (stops within 10s); SIGTERM to sidecar agent (stops within 5s); the istio proxy stops serving',
    );
  });
  test('the picture draws the init phase and the sidecar lanes', () => {
    const svg = timelineSvg(native);
    for (const text of ['init phase', 'migrate', 'proxy', '330s']) expect(svg).toContain(`>${text}`);
  });
  test('a workload without init containers keeps the container start as its origin', () => {
    expect(section('start', ordinary).origin).toBe('the container starts');
  });
});

describe('variants', () => {
  test('a drain longer than an acknowledged short grace is drawn as cut off', () => {
    const model = timeline(
      resolveWorkload(
        checkoutWith({
          overrides: { terminationGracePeriodSeconds: 30 },
          acknowledge: { graceCoversShutdown: 'the job is idempotent, a cut is fine' },
        }),
      ),
    );
    expect(section('shutdown', model).lanes.at(-1)!.segments.at(-1)).toEqual({ from: 30, to: 40, label: 'cut off', tone: 'danger' });
  });
  test('a workload without liveness says a hung process is never restarted', () => {
    const model = timeline(
      resolveWorkload(
        checkoutWith({
          health: { readiness: { path: '/readyz' }, liveness: false },
          acknowledge: { noLiveness: 'supervised by the runtime itself' },
        }),
      ),
    );
    expect(section('hung', model).notes).toEqual(['no liveness probe: a hung process is never restarted (acknowledged)']);
  });
  test('when the app delays its own shutdown, SIGTERM comes at once and draining starts after the delay', () => {
    const model = timeline(resolveWorkload(checkoutWith({ preStop: { type: 'app' } })));
    expect(section('shutdown', model).events.slice(0, 2)).toEqual([
      { at: 0, label: 'pod deleted: endpoints removal starts; the app keeps serving 10s after SIGTERM (no hook); SIGTERM' },
      { at: 10, label: 'the app stops accepting requests and drains' },
    ]);
  });
});

test('the text timeline lists every section with aligned times', () => {
  expect(timelineText(reference)).toBe(
    [
      'Start and rollout (t = 0: the container starts)',
      '    0s  container starts; startup probe every 3s (timeout 2s)',
      '   20s  typical start done: readiness probe every 5s takes over',
      '   35s  minReadySeconds 15 elapsed: the pod counts as available',
      '   90s  slowest declared start (90s)',
      '  135s  startup window ends (3s x 45): a pod still starting is restarted',
      '        rollout: 3 pods, 1 at a time (maxSurge 25%, maxUnavailable 0): about 3 x 35s = 105s when starts are typical',
      '        a rollout that makes no progress for 600s is marked failed (progressDeadlineSeconds)',
      '',
      'Hung process (t = 0: the last successful probe)',
      '    0s  last successful probe: the process stops answering',
      '   15s  readiness fails 5s x 3: removed from endpoints',
      '   25s  routers have caught up (10s propagation): no more requests',
      '   30s  liveness fails 10s x 3: container is stopped and restarted',
      '   40s  SIGKILL if it has not stopped (probe-level grace 10s)',
      '',
      'Deletion (t = 0: the pod is deleted)',
      '    0s  pod deleted: endpoints removal starts; preStop exec "sleep 10"',
      '   10s  SIGTERM',
      '   40s  drain done (30s)',
      '   45s  SIGKILL at the grace deadline (terminationGracePeriodSeconds 45)',
    ].join('\n'),
  );
});

describe('the SVG picture', () => {
  const svg = timelineSvg(reference);

  test('is well-formed XML with an svg root of explicit size', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = new XMLParser({ ignoreAttributes: false }).parse(svg).svg;
    expect(root['@_xmlns']).toBe('http://www.w3.org/2000/svg');
    expect(Number(root['@_width'])).toBe(960);
    expect(Number(root['@_height'])).toBeGreaterThan(400);
  });
  test('shows the derived numbers', () => {
    for (const text of [
      'startup window 135s',
      'starting 20s',
      'preStop 10s',
      'drain 30s',
      'margin 5s',
      '>45s<',
      'SIGKILL at the grace deadline (terminationGracePeriodSeconds 45)',
    ]) {
      expect(svg).toContain(text);
    }
  });
  test('tick labels of close events never overlap: each takes the first row where it clears the one before', () => {
    // Three events within 5 s on a 300 s axis (2.6 px a second): alternating two rows would put 155 s and 160 s on one.
    const crowded = timelineSvg({
      workload: 'crowded',
      sections: [
        {
          id: 'hung',
          title: 'Hung process',
          origin: 'the last successful probe',
          end: 300,
          lanes: [],
          events: [155, 159, 160].map((at) => ({ at, label: `event at ${at}s` })),
          notes: [],
        },
      ],
    });
    const ticks = [
      ...crowded.matchAll(/<text x="([\d.]+)" y="(\d+)" [^>]*font-size="10" text-anchor="middle" fill="#333">(\d+)s<\/text>/g),
    ].map(([, x, y, seconds]) => ({ x: Number(x), y: Number(y), halfWidth: (seconds!.length + 1) * 3 }));
    expect(ticks).toHaveLength(3);
    for (const [index, tick] of ticks.entries()) {
      for (const other of ticks.slice(index + 1)) {
        expect(tick.y === other.y && Math.abs(tick.x - other.x) < tick.halfWidth + other.halfWidth).toBe(false);
      }
    }
  });
  test('escapes text, so quotes in labels cannot break the XML', () => {
    expect(svg).toContain('preStop exec &quot;sleep 10&quot;');
  });
  test('is deterministic', () => {
    expect(timelineSvg(timeline(resolveWorkload(CHECKOUT)))).toBe(svg);
  });
});

test('the Deployment annotation summarizes the derivation for reviewers', () => {
  const deployment = synthesizeObjects([CHECKOUT]).find((object) => object.kind === 'Deployment') as {
    metadata: { annotations: Record<string, string> };
  };
  expect(deployment.metadata.annotations).toEqual(CHECKOUT_ANNOTATIONS);
});

test('the picture in docs/ is the current rendering of the Phoenix example (npm run docs redraws it)', () => {
  const declaration = readDeclarations(join(__dirname, '..', 'examples', 'phoenix-bandit.yaml'))[0];
  const committed = readFileSync(join(__dirname, '..', 'docs', 'phoenix-bandit-timeline.svg'), 'utf8');
  expect(committed).toBe(timelineSvg(timeline(resolveWorkload(declaration))));
});

describe('behind a load balancer', () => {
  const alb = resolveWorkload(checkoutWith({ traffic: { platform: 'aws-alb' }, ingress: {} }));
  const model = timeline(alb);

  test("hung process: the ALB's health check takes the pod out with readiness (15 s), before liveness restarts it", () => {
    expect(section('hung', model).events.find((event) => event.at === 15)?.label).toBe(
      'readiness fails 5s x 3: removed from endpoints; ALB health check fails 5s x 3: taken out of its target group',
    );
  });
  test('deletion: the deregistration delay ends after the drain (60 s) and before SIGKILL (66 s)', () => {
    expect(
      section('shutdown', model)
        .events.map((event) => [event.at, event.label])
        .slice(-2),
    ).toEqual([
      [60, 'drain done (30s); ALB deregistration delay ends (60s): it closes what is left'],
      [66, 'SIGKILL at the grace deadline (terminationGracePeriodSeconds 66)'],
    ]);
  });
  test('explain says that pod readiness gates need a namespace label the workload cannot set', () => {
    expect(alb.notes.join('\n')).toMatch(
      /namespaces labelled elbv2\.k8s\.aws\/pod-readiness-gate-inject=enabled, which a workload cannot set/,
    );
  });
  test('explain says who may connect while no way in names its peers', () => {
    expect(alb.notes).toContain(
      'The NetworkPolicy admits anyone to port 8080: name where the traffic comes from with ingress.from (and networkPolicy.ingressFrom for clients in the cluster) to admit only them.',
    );
  });
});
