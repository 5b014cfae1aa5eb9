// The settings of FM Atlas as the server reads them (section `fmAtlas`). package.json declares the
// same settings for VS Code; a unit test keeps the two lists equal.

/** The values of a severity setting (`fmAtlas.claims.severity.<code>`): a level, or `off` to turn the code off. */
export const SEVERITY_SETTING_VALUES = ['error', 'warning', 'information', 'hint', 'off'] as const;

/** One of {@link SEVERITY_SETTING_VALUES}. */
export type SeveritySetting = (typeof SEVERITY_SETTING_VALUES)[number];

/** Every setting of the `fmAtlas` section, with its value type. */
export interface FmAtlasSettings {
  readonly bibliography: {
    /** Globs (relative to a workspace folder, or absolute) of bibliography files always in use. */
    readonly extraFiles: readonly string[];
  };
  readonly citation: {
    /** Names of extra LaTeX cite commands, without backslash, each taking one key list. */
    readonly commands: readonly string[];
    /** CSL style for rendered references: apa, vancouver, harvard1, or a path to a .csl file. */
    readonly style: string;
  };
  readonly catalogue: {
    /** Globs of user catalogue files, merged over the built-in catalogue. */
    readonly files: readonly string[];
    /** Whether the built-in catalogue of FM Atlas is used. */
    readonly builtIn: boolean;
  };
  readonly claims: {
    /**
     * Severity of each configurable diagnostic code, or "off", by code. A code left out takes the
     * default of the core's diagnostic registry (server/src/core/features/diagnostics/registry.ts).
     */
    readonly severity: Readonly<Partial<Record<string, SeveritySetting>>>;
    /** Flag the author's own results ("we", "our", "this review") too. */
    readonly flagOwnResults: boolean;
  };
  readonly metaAnalysis: {
    /** Which year a study counts under in charts: of publication (a preprint: the year posted) or first public. */
    readonly yearBasis: 'publication' | 'first-public';
    /**
     * Which column of an extraction sheet holds each field, by header, where the header is not one the
     * sheet reader knows: `{ "key": "Ref", "tasks": "Clinical use" }`; an empty header finds the
     * column by its name. The fields are the core's `SHEET_FIELDS` (key, name, year, category,
     * modalities, tasks, datasets, paradigm).
     */
    readonly sheetColumns: Readonly<Record<string, string>>;
  };
  readonly review: {
    /**
     * The review's PRISMA counts file, when it is not found by its name (prisma.csv, *.prisma.csv,
     * *.prisma.yaml) at or above the manuscript: a path relative to the workspace folder (or, in
     * fmatlas.config.json, to that file), or absolute. Empty: found by name.
     */
    readonly countsFile: string;
    /** The review's extraction sheet, when it is not named extraction.csv or *.extraction.csv. Empty: found by name. */
    readonly sheetFile: string;
  };
  readonly diagnostics: {
    readonly unusedEntries: {
      readonly enabled: boolean;
      /** Unused-entry hints are skipped for bibliographies with more entries than this. */
      readonly maxEntries: number;
      /** Globs of bibliography files whose unused entries are not reported (generated at render time). */
      readonly ignore: readonly string[];
    };
  };
}

/**
 * The values used when a setting is absent, as package.json declares them (client/src/manifest.test.ts
 * checks that). The severities are copies of the registry's defaults, because VS Code needs them in
 * the manifest; the server takes its defaults from the registry, and test/unit/diagnosticRegistry.test.ts
 * checks that the copies agree with it.
 */
export const DEFAULT_SETTINGS: FmAtlasSettings = {
  bibliography: { extraFiles: [] },
  citation: { commands: [], style: 'apa' },
  catalogue: { files: ['**/*.fmatlas.{json,yaml,yml}'], builtIn: true },
  claims: {
    severity: {
      'untagged-claim': 'warning',
      'unsourced-attribution': 'information',
      'unsourced-comparison': 'hint',
      'unsourced-figure': 'hint',
      'unsourced-quotation': 'information',
      'misattributed-citation': 'warning',
      'preprint-superseded': 'information',
      'uncited-model-first-mention': 'information',
      'prisma-mismatch': 'warning',
      'sheet-mismatch': 'warning',
    },
    flagOwnResults: false,
  },
  metaAnalysis: {
    yearBasis: 'publication',
    // Empty: the column is found by its header.
    sheetColumns: { key: '', name: '', year: '', category: '', modalities: '', tasks: '', datasets: '', paradigm: '' },
  },
  review: { countsFile: '', sheetFile: '' },
  // Quarto's grateful extension writes grateful-refs.bib, and knitr::write_bib writes packages.bib by
  // convention: both list every package used, cited or not, so their unused entries mean nothing.
  diagnostics: { unusedEntries: { enabled: true, maxEntries: 1000, ignore: ['grateful-refs.bib', 'packages.bib'] } },
};
