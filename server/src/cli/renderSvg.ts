// Renders a Vega-Lite spec to a standalone SVG with the same libraries the webview uses, so the
// figure a CI job writes matches the one the author sees. Lives outside core because vega's loader
// can reach the file system and network (it never does here: the data is inline).

import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** The SVG text of a Vega-Lite spec with inline data. */
export async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  const view = new View(parse(compile(spec as unknown as TopLevelSpec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
