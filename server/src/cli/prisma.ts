// `fm-atlas prisma FILE`: the PRISMA 2020 flow diagram of a counts file, as SVG, TikZ or JSON, with
// what does not add up on stderr. The diagram is the editor's (the same core feature draws both).

import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createLanguageService,
  DEFAULT_CORE_CONFIG,
  describeUnreadable,
  FLOW_DIAGRAM_FORMATS,
  NOT_CANCELLED,
  prismaFormatOfName,
  Workspace,
  type FlowDiagramFormat,
} from '../core';
import { readTextFile } from '../host/readTextFile';
import { inputError, usageError } from './cliError';

/** A drawn diagram and the problems of its counts, as lines `file:line:column: message`. */
export interface PrintedFlowDiagram {
  readonly text: string;
  readonly problems: readonly string[];
}

/**
 * Reads a counts file and draws its diagram. A file whose name is not one of the counts file names
 * (prisma.csv, *.prisma.csv, *.prisma.yaml) is read by its extension, so that any name works here.
 */
export async function printFlowDiagram(path: string, format: string | undefined): Promise<PrintedFlowDiagram> {
  const chosen = format ?? 'svg';
  if (!(FLOW_DIAGRAM_FORMATS as readonly string[]).includes(chosen)) {
    throw usageError(`--format must be ${FLOW_DIAGRAM_FORMATS.join(', ')}, not '${chosen}'`);
  }
  const name = basename(path);
  const extension = /\.(csv|ya?ml)$/i.exec(name)?.[1].toLowerCase();
  if (!prismaFormatOfName(name) && !extension) {
    throw usageError(
      `prisma: ${path} is neither a CSV nor a YAML file; give the PRISMA2020 template's CSV or a .prisma.yaml file`,
    );
  }
  const read = await readTextFile(path, { maxBytes: 1024 * 1024 });
  if ('skipped' in read) {
    throw inputError(`prisma: ${path}: ${describeUnreadable(read.unreadable)}`);
  }
  // A counts file under another name gets the name of its format, so the workspace reads it as one.
  const uri = prismaFormatOfName(name)
    ? pathToFileURL(path).toString()
    : `${pathToFileURL(path).toString()}.${extension === 'csv' ? 'prisma.csv' : 'prisma.yaml'}`;
  const workspace = new Workspace();
  const document = workspace.setDocument(uri, read.text, 0, 'prisma');
  const service = createLanguageService({ workspace, config: () => DEFAULT_CORE_CONFIG });
  const drawn = service.drawFlowDiagram(uri, chosen as FlowDiagramFormat, NOT_CANCELLED);
  if (!document || !drawn) {
    throw inputError(`prisma: ${path} could not be read as a counts file`);
  }
  const lines = workspace.lineIndex(document);
  return {
    text: drawn.text,
    problems: drawn.problems.map((problem) => {
      const position = lines.positionAt(problem.offset);
      return `${path}:${position.line + 1}:${position.character + 1}: ${problem.message}`;
    }),
  };
}
