import type { Location, TextRange } from '../../text/textRange';

/** How serious a diagnostic is. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A diagnostic as the core reports it; the LSP layer converts it, the CLI prints it. */
export interface CoreDiagnostic {
  readonly range: TextRange;
  readonly severity: Severity;
  /** A stable code, documented in the README, usable in settings and disable comments. */
  readonly code: string;
  readonly message: string;
  readonly related?: ReadonlyArray<Location & { readonly message: string }>;
  /** Shown faded, as unused code is. */
  readonly unnecessary?: boolean;
  /** Replacement keys offered by the quick fix of `undefined-key`, best first. */
  readonly suggestions?: readonly string[];
  /** What a quick fix needs, e.g. the catalogue id of the model a claim is about. */
  readonly data?: Readonly<Record<string, string>>;
}

/** Options of a diagnostics run. */
export interface DiagnosticOptions {
  /**
   * Tells whether the caller shows a document's diagnostics. A diagnostic that belongs to a document
   * nobody shows (a `.bib` file that `fm-atlas lint` was not given) moves to one that is shown.
   * Absent, every document is shown, as the server publishes the diagnostics of all of them.
   */
  readonly isReported?: (uri: string) => boolean;
}
