// Escaping text for LaTeX, shared by every feature that writes LaTeX (comparison tables, PGFPlots figures).

/** Escapes text for a LaTeX table cell. */
export function escapeLatex(text: string): string {
  return text
    .replace(/\\/g, '\u0000')
    .replace(/([&%$#_{}])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/\u0000/g, '\\textbackslash{}')
    .replace(/</g, '\\textless{}')
    .replace(/>/g, '\\textgreater{}');
}
