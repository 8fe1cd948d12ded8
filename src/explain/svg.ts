import type { Timeline, TimelineSection, Tone } from './timeline';

/**
 * The timeline as a standalone SVG picture for reviewers: one block per section, a bar per lane,
 * a dashed marker per event and the events listed under the axis. Built as text (no browser, no
 * DOM), deterministic, and sized to its content.
 */

const WIDTH = 960;
const LABEL_COLUMN = 130;
const AXIS_LEFT = LABEL_COLUMN + 10;
const AXIS_RIGHT = WIDTH - 40;
const LANE_HEIGHT = 22;
const LANE_GAP = 6;
const LINE_HEIGHT = 16;
const FONT = 'font-family="Helvetica, Arial, sans-serif"';
/** Average glyph width of 11 px Helvetica, to decide whether a label fits inside its bar. */
const CHAR_WIDTH = 6.2;
/** Average glyph width of the 10 px tick labels, and the space kept between two of them. */
const TICK_CHAR_WIDTH = 6;
const TICK_GAP = 4;

const FILL: Record<Tone, string> = {
  starting: '#9ecae1',
  probing: '#c7e9c0',
  serving: '#74c476',
  waiting: '#fdd0a2',
  draining: '#6baed6',
  margin: '#d9d9d9',
  failing: '#fc9272',
  danger: '#cb181d',
};

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A tick step of 1, 2 or 5 × 10^n giving at most about ten ticks. */
function tickStep(end: number): number {
  const rough = end / 10;
  const power = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= rough) ?? 10 * power;
}

function section(block: TimelineSection, top: number): { svg: string[]; height: number } {
  const scale = (seconds: number) => AXIS_LEFT + (seconds / block.end) * (AXIS_RIGHT - AXIS_LEFT);
  const svg: string[] = [];
  let y = top;
  svg.push(`<text x="10" y="${y + 14}" ${FONT} font-size="15" font-weight="bold">${escape(block.title)}</text>`);
  // Bold 15 px Helvetica averages about 9 px a glyph: the origin goes just right of the title.
  const originX = Math.max(AXIS_LEFT, 10 + block.title.length * 9 + 12);
  svg.push(`<text x="${originX}" y="${y + 14}" ${FONT} font-size="12" fill="#555">t = 0: ${escape(block.origin)}</text>`);
  y += 24;

  // Event times above the lanes: each label goes to the first row where it clears the label before
  // it, so close events (159 s and 160 s) never overlap however many there are.
  const markerTop = y;
  const rowEnds: number[] = [];
  const labels: string[] = [];
  for (const event of block.events) {
    const x = scale(event.at);
    const text = `${event.at}s`;
    const halfWidth = (text.length * TICK_CHAR_WIDTH) / 2;
    let row = rowEnds.findIndex((end) => x - halfWidth >= end + TICK_GAP);
    if (row < 0) row = rowEnds.push(-Infinity) - 1;
    rowEnds[row] = x + halfWidth;
    labels.push(
      `<text x="${x.toFixed(1)}" y="${markerTop + 11 + row * 12}" ${FONT} font-size="10" text-anchor="middle" fill="#333">${text}</text>`,
    );
  }
  svg.push(...labels);
  y += 28 + 12 * Math.max(0, rowEnds.length - 2);

  for (const lane of block.lanes) {
    svg.push(`<text x="${LABEL_COLUMN}" y="${y + 15}" ${FONT} font-size="12" text-anchor="end">${escape(lane.name)}</text>`);
    for (const segment of lane.segments) {
      const x = scale(segment.from);
      const width = Math.max(scale(segment.to) - x, 0);
      if (width === 0) continue;
      svg.push(
        `<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${LANE_HEIGHT}" rx="3" fill="${FILL[segment.tone]}" stroke="#ffffff"/>`,
      );
      const text = segment.openEnded ? segment.label : `${segment.label} ${segment.to - segment.from}s`;
      if (text.length * CHAR_WIDTH + 8 <= width) {
        const color = segment.tone === 'danger' ? '#ffffff' : '#1a1a1a';
        svg.push(`<text x="${(x + 4).toFixed(1)}" y="${y + 15}" ${FONT} font-size="11" fill="${color}">${escape(text)}</text>`);
      }
    }
    y += LANE_HEIGHT + LANE_GAP;
  }

  const axisY = y + 2;
  for (const event of block.events) {
    const x = scale(event.at).toFixed(1);
    svg.push(`<line x1="${x}" y1="${markerTop + 16}" x2="${x}" y2="${axisY}" stroke="#555" stroke-dasharray="3,3"/>`);
  }
  svg.push(`<line x1="${AXIS_LEFT}" y1="${axisY}" x2="${AXIS_RIGHT}" y2="${axisY}" stroke="#333"/>`);
  const step = tickStep(block.end);
  for (let tick = 0; tick <= block.end; tick += step) {
    const x = scale(tick).toFixed(1);
    svg.push(`<line x1="${x}" y1="${axisY}" x2="${x}" y2="${axisY + 4}" stroke="#333"/>`);
    svg.push(`<text x="${x}" y="${axisY + 16}" ${FONT} font-size="10" text-anchor="middle" fill="#555">${tick}s</text>`);
  }
  y = axisY + 34;

  for (const event of block.events) {
    svg.push(`<text x="${AXIS_LEFT - 8}" y="${y}" ${FONT} font-size="12" text-anchor="end" font-weight="bold">${event.at}s</text>`);
    svg.push(`<text x="${AXIS_LEFT}" y="${y}" ${FONT} font-size="12">${escape(event.label)}</text>`);
    y += LINE_HEIGHT;
  }
  for (const note of block.notes) {
    svg.push(`<text x="${AXIS_LEFT}" y="${y}" ${FONT} font-size="12" font-style="italic" fill="#555">${escape(note)}</text>`);
    y += LINE_HEIGHT;
  }
  return { svg, height: y - top + 10 };
}

export function timelineSvg(model: Timeline): string {
  const parts: string[] = [];
  let y = 16;
  parts.push(`<text x="10" y="${y + 12}" ${FONT} font-size="18" font-weight="bold">${escape(model.workload)}: lifecycle timeline</text>`);
  y += 36;
  for (const block of model.sections) {
    const rendered = section(block, y);
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
