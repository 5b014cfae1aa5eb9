import type { CatalogueLayer } from './catalogue/catalogue';
import type { DiscoveryConfig } from './project/findBibliographies';
import type { SheetField } from './prisma/extractionSheet';
import type { YearBasis } from './catalogue/modelYear';

/** A severity a user may give a configurable diagnostic code: a level, or `off` to turn the code off. */
export type SeverityOverride = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** The settings of the claim rules other than their severities. */
export interface ClaimsConfig {
  /** Flag the author's own results ("we", "our", "this review") too. */
  readonly flagOwnResults: boolean;
}

/** The settings the core features read, already resolved by the host (globs expanded to URIs). */
export interface CoreConfig extends DiscoveryConfig {
  readonly unusedEntries: {
    readonly enabled: boolean;
    readonly maxEntries: number;
    /**
     * Globs of bibliography files whose unused entries are not reported, such as those generated at
     * render time (Quarto's `grateful-refs.bib`, R's `packages.bib`): a glob without `/` matches the
     * file name in any folder, one with `/` the end of its path.
     */
    readonly ignore?: readonly string[];
  };
  /** The CSL style name for rendered references (a built-in one, or one registered with registerCslStyle). */
  readonly cslStyle: string;
  /**
   * The built-in catalogue (data/catalogue), which the host reads from disk and injects, so that it
   * ships once and the core reads no data file. Empty when the user turned it off
   * (`fmAtlas.catalogue.builtIn`) or the host has none; user catalogue files are used either way.
   */
  readonly builtinCatalogueLayers: readonly CatalogueLayer[];
  /**
   * Severity overrides by diagnostic code. Only the codes of rules the registry marks configurable
   * are read (server/src/core/features/diagnostics/registry.ts); any other code, and every code left
   * out, takes the registry's default, which is the one place defaults are written.
   */
  readonly severity: Readonly<Partial<Record<string, SeverityOverride>>>;
  readonly claims: ClaimsConfig;
  /** How the meta-analysis counts: which year a study counts under (catalogue/modelYear.ts). */
  /**
   * The meta-analysis: which year a study counts under, and which column of an extraction sheet holds
   * each field where its header is not one the sheet reader knows (`{ "tasks": "Clinical use" }`).
   */
  /**
   * The review's files where the project names them (URIs): its PRISMA counts file and its
   * extraction sheet. Unset, each is the nearest one at or above a manuscript, found by its name.
   */
  readonly review?: { readonly countsFile?: string; readonly sheetFile?: string };
  readonly stats: {
    readonly yearBasis: YearBasis;
    readonly sheetColumns?: Readonly<Partial<Record<SheetField, string>>>;
  };
}

/**
 * The configuration of a host that sets nothing: every diagnostic at its registry default, and no
 * built-in catalogue, which only a host can read (tests use server/src/core/testing/builtinCatalogue.ts).
 */
export const DEFAULT_CORE_CONFIG: CoreConfig = {
  extraBibliographies: [],
  unusedEntries: { enabled: true, maxEntries: 1000, ignore: ['grateful-refs.bib', 'packages.bib'] },
  cslStyle: 'apa',
  builtinCatalogueLayers: [],
  severity: {},
  claims: { flagOwnResults: false },
  stats: { yearBasis: 'publication' },
};
