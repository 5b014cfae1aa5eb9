// Feature: PRISMA 2020 flow diagram as SVG
//
// Draws the laid-out diagram (layoutFlowDiagram.ts) as a standalone SVG document: the template's
// colours (blue phase bars, a yellow title over the databases arm, grey over other methods and the
// previous version), black boxes, arrows with heads. Every string from the counts file (database
// names, reasons) is escaped as XML text, since the SVG is shown in a webview and in browsers.

import type { DiagramBox, FlowDiagram } from '../../prisma/layoutFlowDiagram';

const FILLS: Readonly<Record<DiagramBox['style'], string>> = {
  count: '#ffffff',
  phase: '#a7c5eb',
  'databases-title': '#ffd966',
  'other-title': '#d9d9d9',
  'previous-title': '#d9d9d9',
};

/** Escapes text for an XML text node or attribute value. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const round = (value: number) => Math.round(value * 10) / 10;

function drawBox(box: DiagramBox, diagram: FlowDiagram): string {
  const rect = `<rect x="${round(box.x)}" y="${round(box.y)}" width="${round(box.width)}" height="${round(box.height)}" rx="${box.style === 'count' ? 0 : 4}" fill="${FILLS[box.style]}" stroke="#000000" stroke-width="0.8"/>`;
  if (box.style === 'phase') {
    // The phase's name runs upwards along its bar, as in the template.
    const cx = round(box.x + box.width / 2);
    const cy = round(box.y + box.height / 2);
    return `${rect}\n  <text x="${cx}" y="${cy}" transform="rotate(-90 ${cx} ${cy})" text-anchor="middle" dominant-baseline="central" font-weight="bold">${escapeXml(box.lines[0] ?? '')}</text>`;
  }
  const centred = box.style !== 'count';
  const textHeight = box.lines.length * diagram.lineHeight;
  const top = box.y + (box.height - textHeight) / 2 + diagram.lineHeight * 0.8;
  const x = centred ? box.x + box.width / 2 : box.x + diagram.padding;
  const spans = box.lines.map((line, index) => {
    // Leading spaces indent an item under its heading; SVG collapses spaces, so they become an offset.
    const indent = /^ */.exec(line)![0].length;
    const lineX = centred ? x : x + indent * diagram.fontSize * 0.3;
    return `<tspan x="${round(lineX)}" y="${round(top + index * diagram.lineHeight)}">${escapeXml(line.trim())}</tspan>`;
  });
  const anchor = centred ? ' text-anchor="middle"' : '';
  const weight = centred ? ' font-weight="bold"' : '';
  return `${rect}\n  <text${anchor}${weight}>${spans.join('')}</text>`;
}

/** Renders a flow diagram as a standalone SVG document. */
export function renderFlowDiagramSvg(diagram: FlowDiagram, title = 'PRISMA 2020 flow diagram'): string {
  const margin = 6;
  const width = round(diagram.width + 2 * margin);
  const height = round(diagram.height + 2 * margin);
  const arrows = diagram.arrows.map(
    (arrow) =>
      `<polyline points="${arrow.points.map((point) => `${round(point.x)},${round(point.y)}`).join(' ')}" fill="none" stroke="#000000" stroke-width="0.8" marker-end="url(#arrowhead)"/>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}pt" height="${height}pt" viewBox="${-margin} ${-margin} ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="${diagram.fontSize}" role="img">`,
    `  <title>${escapeXml(title)}</title>`,
    '  <defs><marker id="arrowhead" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#000000"/></marker></defs>',
    ...diagram.boxes.map((box) => `  ${drawBox(box, diagram)}`),
    ...arrows.map((arrow) => `  ${arrow}`),
    '</svg>',
    '',
  ].join('\n');
}
