import { Encodings, Font, FontNames } from '@pdf-lib/standard-fonts';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readDeclarations, resolveWorkload, type WorkloadSpec } from '../src';
import { timelineSvg } from '../src/explain/svg';
import { timeline, type Tone } from '../src/explain/timeline';
import { SEED, validCronJobDeclaration, validDeclaration, validJobDeclaration } from './support/arbitraries';
import { checkoutWith, CLOUD_SQL_PROXY, MIGRATE } from './support/declarations';

/**
 * The picture's layout measured with Helvetica's real metrics (the Adobe AFM files of the standard
 * PDF fonts), independently of the estimate the drawing code uses: every text inside the canvas,
 * no two texts on one line overlapping, every label inside its bar.
 */
const FONTS = {
  regular: Font.load(FontNames.Helvetica),
  bold: Font.load(FontNames.HelveticaBold),
  italic: Font.load(FontNames.HelveticaOblique),
};
const widths = new Map<Font, Map<string, number>>();
function glyph(font: Font, character: string): number {
  let table = widths.get(font);
  if (table === undefined) {
    table = new Map(font.CharMetrics.map((metric) => [metric.N, metric.WX]));
    widths.set(font, table);
  }
  try {
    return table.get(Encodings.WinAnsi.encodeUnicodeCodePoint(character.codePointAt(0)!).name) ?? 1000;
  } catch {
    return 1000; // outside the standard fonts' encoding: as wide as an em
  }
}

interface PlacedText {
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly y: number;
  readonly size: number;
}

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (text: string) =>
  text
    .replace(/<title>.*?<\/title>/, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

function texts(svg: string): PlacedText[] {
  return [...svg.matchAll(/<text ([^>]*)>(.*?)<\/text>/g)].map(([, tag, content]) => {
    const text = unescape(content!);
    const size = Number(attribute(tag!, 'font-size'));
    const font =
      attribute(tag!, 'font-weight') === 'bold' ? FONTS.bold : attribute(tag!, 'font-style') === 'italic' ? FONTS.italic : FONTS.regular;
    const width = ([...text].reduce((sum, character) => sum + glyph(font, character), 0) * size) / 1000;
    const x = Number(attribute(tag!, 'x'));
    const anchor = attribute(tag!, 'text-anchor') ?? 'start';
    const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
    return { text, left, right: left + width, y: Number(attribute(tag!, 'y')), size };
  });
}

function rects(svg: string): Array<{ left: number; right: number; top: number }> {
  return [...svg.matchAll(/<rect ([^>]*)\/>/g)]
    .map(([, tag]) => ({
      x: Number(attribute(tag!, 'x') ?? 0),
      width: Number(attribute(tag!, 'width')),
      top: Number(attribute(tag!, 'y') ?? 0),
    }))
    .map(({ x, width, top }) => ({ left: x, right: x + width, top }));
}

function layoutProblems(svg: string): string[] {
  const width = Number(/<svg [^>]*width="(\d+)"/.exec(svg)![1]);
  const height = Number(/<svg [^>]*height="(\d+)"/.exec(svg)![1]);
  const placed = texts(svg);
  const problems: string[] = [];
  for (const text of placed) {
    if (text.left < 0 || text.right > width)
      problems.push(`"${text.text}" runs out of the canvas (${text.left.toFixed(1)}..${text.right.toFixed(1)} of ${width})`);
    if (text.y > height) problems.push(`"${text.text}" is below the canvas`);
  }
  // Texts on one baseline must not overlap: tick labels, event times, lane labels, bar labels, legend entries.
  const byLine = new Map<number, PlacedText[]>();
  for (const text of placed) byLine.set(text.y, [...(byLine.get(text.y) ?? []), text]);
  for (const line of byLine.values()) {
    const sorted = [...line].sort((a, b) => a.left - b.left);
    for (let index = 1; index < sorted.length; index++) {
      if (sorted[index]!.left < sorted[index - 1]!.right)
        problems.push(`"${sorted[index - 1]!.text}" and "${sorted[index]!.text}" overlap`);
    }
  }
  // A label written inside a bar (11 px, 4 px into it) ends inside that bar.
  const bars = rects(svg).filter((rect) => rect.top > 0);
  for (const text of placed.filter((candidate) => candidate.size === 11)) {
    const bar = bars
      .filter((rect) => rect.top === text.y - 15 && Math.abs(rect.left + 4 - text.left) < 1e-6)
      .sort((a, b) => b.right - a.right)[0];
    if (bar !== undefined && text.right > bar.right)
      problems.push(`"${text.text}" runs out of its bar (${text.left}..${text.right} in ${bar.left}..${bar.right})`);
  }
  return problems;
}

const EXAMPLES = readdirSync(join(__dirname, '..', 'examples'))
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) =>
    (readDeclarations(join(__dirname, '..', 'examples', file)) as WorkloadSpec[]).map((declaration) => [file, declaration] as const),
  );

describe('the timeline picture keeps every text readable', () => {
  test.each(EXAMPLES.map(([file, declaration]) => [`${file} (${declaration.name})`, declaration]))(
    'example %s: inside the canvas, nothing overlapping, labels inside their bars',
    (_, declaration) => {
      expect(layoutProblems(timelineSvg(timeline(resolveWorkload(declaration))))).toEqual([]);
    },
  );

  test('random workloads of every kind: inside the canvas, nothing overlapping, labels inside their bars', () => {
    fc.assert(
      fc.property(fc.oneof(validDeclaration, validJobDeclaration, validCronJobDeclaration), (declaration) => {
        expect(layoutProblems(timelineSvg(timeline(resolveWorkload(declaration))))).toEqual([]);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  test('a lane name too long for the label column is shortened with an ellipsis and kept whole as a tooltip', () => {
    const name = 'a-sidecar-with-a-name-far-longer-than-any-label-column-should-be';
    const svg = timelineSvg(
      timeline(resolveWorkload(checkoutWith({ kubernetesVersion: '1.29', sidecars: [{ ...CLOUD_SQL_PROXY, name: name.slice(0, 63) }] }))),
    );
    expect(svg).toContain(`<title>${name.slice(0, 63)}</title>`);
    expect(svg).toMatch(/>a-sidecar-with-a-name-far-longer[a-z-]*…<\/text>/);
    expect(layoutProblems(svg)).toEqual([]);
  });

  test('a note longer than the canvas wraps onto several lines instead of running out of it', () => {
    const svg = timelineSvg({
      workload: 'w',
      sections: [{ id: 'hung', title: 'Hung process', origin: 'o', end: 10, lanes: [], events: [], notes: ['word '.repeat(80).trim()] }],
    });
    expect(texts(svg).filter((text) => text.text.startsWith('word')).length).toBeGreaterThan(2);
    expect(layoutProblems(svg)).toEqual([]);
  });
});

describe('the timeline picture says what its colours and bars mean', () => {
  const withSidecar = timeline(resolveWorkload(checkoutWith({ kubernetesVersion: '1.29', sidecars: [CLOUD_SQL_PROXY] })));
  const resolved = resolveWorkload(checkoutWith({ kubernetesVersion: '1.29', sidecars: [CLOUD_SQL_PROXY] }));

  test('the margin bar is the grace margin: the sidecars stop first, in a bar of their own', () => {
    const pod = withSidecar.sections.find((section) => section.id === 'shutdown')!.lanes.find((lane) => lane.name === 'pod')!;
    const bars = pod.segments.map((segment) => [segment.label, segment.to - segment.from]);
    expect(bars).toEqual([
      ['preStop', resolved.timings.preStop.seconds],
      ['drain', resolved.timings.drainSeconds],
      ['sidecars stop', resolved.timings.containers.sidecarStopSeconds],
      ['margin', resolved.timings.graceMarginSeconds],
    ]);
  });

  test('init containers and minReady have colours of their own, and the legend names every colour drawn', () => {
    const model = timeline(resolveWorkload(checkoutWith({ initContainers: [MIGRATE] })));
    const start = model.sections.find((section) => section.id === 'start')!;
    const tone = (label: string): Tone => start.lanes.flatMap((lane) => lane.segments).find((segment) => segment.label === label)!.tone;
    expect(tone('init')).not.toBe(tone('minReady'));
    const svg = timelineSvg(model);
    const fills = new Set(
      [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="22" rx="3" fill="(#[0-9a-f]{6})"/g)].map((match) => match[1]),
    );
    const legendFills = new Set(
      [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="14" height="12" rx="2" fill="(#[0-9a-f]{6})"/g)].map((match) => match[1]),
    );
    expect([...fills].filter((fill) => !legendFills.has(fill))).toEqual([]);
    expect(legendFills.size).toBe(fills.size);
  });

  test('a pod no Service sends traffic to is marked not ready, never "removed from endpoints"', () => {
    const worker = checkoutWith({
      kind: 'worker',
      port: undefined,
      health: { readiness: { exec: ['/app/ready'] }, liveness: { exec: ['/app/alive'] } },
    } as Partial<WorkloadSpec>);
    const model = timeline(resolveWorkload(worker));
    const words = JSON.stringify(model);
    expect(words).not.toContain('endpoints');
    expect(model.sections.find((section) => section.id === 'hung')!.events[1]!.label).toBe(
      'readiness fails 5s x 3: marked not ready (no Service sends it traffic)',
    );
  });
});
