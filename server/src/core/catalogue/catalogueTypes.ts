// The catalogue's records, as data/catalogue/catalogue.schema.json defines them (snake_case, like
// the JSON and YAML files users write). Only `id` is required in user files; the merged catalogue
// fills the rest with null or empty lists.

/** A dataset a model was pretrained on, with the size as the source states it. */
export interface PretrainingData {
  readonly dataset: string;
  readonly dataset_id: string | null;
  readonly size: string | null;
  /** Why there is no dataset record to link: private data, a mixture of datasets, or data the source does not name. */
  readonly not_linked?: 'private' | 'mixture' | 'unnamed';
}

/** The journal or conference version of a work first released as a preprint. */
export interface PublishedVersion {
  readonly venue: string;
  readonly year?: number;
  readonly doi?: string | null;
}

/** A foundation model for medical image analysis. */
export interface ModelRecord {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** The names and aliases that are also ordinary words or acronyms, which name the record only in context. */
  readonly ambiguous: readonly string[];
  /** The year the work was first public: its first preprint, or the paper when there was none. */
  readonly first_public_year: number | null;
  /** The year of the version of record (journal or proceedings); null while only a preprint exists. */
  readonly publication_year: number | null;
  /** The venue of the version of record, or the preprint server while there is none. */
  readonly venue: string | null;
  readonly category: 'vision-only' | 'vision-language' | null;
  readonly paradigm: readonly string[];
  readonly architecture: string | null;
  readonly backbone: string | null;
  readonly language_model: string | null;
  /** The number of parameters, as an integer; {@link ModelRecord.params_note} says what it covers. */
  readonly params: number | null;
  /** What the count covers ("image encoder only", "largest of three variants"), or why there is none. */
  readonly params_note: string | null;
  readonly modalities: readonly string[];
  readonly dimension: string | null;
  readonly pretraining_data: readonly PretrainingData[];
  readonly tasks: readonly string[];
  readonly base_model: string | null;
  /** Whether FM Atlas drafted the record from a BibTeX entry, for the author to check. */
  readonly draft: boolean;
  /** The catalogue id of the family this model is a later version of (UNI2-h of UNI), or null. */
  readonly variant_of: string | null;
  readonly code_url: string | null;
  readonly weights_available: boolean | null;
  readonly doi: string | null;
  readonly arxiv: string | null;
  readonly published_version: PublishedVersion | null;
  readonly bibtex: string | null;
  readonly preprint_bibtex: string | null;
  readonly sources: readonly string[];
  readonly notes: string | null;
  readonly uncertain: readonly string[];
  /** The day the record was last checked against its sources (YYYY-MM-DD), if recorded. */
  readonly checked?: string;
  /** The day the uncertain list was last reviewed (YYYY-MM-DD), if recorded. */
  readonly uncertain_reviewed?: string;
}

/** A public dataset used by medical foundation models. */
export interface DatasetRecord {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** The names and aliases that are also ordinary words or acronyms, which name the record only in context. */
  readonly ambiguous: readonly string[];
  readonly year: number | null;
  readonly modality: readonly string[];
  readonly anatomy: readonly string[];
  readonly size: string | null;
  readonly annotations: string | null;
  readonly access: string | null;
  readonly url: string | null;
  readonly doi: string | null;
  readonly bibtex: string | null;
  readonly sources: readonly string[];
  readonly notes: string | null;
  readonly uncertain: readonly string[];
  /** The day the record was last checked against its sources (YYYY-MM-DD), if recorded. */
  readonly checked?: string;
  /** The day the uncertain list was last reviewed (YYYY-MM-DD), if recorded. */
  readonly uncertain_reviewed?: string;
}

/** Where a record comes from: the built-in catalogue or a user file (with the record's offset there). */
export interface RecordOrigin {
  readonly uri: string | null;
  readonly offset: number;
  /** Whether the record comes from the built-in catalogue rather than a user file. */
  readonly builtIn: boolean;
}

/** A record with where it was defined (the last file that set one of its fields). */
export interface CatalogueEntry<T> {
  readonly record: T;
  readonly origin: RecordOrigin;
}

/**
 * A model as a catalogue file may write it: any field of a record, and the fields of schema v1 that
 * the catalogue still reads (`year`, `params` as text; see upgradeRecord.ts).
 */
export type ModelFileRecord = Omit<Partial<ModelRecord>, 'params'> & {
  readonly id: string;
  readonly year?: number;
  readonly params?: number | string | null;
};

/** The contents of one catalogue file: partial records, as users may override a single field. */
export interface CatalogueFile {
  readonly models: readonly ModelFileRecord[];
  readonly datasets: ReadonlyArray<Partial<DatasetRecord> & { id: string }>;
}
