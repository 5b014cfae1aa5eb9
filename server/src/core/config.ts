import type { DiscoveryConfig } from './project/findBibliographies';

/** The settings the core features read, already resolved by the host (globs expanded to URIs). */
export interface CoreConfig extends DiscoveryConfig {
  readonly unusedEntries: { readonly enabled: boolean; readonly maxEntries: number };
  /** The CSL style name for rendered references (a built-in one, or one registered with registerCslStyle). */
  readonly cslStyle: string;
}

/** Defaults, matching shared/settings.ts. */
export const DEFAULT_CORE_CONFIG: CoreConfig = {
  extraBibliographies: [],
  unusedEntries: { enabled: true, maxEntries: 1000 },
  cslStyle: 'apa',
};
