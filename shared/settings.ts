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
  diagnostics: { unusedEntries: { enabled: true, maxEntries: 1000 } },
};
