// The layout of a PRISMA 2020 flow diagram, as the statement's template draws it (Page et al.,
// BMJ 2021;372:n71, figure 1): the phases on the left (identification, screening, included), the
// databases-and-registers arm in two columns (each box with the records it loses to its right), the
// other-methods arm beside it when the review searched other sources, and the previous version's
// studies on the far left of an updated review. Boxes hold lines of text already wrapped to their
// width, so that SVG and TikZ draw the same diagram; positions are in points, y growing downwards.

import { formatCount } from './checkPrismaArithmetic';
import { countOf, type PrismaCounts, type PrismaQuantity } from './prismaCounts';

/** How a box is drawn. */
export type DiagramBoxStyle = 'count' | 'phase' | 'databases-title' | 'other-title' | 'previous-title';

/** One box of the diagram, with its text wrapped into lines. */
export interface DiagramBox {
  readonly id: string;
  readonly style: DiagramBoxStyle;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly string[];
  /** The counts the box prints, so that a reader (or a test) can find each count in its box. */
  readonly quantities: readonly PrismaQuantity[];
}

/** An arrow from one box to another, as the points of its path. */
export interface DiagramArrow {
  readonly from: string;
  readonly to: string;
  readonly points: ReadonlyArray<{ readonly x: number; readonly y: number }>;
}

/** A laid-out flow diagram. */
export interface FlowDiagram {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly DiagramBox[];
  readonly arrows: readonly DiagramArrow[];
  /** The font size the lines were wrapped for, in points. */
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly padding: number;
}

const FONT_SIZE = 9;
const LINE_HEIGHT = 11;
const PADDING = 5;
/** The average advance of a character of a sans-serif font, as a share of the font size. */
const CHARACTER_WIDTH = 0.52;
const COLUMN_WIDTH = 170;
const PHASE_WIDTH = 22;
const GAP_X = 22;
const GAP_Y = 20;
const TITLE_HEIGHT = 30;

/** Wraps one line of text into lines of at most `columns` characters, at spaces. */
function wrapLine(text: string, columns: number, indent: string): string[] {
  const lines: string[] = [];
  let current = '';
  // Only plain spaces break a line: a count's "(n = 1,532)" is held together by no-break spaces.
  for (const word of text.split(/ +/).filter((part) => part !== '')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (candidate.length > columns && current !== '') {
      lines.push(current);
      current = `${indent}${word}`;
    } else {
      current = candidate;
    }
  }
  lines.push(current);
  return lines;
}

/** Wraps the lines of a box to its width; a wrapped item keeps the indent of its first line. */
function wrapLines(lines: readonly string[], width: number): string[] {
  const columns = Math.max(10, Math.floor((width - 2 * PADDING) / (FONT_SIZE * CHARACTER_WIDTH)));
  return lines.flatMap((line) => {
    const indent = /^\s*/.exec(line)![0];
    return wrapLine(line, columns, `${indent}  `).map((wrapped, index) =>
      index === 0 ? `${indent}${wrapped.trimStart()}` : wrapped,
    );
  });
}

/** "(n = 1,532)" with no-break spaces, or "(n = ?)" for a count the file does not give. */
function countText(counts: PrismaCounts, quantity: PrismaQuantity): string {
  const count = countOf(counts, quantity);
  return `(n\u00a0=\u00a0${count === undefined ? '?' : formatCount(count)})`;
}

/** The content of a box before layout: its id, its lines and the counts it prints. */
interface BoxContent {
  readonly id: string;
  readonly lines: string[];
  readonly quantities: PrismaQuantity[];
}

/** Builds a box's content from a heading and items, each naming the count it prints. */
function content(
  counts: PrismaCounts,
  id: string,
  heading: string | undefined,
  items: ReadonlyArray<{ label: string; quantity: PrismaQuantity; optional?: boolean }>,
): BoxContent {
  const lines: string[] = heading ? [heading] : [];
  const quantities: PrismaQuantity[] = [];
  for (const item of items) {
    if (item.optional && !counts.values.has(item.quantity)) {
      continue;
    }
    const value = counts.values.get(item.quantity);
    quantities.push(item.quantity);
    const indent = heading ? '  ' : '';
    lines.push(`${indent}${item.label} ${countText(counts, item.quantity)}`);
    // The items of a breakdown (the databases searched, the reasons for exclusion) are listed under its total.
    for (const part of value?.items ?? []) {
      lines.push(`${indent}  ${part.label} (n\u00a0=\u00a0${formatCount(part.count)})`);
    }
  }
  return { id, lines, quantities };
}

/** Whether the review searched other sources (websites, organisations, citations). */
function hasOtherArm(counts: PrismaCounts): boolean {
  return (
    ['website_results', 'organisation_results', 'citations_results', 'other_sought_reports', 'other_assessed'] as const
  ).some((quantity) => (countOf(counts, quantity) ?? 0) > 0);
}

/** Whether the review updates a previous version. */
function hasPreviousVersion(counts: PrismaCounts): boolean {
  return (countOf(counts, 'previous_studies') ?? 0) > 0 || (countOf(counts, 'previous_reports') ?? 0) > 0;
}

/**
 * Lays out the flow diagram of a counts file as the PRISMA 2020 template draws it. Counts the file
 * does not give print as "n = ?", so that a half-filled file still shows where it stands.
 */
export function layoutFlowDiagram(counts: PrismaCounts): FlowDiagram {
  const other = hasOtherArm(counts);
  const previous = hasPreviousVersion(counts);
  const specific = (quantity: PrismaQuantity) => counts.values.get(quantity)?.items !== undefined;
  const rows: Array<Record<string, BoxContent | undefined>> = [];

  // Identification.
  rows.push({
    previous: previous
      ? content(counts, 'previous', undefined, [
          { label: 'Studies included in previous version of review', quantity: 'previous_studies' },
          { label: 'Reports of studies included in previous version of review', quantity: 'previous_reports' },
        ])
      : undefined,
    main: content(counts, 'identified', 'Records identified from:', [
      specific('database_specific_results')
        ? { label: 'Databases', quantity: 'database_specific_results' }
        : { label: 'Databases', quantity: 'database_results' },
      specific('register_specific_results')
        ? { label: 'Registers', quantity: 'register_specific_results' }
        : { label: 'Registers', quantity: 'register_results', optional: true },
    ]),
    side: content(counts, 'removed', 'Records removed before screening:', [
      { label: 'Duplicate records removed', quantity: 'duplicates' },
      { label: 'Records marked as ineligible by automation tools', quantity: 'excluded_automatic', optional: true },
      { label: 'Records removed for other reasons', quantity: 'excluded_other', optional: true },
    ]),
    otherMain: other
      ? content(counts, 'other-identified', 'Records identified from:', [
          { label: 'Websites', quantity: 'website_results', optional: true },
          { label: 'Organisations', quantity: 'organisation_results', optional: true },
          { label: 'Citation searching', quantity: 'citations_results', optional: true },
        ])
      : undefined,
  });
  // Screening.
  rows.push({
    main: content(counts, 'screened', undefined, [{ label: 'Records screened', quantity: 'records_screened' }]),
    side: content(counts, 'records-excluded', undefined, [{ label: 'Records excluded', quantity: 'records_excluded' }]),
  });
  rows.push({
    main: content(counts, 'sought', undefined, [
      { label: 'Reports sought for retrieval', quantity: 'dbr_sought_reports' },
    ]),
    side: content(counts, 'not-retrieved', undefined, [
      { label: 'Reports not retrieved', quantity: 'dbr_notretrieved_reports' },
    ]),
    otherMain: other
      ? content(counts, 'other-sought', undefined, [
          { label: 'Reports sought for retrieval', quantity: 'other_sought_reports' },
        ])
      : undefined,
    otherSide: other
      ? content(counts, 'other-not-retrieved', undefined, [
          { label: 'Reports not retrieved', quantity: 'other_notretrieved_reports' },
        ])
      : undefined,
  });
  rows.push({
    main: content(counts, 'assessed', undefined, [
      { label: 'Reports assessed for eligibility', quantity: 'dbr_assessed' },
    ]),
    side: content(counts, 'reports-excluded', undefined, [{ label: 'Reports excluded', quantity: 'dbr_excluded' }]),
    otherMain: other
      ? content(counts, 'other-assessed', undefined, [
          { label: 'Reports assessed for eligibility', quantity: 'other_assessed' },
        ])
      : undefined,
    otherSide: other
      ? content(counts, 'other-reports-excluded', undefined, [
          { label: 'Reports excluded', quantity: 'other_excluded' },
        ])
      : undefined,
  });
  // Included.
  rows.push({
    main: previous
      ? content(counts, 'included', undefined, [
          { label: 'New studies included in review', quantity: 'new_studies' },
          { label: 'Reports of new included studies', quantity: 'new_reports', optional: true },
        ])
      : content(counts, 'included', undefined, [
          {
            label: 'Studies included in review',
            quantity: counts.values.has('new_studies') ? 'new_studies' : 'total_studies',
          },
          {
            label: 'Reports of included studies',
            quantity: counts.values.has('new_reports') ? 'new_reports' : 'total_reports',
            optional: true,
          },
        ]),
  });
  if (previous) {
    rows.push({
      main: content(counts, 'total', undefined, [
        { label: 'Total studies included in review', quantity: 'total_studies' },
        { label: 'Reports of total included studies', quantity: 'total_reports', optional: true },
      ]),
    });
  }
  if (counts.values.has('total_studies_ma')) {
    rows.push({
      main: content(counts, 'meta-analysis', undefined, [
        { label: 'Studies included in meta-analysis', quantity: 'total_studies_ma' },
        { label: 'Reports of studies included in meta-analysis', quantity: 'total_reports_ma', optional: true },
      ]),
    });
  }

  // Columns, left to right.
  const columnX: Record<string, number> = {};
  let x = 0;
  columnX.phase = x;
  x += PHASE_WIDTH + GAP_X / 2;
  if (previous) {
    columnX.previous = x;
    x += COLUMN_WIDTH + GAP_X;
  }
  columnX.main = x;
  columnX.side = x + COLUMN_WIDTH + GAP_X;
  x = columnX.side + COLUMN_WIDTH;
  if (other) {
    x += GAP_X * 1.5;
    columnX.otherMain = x;
    columnX.otherSide = x + COLUMN_WIDTH + GAP_X;
    x = columnX.otherSide + COLUMN_WIDTH;
  }
  const width = x;

  const boxes: DiagramBox[] = [];
  const place = (
    id: string,
    style: DiagramBoxStyle,
    bx: number,
    by: number,
    bw: number,
    bh: number,
    lines: string[],
    quantities: PrismaQuantity[] = [],
  ) => boxes.push({ id, style, x: bx, y: by, width: bw, height: bh, lines, quantities });

  // Title bars.
  let y = 0;
  if (previous) {
    place(
      'previous-title',
      'previous-title',
      columnX.previous,
      y,
      COLUMN_WIDTH,
      TITLE_HEIGHT,
      wrapLines(['Previous studies'], COLUMN_WIDTH),
    );
  }
  place(
    'databases-title',
    'databases-title',
    columnX.main,
    y,
    columnX.side + COLUMN_WIDTH - columnX.main,
    TITLE_HEIGHT,
    wrapLines(['Identification of new studies via databases and registers'], 2 * COLUMN_WIDTH),
  );
  if (other) {
    place(
      'other-title',
      'other-title',
      columnX.otherMain,
      y,
      columnX.otherSide + COLUMN_WIDTH - columnX.otherMain,
      TITLE_HEIGHT,
      wrapLines(['Identification of new studies via other methods'], 2 * COLUMN_WIDTH),
    );
  }
  y += TITLE_HEIGHT + GAP_Y;

  const rowTops: number[] = [];
  const rowHeights: number[] = [];
  for (const row of rows) {
    const wrapped = Object.fromEntries(
      Object.entries(row)
        .filter((entry): entry is [string, BoxContent] => entry[1] !== undefined)
        .map(([column, box]) => [column, { box, lines: wrapLines(box.lines, COLUMN_WIDTH) }]),
    );
    const height = Math.max(...Object.values(wrapped).map(({ lines }) => lines.length * LINE_HEIGHT + 2 * PADDING));
    rowTops.push(y);
    rowHeights.push(height);
    for (const [column, { box, lines }] of Object.entries(wrapped)) {
      place(box.id, 'count', columnX[column], y, COLUMN_WIDTH, height, lines, box.quantities);
    }
    y += height + GAP_Y;
  }
  const height = y - GAP_Y;

  // Phase bars: identification is the first row, screening the next three, included the rest.
  const phase = (id: string, label: string, from: number, to: number) =>
    place(id, 'phase', columnX.phase, rowTops[from], PHASE_WIDTH, rowTops[to] + rowHeights[to] - rowTops[from], [
      label,
    ]);
  phase('identification', 'Identification', 0, 0);
  phase('screening', 'Screening', 1, 3);
  phase('included-phase', 'Included', 4, rows.length - 1);

  // Arrows: down each main column, right into each box's side box, and from the other arm's last
  // box and the previous studies into the box they add to.
  const byId = new Map(boxes.map((box) => [box.id, box]));
  const arrows: DiagramArrow[] = [];
  const down = (from: string, to: string) => {
    const a = byId.get(from);
    const b = byId.get(to);
    if (a && b) {
      const ax = a.x + a.width / 2;
      arrows.push({
        from,
        to,
        points: [
          { x: ax, y: a.y + a.height },
          { x: ax, y: b.y },
        ],
      });
    }
  };
  const right = (from: string, to: string) => {
    const a = byId.get(from);
    const b = byId.get(to);
    if (a && b) {
      const ay = a.y + a.height / 2;
      arrows.push({
        from,
        to,
        points: [
          { x: a.x + a.width, y: ay },
          { x: b.x, y: ay },
        ],
      });
    }
  };
  const elbow = (from: string, to: string) => {
    const a = byId.get(from);
    const b = byId.get(to);
    if (a && b) {
      const ax = a.x + a.width / 2;
      const by = b.y + b.height / 2;
      const bx = b.x < a.x ? b.x + b.width : b.x;
      arrows.push({
        from,
        to,
        points: [
          { x: ax, y: a.y + a.height },
          { x: ax, y: by },
          { x: bx, y: by },
        ],
      });
    }
  };
  down('identified', 'screened');
  right('identified', 'removed');
  down('screened', 'sought');
  right('screened', 'records-excluded');
  down('sought', 'assessed');
  right('sought', 'not-retrieved');
  down('assessed', 'included');
  right('assessed', 'reports-excluded');
  if (other) {
    down('other-identified', 'other-sought');
    down('other-sought', 'other-assessed');
    right('other-sought', 'other-not-retrieved');
    right('other-assessed', 'other-reports-excluded');
    elbow('other-assessed', 'included');
  }
  if (previous) {
    down('included', 'total');
    elbow('previous', 'total');
  }
  if (byId.has('meta-analysis')) {
    down(previous ? 'total' : 'included', 'meta-analysis');
  }
  return { width, height, boxes, arrows, fontSize: FONT_SIZE, lineHeight: LINE_HEIGHT, padding: PADDING };
}
