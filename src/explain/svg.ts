import type { Timeline, TimelineSection, Tone } from './timeline';

/**
 * The timeline as a standalone SVG picture for reviewers: a legend of the colours, then one block
 * per section with a bar per lane, a dashed marker per event and the events listed under the axis.
 * Built as text (no browser, no DOM), deterministic, and laid out so that every text stays inside
 * the canvas and clear of its neighbours: widths are estimated from Helvetica's glyph widths (see
 * textWidth), long lines wrap, long lane names are shortened with their full name as a tooltip.
 */

const WIDTH = 960;
const EDGE = 10;
/** The label column grows with the longest lane name, up to this width; longer names are shortened. */
const LABEL_COLUMN_MIN = 130;
const LABEL_COLUMN_MAX = 300;
const AXIS_RIGHT = WIDTH - 40;
const LANE_HEIGHT = 22;
const LANE_GAP = 6;
const LINE_HEIGHT = 16;
const FONT = 'font-family="Helvetica, Arial, sans-serif"';
/** Space kept between two labels on one row. */
const LABEL_GAP = 4;
const TICK_FONT = 10;
const SEGMENT_FONT = 11;
const TEXT_FONT = 12;

const FILL: Record<Tone, string> = {
  init: '#bcbddc',
  starting: '#9ecae1',
  probing: '#c7e9c0',
  serving: '#74c476',
  waiting: '#fdd0a2',
  draining: '#6baed6',
  margin: '#d9d9d9',
  failing: '#fc9272',
  danger: '#cb181d',
};

/** What each colour means, in the order the legend lists them. */
const LEGEND: Record<Tone, string> = {
  init: 'init containers, pod start',
  starting: 'starting or running',
  probing: 'startup probe window',
  serving: 'serving',
  waiting: 'waiting (minReady, preStop, out of rotation)',
  draining: 'draining or stopping',
  margin: 'spare time (grace margin, back-off)',
  failing: 'probe failing',
  danger: 'restart or SIGKILL',
};

/**
 * Helvetica's advance widths in thousandths of an em (its AFM metrics), by class of character, each
 * class at its widest member, so that an estimate is never narrower than the text as drawn (bold
 * glyphs are up to 11 % wider). Anything else (`@`, `…`, letters beyond ASCII) counts as the widest.
 */
function glyphWidth(character: string): number {
  if ("iljI.,:;|!'".includes(character)) return 278;
  if (' ()[]{}/\\-ftr"*`^'.includes(character)) return 389;
  if (/[a-z0-9_?$#+=<>~]/.test(character) && character !== 'm' && character !== 'w') return 584;
  if (/[A-Z&]/.test(character) && character !== 'M' && character !== 'W') return 778;
  if ('mwMW%'.includes(character)) return 944;
  return 1015;
}

export function textWidth(text: string, fontSize: number, bold = false): number {
  let thousandths = 0;
  for (const character of text) thousandths += glyphWidth(character);
  return ((thousandths * fontSize) / 1000) * (bold ? 1.11 : 1);
}

/** Greedy word wrap to a width; a single word wider than the width is cut between characters. */
export function wrapText(text: string, fontSize: number, maxWidth: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, fontSize, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const character of word) {
      if (line !== '' && textWidth(line + character, fontSize, bold) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += character;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The text cut to fit a width, ending in an ellipsis when anything was cut. */
function shorten(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  let kept = '';
  for (const character of text) {
    if (textWidth(`${kept}${character}…`, fontSize) > maxWidth) break;
    kept += character;
  }
  return `${kept}…`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A tick step of 1, 2 or 5 × 10^n giving at most about ten ticks, each far enough apart for its label. */
function tickStep(end: number, pixelsPerSecond: number): number {
  const widest = textWidth(`${end}s`, TICK_FONT) + LABEL_GAP;
  const rough = Math.max(end / 10, widest / pixelsPerSecond);
  const power = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= rough) ?? 10 * power;
}

interface Layout {
  readonly labelColumn: number;
  readonly axisLeft: number;
}

function section(block: TimelineSection, top: number, layout: Layout): { svg: string[]; height: number } {
  const { labelColumn, axisLeft } = layout;
  const pixelsPerSecond = (AXIS_RIGHT - axisLeft) / block.end;
  const scale = (seconds: number) => axisLeft + seconds * pixelsPerSecond;
  const svg: string[] = [];
  let y = top;
  svg.push(`<text x="${EDGE}" y="${y + 14}" ${FONT} font-size="15" font-weight="bold">${escape(block.title)}</text>`);
  const originX = Math.max(axisLeft, EDGE + textWidth(block.title, 15, true) + 12);
  svg.push(
    `<text x="${originX.toFixed(1)}" y="${y + 14}" ${FONT} font-size="${TEXT_FONT}" fill="#555">t = 0: ${escape(block.origin)}</text>`,
  );
  y += 24;

  // Event times above the lanes: each label goes to the first row where it clears the label before
  // it, so close events (159 s and 160 s) never overlap however many there are.
  const markerTop = y;
  const rowEnds: number[] = [];
  const labels: string[] = [];
  for (const event of block.events) {
    const x = scale(event.at);
    const text = `${event.at}s`;
    const halfWidth = textWidth(text, TICK_FONT) / 2;
    let row = rowEnds.findIndex((end) => x - halfWidth >= end + LABEL_GAP);
    if (row < 0) row = rowEnds.push(-Infinity) - 1;
    rowEnds[row] = x + halfWidth;
    labels.push(
      `<text x="${x.toFixed(1)}" y="${markerTop + 11 + row * 12}" ${FONT} font-size="${TICK_FONT}" text-anchor="middle" fill="#333">${text}</text>`,
    );
  }
  svg.push(...labels);
  y += 28 + 12 * Math.max(0, rowEnds.length - 2);

  for (const lane of block.lanes) {
    const name = shorten(lane.name, TEXT_FONT, labelColumn - EDGE);
    const tooltip = name === lane.name ? '' : `<title>${escape(lane.name)}</title>`;
    svg.push(`<text x="${labelColumn}" y="${y + 15}" ${FONT} font-size="${TEXT_FONT}" text-anchor="end">${tooltip}${escape(name)}</text>`);
    lane.segments.forEach((segment, index) => {
      // Rounded once, so that a label's position is exactly its bar's plus 4.
      const x = Number(scale(segment.from).toFixed(1));
      const width = Math.max(Number((scale(segment.to) - x).toFixed(1)), 0);
      if (width === 0) return;
      svg.push(
        `<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${LANE_HEIGHT}" rx="3" fill="${FILL[segment.tone]}" stroke="#ffffff"/>`,
      );
      // The whole label inside the bar, else its duration alone; the last bar of a lane may write
      // its label after itself, where the lane is empty.
      const seconds = `${segment.to - segment.from}s`;
      const full = segment.openEnded ? segment.label : `${segment.label} ${seconds}`;
      const inside = [full, segment.openEnded ? '' : seconds].find((text) => text !== '' && textWidth(text, SEGMENT_FONT) + 8 <= width);
      const color = segment.tone === 'danger' ? '#ffffff' : '#1a1a1a';
      if (inside !== undefined) {
        svg.push(
          `<text x="${(x + 4).toFixed(1)}" y="${y + 15}" ${FONT} font-size="${SEGMENT_FONT}" fill="${color}">${escape(inside)}</text>`,
        );
      } else if (index === lane.segments.length - 1 && x + width + 4 + textWidth(full, SEGMENT_FONT) <= WIDTH - EDGE) {
        svg.push(
          `<text x="${(x + width + 4).toFixed(1)}" y="${y + 15}" ${FONT} font-size="${SEGMENT_FONT}" fill="#1a1a1a">${escape(full)}</text>`,
        );
      }
    });
    y += LANE_HEIGHT + LANE_GAP;
  }

  const axisY = y + 2;
  for (const event of block.events) {
    const x = scale(event.at).toFixed(1);
    svg.push(`<line x1="${x}" y1="${markerTop + 16}" x2="${x}" y2="${axisY}" stroke="#555" stroke-dasharray="3,3"/>`);
  }
  svg.push(`<line x1="${axisLeft}" y1="${axisY}" x2="${AXIS_RIGHT}" y2="${axisY}" stroke="#333"/>`);
  const step = tickStep(block.end, pixelsPerSecond);
  for (let tick = 0; tick <= block.end; tick += step) {
    const x = scale(tick).toFixed(1);
    svg.push(`<line x1="${x}" y1="${axisY}" x2="${x}" y2="${axisY + 4}" stroke="#333"/>`);
    svg.push(`<text x="${x}" y="${axisY + 16}" ${FONT} font-size="${TICK_FONT}" text-anchor="middle" fill="#555">${tick}s</text>`);
  }
  y = axisY + 34;

  const textColumn = WIDTH - EDGE - axisLeft;
  for (const event of block.events) {
    svg.push(
      `<text x="${axisLeft - 8}" y="${y}" ${FONT} font-size="${TEXT_FONT}" text-anchor="end" font-weight="bold">${event.at}s</text>`,
    );
    for (const line of wrapText(event.label, TEXT_FONT, textColumn)) {
      svg.push(`<text x="${axisLeft}" y="${y}" ${FONT} font-size="${TEXT_FONT}">${escape(line)}</text>`);
      y += LINE_HEIGHT;
    }
  }
  for (const note of block.notes) {
    for (const line of wrapText(note, TEXT_FONT, textColumn)) {
      svg.push(`<text x="${axisLeft}" y="${y}" ${FONT} font-size="${TEXT_FONT}" font-style="italic" fill="#555">${escape(line)}</text>`);
      y += LINE_HEIGHT;
    }
  }
  return { svg, height: y - top + 10 };
}

/** Swatches of the colours the picture uses, with their meaning, in rows that wrap at the canvas edge. */
function legend(tones: ReadonlySet<Tone>, top: number): { svg: string[]; height: number } {
  const svg: string[] = [];
  let x = EDGE;
  let y = top;
  for (const tone of Object.keys(LEGEND) as Tone[]) {
    if (!tones.has(tone)) continue;
    const width = 14 + 4 + textWidth(LEGEND[tone], TEXT_FONT) + 16;
    if (x > EDGE && x + width > WIDTH - EDGE) {
      x = EDGE;
      y += 20;
    }
    svg.push(`<rect x="${x}" y="${y}" width="14" height="12" rx="2" fill="${FILL[tone]}"/>`);
    svg.push(`<text x="${x + 18}" y="${y + 10}" ${FONT} font-size="${TEXT_FONT}" fill="#333">${escape(LEGEND[tone])}</text>`);
    x += width;
  }
  return { svg, height: y - top + 20 };
}

export function timelineSvg(model: Timeline): string {
  const laneNames = model.sections.flatMap((block) => block.lanes.map((lane) => lane.name));
  const labelColumn = Math.ceil(
    Math.min(LABEL_COLUMN_MAX, Math.max(LABEL_COLUMN_MIN, EDGE + Math.max(0, ...laneNames.map((name) => textWidth(name, TEXT_FONT))))),
  );
  const layout: Layout = { labelColumn, axisLeft: labelColumn + 10 };
  const parts: string[] = [];
  let y = 16;
  for (const line of wrapText(`${model.workload}: lifecycle timeline`, 18, WIDTH - 2 * EDGE, true)) {
    parts.push(`<text x="${EDGE}" y="${y + 12}" ${FONT} font-size="18" font-weight="bold">${escape(line)}</text>`);
    y += 22;
  }
  y += 6;
  const tones = new Set(model.sections.flatMap((block) => block.lanes.flatMap((lane) => lane.segments.map((segment) => segment.tone))));
  const key = legend(tones, y);
  parts.push(...key.svg);
  y += key.height + 12;
  for (const block of model.sections) {
    const rendered = section(block, y, layout);
    parts.push(...rendered.svg);
    y += rendered.height + 14;
  }
  const height = Math.ceil(y);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...parts.map((part) => `  ${part}`),
    `</svg>`,
    '',
  ].join('\n');
}
