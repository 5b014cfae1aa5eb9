// The settings of FM Atlas as the server reads them (section `fmAtlas`). package.json declares the
// same settings for VS Code; a unit test keeps the two lists equal.

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
    /** Severity of each claim rule, or "off". */
    readonly severity: Readonly<Record<'untagged-claim' | 'misattributed-citation' | 'preprint-superseded' | 'uncited-model-first-mention', 'error' | 'warning' | 'information' | 'hint' | 'off'>>;
    /** Flag the author's own results ("we", "our", "this review") too. */
    readonly flagOwnResults: boolean;
  };
  readonly diagnostics: {
    readonly unusedEntries: {
      readonly enabled: boolean;
      /** Unused-entry hints are skipped for bibliographies with more entries than this. */
      readonly maxEntries: number;
    };
  };
}

/** The values used when a setting is absent. */
export const DEFAULT_SETTINGS: FmAtlasSettings = {
  bibliography: { extraFiles: [] },
  citation: { commands: [], style: 'apa' },
  catalogue: { files: ['**/*.fmatlas.{json,yaml,yml}'], builtIn: true },
  claims: {
    severity: { 'untagged-claim': 'warning', 'misattributed-citation': 'warning', 'preprint-superseded': 'information', 'uncited-model-first-mention': 'information' },
    flagOwnResults: false,
  },
  diagnostics: { unusedEntries: { enabled: true, maxEntries: 1000 } },
};
