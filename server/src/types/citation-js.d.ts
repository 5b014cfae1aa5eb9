// Minimal declarations for the parts of citation-js that FM Atlas uses; the packages ship no types.
declare module '@citation-js/core' {
  export interface CslName {
    family?: string;
    given?: string;
    literal?: string;
  }
  export interface CslItem {
    id: string;
    type?: string;
    title?: string;
    author?: CslName[];
    editor?: CslName[];
    issued?: { 'date-parts'?: Array<Array<number | string>>; literal?: string };
    DOI?: string;
    URL?: string;
    abstract?: string;
    'container-title'?: string;
    [field: string]: unknown;
  }
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    input: { chain(data: unknown, options?: Record<string, unknown>): CslItem[] };
    config: { get(name: string): { templates: { add(name: string, xml: string): void; has(name: string): boolean } } };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
