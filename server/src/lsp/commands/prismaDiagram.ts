// fmAtlas.prismaDiagram: the PRISMA 2020 flow diagram of a counts file (or of a manuscript's counts
// file) as SVG for the view and TikZ for export, with the problems of its counts. `fm-atlas prisma`
// draws the same diagram.

import type { PRISMA_DIAGRAM_COMMAND } from '../../../../shared/commands';
import type { CommandHandler } from './commandHandler';
import { isRecord, isString } from './readArguments';

/** Draws the flow diagram in both formats the view needs. */
export const prismaDiagram: CommandHandler<typeof PRISMA_DIAGRAM_COMMAND> = {
  parse: (argument) =>
    isRecord(argument) && isString(argument.uri) ? { params: { uri: argument.uri } } : { error: 'Give { uri }.' },
  run: async (session, { uri }, token) => {
    const svg = session.service.drawFlowDiagram(uri, 'svg', token);
    const tikz = session.service.drawFlowDiagram(uri, 'tikz', token);
    if (!svg || !tikz) {
      return {
        error:
          'No PRISMA counts file here: add prisma.csv (the PRISMA2020 template) or a *.prisma.yaml file beside the manuscript or above it.',
      };
    }
    const counts = session.workspace.getDocument(svg.countsUri);
    const lines = counts ? session.workspace.lineIndex(counts) : undefined;
    return {
      countsUri: svg.countsUri,
      svg: svg.text,
      tikz: tikz.text,
      problems: svg.problems.map((problem) => {
        const position = lines?.positionAt(problem.offset);
        return position ? `${position.line + 1}:${position.character + 1}: ${problem.message}` : problem.message;
      }),
    };
  },
};
