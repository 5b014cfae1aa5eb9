import type { CatalogueLayer } from './catalogue/catalogue';
import type { DiscoveryConfig } from './project/findBibliographies';

/** The settings the core features read, already resolved by the host (globs expanded to URIs). */
export interface CoreConfig extends DiscoveryConfig {
  readonly unusedEntries: { readonly enabled: boolean; readonly maxEntries: number };
  /** The CSL style name for rendered references (a built-in one, or one registered with registerCslStyle). */
  readonly cslStyle: string;
  /** Whether the built-in catalogue is used (user catalogue files always are). */
  readonly builtinCatalogue: boolean;
  /** The built-in catalogue with its file location, when the host knows it; else the bundled data. */
  readonly builtinCatalogueLayers?: readonly CatalogueLayer[];
}

/** Defaults, matching shared/settings.ts. */
export const DEFAULT_CORE_CONFIG: CoreConfig = {
  extraBibliographies: [],
  unusedEntries: { enabled: true, maxEntries: 1000 },
  cslStyle: 'apa',
  builtinCatalogue: true,
};
