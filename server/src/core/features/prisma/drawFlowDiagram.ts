// Feature: PRISMA 2020 flow diagram
//
// Draws the flow diagram of a counts file of the workspace (prisma.csv, *.prisma.csv,
// *.prisma.yaml) in the format asked for: SVG for the webview and for web pages, TikZ for a LaTeX
// figure, or JSON (the counts, what does not add up, and the laid-out boxes) for other tools. The
// same text comes out of `fm-atlas prisma` and the editor's view, so a figure in CI matches the
// editor's. The problems of the counts come with it, so that a diagram of counts that do not add up
// never goes out unremarked.

import { checkPrismaArithmetic } from '../../prisma/checkPrismaArithmetic';
import { layoutFlowDiagram } from '../../prisma/layoutFlowDiagram';
import { findCountsDocument } from '../../prisma/manuscriptCounts';
import { prismaCountsOfDocument } from '../../prisma/parsePrismaCounts';
import type { Workspace } from '../../workspace/workspace';
import { renderFlowDiagramSvg } from './flowDiagramSvg';
import { renderFlowDiagramTikz } from './flowDiagramTikz';

/** The formats a flow diagram is drawn in. */
export const FLOW_DIAGRAM_FORMATS = ['svg', 'tikz', 'json'] as const;

/** A format of the flow diagram. */
export type FlowDiagramFormat = (typeof FLOW_DIAGRAM_FORMATS)[number];

/** A problem of the counts behind a diagram, at its offset in the counts file. */
export interface FlowDiagramProblem {
  readonly offset: number;
  readonly message: string;
}

/** A drawn diagram and the problems of its counts. */
export interface DrawnFlowDiagram {
  readonly text: string;
  readonly problems: readonly FlowDiagramProblem[];
  /** The counts file the diagram was drawn from. */
  readonly countsUri: string;
}

/**
 * Draws the flow diagram of the counts file at `uri`, or of a manuscript's counts file (the one the
 * project configuration names, `configuredCounts`, else the nearest at or above its folder).
 * Undefined when there is none.
 */
export function drawFlowDiagram(
  workspace: Workspace,
  uri: string,
  format: FlowDiagramFormat,
  configuredCounts?: string,
): DrawnFlowDiagram | undefined {
  const named = workspace.getDocument(uri);
  const document = named?.kind === 'prisma' ? named : findCountsDocument(workspace, uri, configuredCounts);
  if (!document) {
    return undefined;
  }
  const counts = prismaCountsOfDocument(document);
  const arithmetic = checkPrismaArithmetic(counts);
  const problems = [
    ...counts.problems.map((problem) => ({ offset: problem.range.start, message: problem.message })),
    ...arithmetic.map((problem) => ({ offset: problem.range.start, message: problem.message })),
  ].sort((a, b) => a.offset - b.offset);
  const diagram = layoutFlowDiagram(counts);
  switch (format) {
    case 'svg':
      return { text: renderFlowDiagramSvg(diagram), problems, countsUri: document.uri };
    case 'tikz':
      return { text: renderFlowDiagramTikz(diagram), problems, countsUri: document.uri };
    case 'json': {
      const values = Object.fromEntries(
        [...counts.values.values()].map((value) => [
          value.quantity,
          value.items ? { count: value.count, items: value.items } : value.count,
        ]),
      );
      const report = {
        counts: values,
        arithmetic: arithmetic.map(({ quantity, actual, expected, message }) => ({
          quantity,
          actual,
          expected,
          message,
        })),
        diagram,
      };
      return { text: `${JSON.stringify(report, null, 2)}\n`, problems, countsUri: document.uri };
    }
  }
}
