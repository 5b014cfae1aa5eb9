// The script of the meta-analysis webview (bundled to dist/webview/metaAnalysis.js). It draws each
// chart from the server's Vega-Lite spec in the editor's theme colours, shows the counts beside it,
// exports figures, and lists the coverage. Every string from the catalogue goes into the page as a
// text node or SVG text, never as HTML, so hostile names in a user catalogue render as text.

import { parse, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { CoverageEntry, MetaAnalysisChart, MetaAnalysisResult, MetaAnalysisScope } from '../../shared/commands';
import type { FromWebview, ToWebview } from '../src/metaAnalysisMessages';

declare function acquireVsCodeApi(): {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
};

const vscode = acquireVsCodeApi();
const chartsElement = document.getElementById('charts')!;
const descriptionElement = document.getElementById('description')!;
const coverageElement = document.getElementById('coverage') as HTMLDivElement;
const views: View[] = [];

/** Creates an element with text content and attributes; the only way this script adds markup. */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (text !== undefined) {
    created.textContent = text;
  }
  for (const [name, value] of Object.entries(attributes)) {
    created.setAttribute(name, value);
  }
  return created;
}

/** A view of a Vega-Lite spec that runs without eval, as the page's CSP requires. */
function createView(
  spec: Record<string, unknown>,
  options: { container?: HTMLElement; renderer: 'svg' | 'none' },
): View {
  const runtime = parse(compile(spec as unknown as TopLevelSpec).spec, undefined, { ast: true });
  return new View(runtime, {
    expr: expressionInterpreter,
    renderer: options.renderer,
    container: options.container,
    hover: true,
  });
}

/** The print spec recoloured for the editor theme and sized to the space the panel gives it. */
function themed(spec: Record<string, unknown>, availableWidth: number): Record<string, unknown> {
  const style = getComputedStyle(document.body);
  const foreground = style.getPropertyValue('--vscode-editor-foreground').trim() || style.color;
  const copy = structuredClone(spec) as Record<string, any>;
  copy.background = 'transparent';
  copy.title = { ...copy.title, color: foreground };
  copy.config = {
    ...copy.config,
    axis: {
      ...copy.config?.axis,
      labelColor: foreground,
      titleColor: foreground,
      domainColor: foreground,
      tickColor: foreground,
    },
    legend: { ...copy.config?.legend, labelColor: foreground, titleColor: foreground },
  };
  // In a narrow panel the legend goes under the bars, so the bars keep most of the width.
  const narrow = availableWidth < 720;
  copy.width = Math.max(240, Math.min(640, availableWidth - (narrow ? 70 : 260)));
  if (narrow) {
    copy.encoding = {
      ...copy.encoding,
      color: {
        ...copy.encoding.color,
        legend: { orient: 'bottom', columns: 2, labelLimit: Math.max(120, availableWidth / 2 - 40) },
      },
    };
  }
  return copy;
}

function renderCountsTable(chart: MetaAnalysisChart): HTMLTableElement {
  const table = element('table', undefined, { 'aria-label': `Counts: ${chart.title}` });
  const head = table.createTHead().insertRow();
  for (const heading of [chart.id === 'datasets' ? 'Dataset' : 'Group', ...chart.years.map(String), 'Total']) {
    head.appendChild(element('th', heading, { scope: 'col' }));
  }
  const body = table.createTBody();
  chart.series.forEach((series, index) => {
    const row = body.insertRow();
    row.appendChild(element('th', series, { scope: 'row' }));
    for (const count of chart.counts[index]) {
      row.insertCell().textContent = String(count);
    }
    row.insertCell().textContent = String(chart.counts[index].reduce((sum, value) => sum + value, 0));
  });
  return table;
}

async function exportChart(chart: MetaAnalysisChart, format: 'svg' | 'pgfplots' | 'csv'): Promise<void> {
  let text = format === 'pgfplots' ? chart.pgfplots : chart.csv;
  if (format === 'svg') {
    // The exported figure uses the print colours on white, whatever the editor theme.
    const view = createView(chart.spec, { renderer: 'none' });
    try {
      text = (await view.toSVG()) + '\n';
    } finally {
      view.finalize();
    }
  }
  vscode.postMessage({ type: 'export', chart: chart.id, format, text });
}

async function renderChart(chart: MetaAnalysisChart): Promise<HTMLElement> {
  const section = element('section', undefined, { class: 'chart', 'data-chart': chart.id });
  const figure = element('div', undefined, { class: 'figure' });
  const table = element('div', undefined, { class: 'counts' });
  // The title and note head the section across both columns, so in a narrow panel they sit above the chart.
  const header = element('header');
  section.append(header, figure, table);
  header.append(
    element('h2', chart.title),
    element(
      'p',
      chart.note +
        (chart.undated > 0
          ? ` ${chart.undated} undated ${chart.undated === 1 ? 'study is' : 'studies are'} left out.`
          : ''),
      { class: 'note' },
    ),
  );
  if (chart.series.length === 0) {
    // An empty Vega chart draws a meaningless axis, so say what is missing instead.
    table.append(
      element(
        'p',
        chart.years.length === 0
          ? 'No dated studies in this scope.'
          : 'The studies in this scope record nothing for this chart.',
        { class: 'note' },
      ),
    );
    return section;
  }
  table.append(renderCountsTable(chart));
  const exports = element('div', undefined, { class: 'exports' });
  for (const [format, label] of [
    ['svg', 'Export SVG'],
    ['pgfplots', 'Export PGFPlots'],
    ['csv', 'Export CSV'],
  ] as const) {
    const button = element('button', label, { type: 'button', 'data-export': format });
    button.addEventListener('click', () => void exportChart(chart, format));
    exports.append(button);
  }
  table.append(exports);
  const chartContainer = element('div');
  figure.append(chartContainer);
  // Wide panels put the counts beside the chart (see the page's CSS), so the chart gets 60% of the width.
  const width = document.body.clientWidth >= 1100 ? document.body.clientWidth * 0.6 : document.body.clientWidth - 40;
  const view = createView(themed(chart.spec, width), { container: chartContainer, renderer: 'svg' });
  views.push(view);
  await view.runAsync();
  return section;
}

function renderCoverageList(title: string, items: readonly CoverageEntry[], cited: boolean): HTMLElement {
  const column = element('div');
  column.append(element('h2', `${title} (${items.length})`));
  const filter = element('input', undefined, {
    type: 'search',
    placeholder: 'Filter by name, year or category',
    'aria-label': `Filter: ${title}`,
  });
  const list = element('ul');
  const rows = items.map((item) => {
    const row = element('li');
    row.append(
      element('span', item.name, { class: 'name' }),
      element('span', [item.year ?? '', item.category ?? ''].filter(Boolean).join(' · '), { class: 'note meta' }),
    );
    if (!cited) {
      const cite = element('button', 'Cite at cursor', {
        type: 'button',
        title: `Insert ${item.name} with its citation in the manuscript`,
      });
      cite.addEventListener('click', () => vscode.postMessage({ type: 'cite', id: item.id, name: item.name }));
      row.append(cite);
    }
    const card = element('button', 'Card', { type: 'button' });
    card.addEventListener('click', () => vscode.postMessage({ type: 'card', id: item.id }));
    row.append(card);
    list.append(row);
    return { row, text: `${item.name} ${item.year ?? ''} ${item.category ?? ''}`.toLowerCase() };
  });
  filter.addEventListener('input', () => {
    const query = filter.value.toLowerCase();
    for (const { row, text } of rows) {
      row.hidden = !text.includes(query);
    }
  });
  column.append(filter, list);
  return column;
}

function renderCoverage(analysis: MetaAnalysisResult): void {
  coverageElement.replaceChildren();
  coverageElement.hidden = !analysis.coverage;
  if (!analysis.coverage) {
    return;
  }
  const scopeName = analysis.scope === 'manuscript' ? 'the catalogue' : 'this scope';
  const manuscript = analysis.manuscript?.label ?? 'the manuscript';
  coverageElement.append(element('h2', `Coverage: which models of ${scopeName} are cited in ${manuscript}`));
  const columns = element('div', undefined, { class: 'columns' });
  columns.append(
    renderCoverageList('Not cited', analysis.coverage.uncited, false),
    renderCoverageList('Cited', analysis.coverage.cited, true),
  );
  coverageElement.append(columns);
}

async function showAnalysis(analysis: MetaAnalysisResult, manuscript: string | null): Promise<void> {
  views.splice(0).forEach((view) => view.finalize());
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-scope]')) {
    button.setAttribute('aria-pressed', String(button.dataset.scope === analysis.scope));
    if (button.dataset.scope === 'manuscript') {
      // A LaTeX chapter counts with its whole project, so the button names the project, not the open file.
      button.disabled = manuscript === null;
      button.textContent = manuscript
        ? `Cited in ${analysis.manuscript?.label ?? manuscript}`
        : 'Cited in the manuscript (open one first)';
      const files = analysis.manuscript?.files ?? [];
      button.title = files.length > 0 ? ['Counts the catalogue models cited in:', ...files].join('\n') : '';
    }
    if (button.dataset.scope === 'sheet') {
      // The extraction sheet is the one beside the manuscript or above it.
      button.disabled = manuscript === null;
      button.title = 'Counts the studies of the review\u2019s extraction sheet (extraction.csv, *.extraction.csv)';
    }
  }
  descriptionElement.className = 'description';
  descriptionElement.textContent = analysis.description;
  // An empty scope has no chart to draw; the description says what the scope covers and how to fill it.
  const sections = analysis.studies === 0 ? [] : await Promise.all(analysis.charts.map(renderChart));
  chartsElement.replaceChildren(...sections);
  renderCoverage(analysis);
  vscode.setState({ scope: analysis.scope });
  document.body.dataset.rendered = analysis.scope;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-scope]')) {
  button.addEventListener('click', () =>
    vscode.postMessage({ type: 'scope', scope: button.dataset.scope as MetaAnalysisScope }),
  );
}

let shown: { analysis: MetaAnalysisResult; manuscript: string | null } | undefined;

function show(analysis: MetaAnalysisResult, manuscript: string | null): void {
  shown = { analysis, manuscript };
  showAnalysis(analysis, manuscript).catch((error: unknown) => {
    descriptionElement.className = 'error';
    descriptionElement.textContent = `Could not draw the charts: ${String(error)}`;
  });
}

// Charts are sized to the panel, so a resized panel redraws them (once the resizing settles).
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
let drawnWidth = document.body.clientWidth;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (shown && Math.abs(document.body.clientWidth - drawnWidth) > 40) {
      drawnWidth = document.body.clientWidth;
      show(shown.analysis, shown.manuscript);
    }
  }, 200);
});

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'analysis') {
    drawnWidth = document.body.clientWidth;
    show(message.analysis, message.manuscript);
  } else if (message.type === 'error') {
    descriptionElement.className = 'error';
    descriptionElement.textContent = message.message;
  }
});

vscode.postMessage({ type: 'ready' });
