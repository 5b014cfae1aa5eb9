import type { CatalogueLayer } from './catalogue/catalogue';
import type { DiscoveryConfig } from './project/findBibliographies';

/** The claim rules, each off or at a severity. */
export type ClaimRule = 'untagged-claim' | 'misattributed-citation' | 'preprint-superseded' | 'uncited-model-first-mention';

/** The settings of the claim rules. */
export interface ClaimsConfig {
  readonly severity: Readonly<Record<ClaimRule, 'error' | 'warning' | 'information' | 'hint' | 'off'>>;
  /** Flag the author's own results ("we", "our", "this review") too. */
  readonly flagOwnResults: boolean;
}

/** The settings the core features read, already resolved by the host (globs expanded to URIs). */
export interface CoreConfig extends DiscoveryConfig {
  readonly unusedEntries: { readonly enabled: boolean; readonly maxEntries: number };
  /** The CSL style name for rendered references (a built-in one, or one registered with registerCslStyle). */
  readonly cslStyle: string;
  /** Whether the built-in catalogue is used (user catalogue files always are). */
  readonly builtinCatalogue: boolean;
  /** The built-in catalogue with its file location, when the host knows it; else the bundled data. */
  readonly builtinCatalogueLayers?: readonly CatalogueLayer[];
  readonly claims: ClaimsConfig;
}

/** The default severities of the claim rules. */
export const DEFAULT_CLAIMS_CONFIG: ClaimsConfig = {
  severity: { 'untagged-claim': 'warning', 'misattributed-citation': 'warning', 'preprint-superseded': 'information', 'uncited-model-first-mention': 'information' },
  flagOwnResults: false,
};

/** Defaults, matching shared/settings.ts. */
export const DEFAULT_CORE_CONFIG: CoreConfig = {
  extraBibliographies: [],
  unusedEntries: { enabled: true, maxEntries: 1000 },
  cslStyle: 'apa',
  builtinCatalogue: true,
  claims: DEFAULT_CLAIMS_CONFIG,
};
