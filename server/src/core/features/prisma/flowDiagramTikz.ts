// Feature: PRISMA 2020 flow diagram as TikZ
//
// Draws the laid-out diagram (layoutFlowDiagram.ts) as a `tikzpicture` that needs only the tikz
// package (no TikZ library): boxes at the layout's positions with the layout's line breaks, so that
// TeX does not re-wrap them and the boxes keep their sizes; arrows with the built-in `latex` heads.
// The picture is scaled to the line width, and every string from the counts file is
// escaped for LaTeX.

import { escapeLatex } from '../../base/latexEscape';
import type { DiagramBox, FlowDiagram } from '../../prisma/layoutFlowDiagram';

const COLOURS: Readonly<Record<DiagramBox['style'], string>> = {
  count: 'white',
  phase: 'prismaBlue',
  'databases-title': 'prismaYellow',
  'other-title': 'prismaGrey',
  'previous-title': 'prismaGrey',
};

const round = (value: number) => (Math.round(value * 10) / 10).toString();

function drawBox(box: DiagramBox, diagram: FlowDiagram): string {
  const at = `(${round(box.x)},${round(-box.y)})`;
  const size = `minimum width=${round(box.width)}pt, minimum height=${round(box.height)}pt`;
  if (box.style === 'phase') {
    // A phase bar is a rectangle with its name written upwards in the middle.
    const centre = `(${round(box.x + box.width / 2)},${round(-(box.y + box.height / 2))})`;
    return [
      `  \\filldraw[fill=${COLOURS.phase}, rounded corners=2pt] ${at} rectangle ++(${round(box.width)},${round(-box.height)});`,
      `  \\node[rotate=90, font=\\bfseries\\footnotesize] at ${centre} {${escapeLatex(box.lines[0] ?? '')}};`,
    ].join('\n');
  }
  const centred = box.style !== 'count';
  const lines = box.lines.map((line) => {
    const indent = /^ */.exec(line)![0].length;
    // A no-break space of the layout (inside "(n = 1,532)") is a tie.
    const text = escapeLatex(line.trim()).replace(/\u00a0/g, '~');
    return indent > 0 ? `\\hspace*{${indent * 0.25}em}${text}` : text;
  });
  const style = [
    'draw',
    `fill=${COLOURS[box.style]}`,
    ...(centred
      ? ['rounded corners=2pt', 'font=\\bfseries\\footnotesize', 'align=center']
      : ['font=\\footnotesize', 'align=left']),
    'anchor=north west',
    `text width=${round(box.width - 2 * diagram.padding)}pt`,
    `inner sep=${diagram.padding}pt`,
    size,
  ];
  return `  \\node[${style.join(', ')}] at ${at} {${lines.join('\\\\ ')}};`;
}

/**
 * Renders a flow diagram as a `tikzpicture`, to be put in a figure; the preamble needs
 * `\usepackage{tikz}` (which loads graphicx for the scaling to the line width).
 */
export function renderFlowDiagramTikz(diagram: FlowDiagram): string {
  const arrows = diagram.arrows.map(
    (arrow) =>
      `  \\draw[-latex, line width=0.6pt] ${arrow.points.map((point) => `(${round(point.x)},${round(-point.y)})`).join(' -- ')};`,
  );
  return [
    '% PRISMA 2020 flow diagram, drawn by FM Atlas from the review\u2019s counts. Needs \\usepackage{tikz}.',
    '\\definecolor{prismaBlue}{HTML}{A7C5EB}',
    '\\definecolor{prismaYellow}{HTML}{FFD966}',
    '\\definecolor{prismaGrey}{HTML}{D9D9D9}',
    '\\resizebox{\\linewidth}{!}{%',
    '\\begin{tikzpicture}[x=1pt, y=1pt, line width=0.6pt]',
    ...diagram.boxes.map((box) => drawBox(box, diagram)),
    ...arrows,
    '\\end{tikzpicture}%',
    '}',
    '',
  ].join('\n');
}
