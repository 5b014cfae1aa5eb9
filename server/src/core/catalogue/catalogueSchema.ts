// The JSON Schema of catalogue files, which ajv checks user catalogue files against
// (server/src/core/catalogue/parseCatalogueFile.ts). It is code, not data: the record types of
// catalogueTypes.ts follow it, and the core keeps it as a constant so that it reads no data file.
// data/catalogue/catalogue.schema.json is the same schema for VS Code (jsonValidation in package.json)
// and for the built-in files; test/unit/catalogueData.test.ts fails when the two differ.

/** The schema of a catalogue file (the built-in one and user files alike), JSON Schema 2020-12. */
export const CATALOGUE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://github.com/fm-atlas/fm-atlas/data/catalogue/catalogue.schema.json',
  title: 'FM Atlas catalogue',
  description:
    'Foundation models for medical image analysis and the public datasets they use. The built-in catalogue and user catalogue files (*.fmatlas.json, *.fmatlas.yaml) share this schema. In user files every field but id is optional: an entry with a built-in id overrides it field by field.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    models: { type: 'array', items: { $ref: '#/$defs/model' } },
    datasets: { type: 'array', items: { $ref: '#/$defs/dataset' } },
  },
  $defs: {
    id: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9.+-]*$',
      description: 'Stable lower-case identifier, e.g. medsam.',
    },
    nullableString: { type: ['string', 'null'] },
    day: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A day, YYYY-MM-DD.' },
    stringList: { type: 'array', items: { type: 'string', minLength: 1 } },
    source: {
      type: 'string',
      minLength: 8,
      description:
        "Where a fact comes from: a URL and what it says, e.g. 'https://github.com/bowang-lab/MedSAM (README: data, BibTeX)'.",
    },
    model: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: { $ref: '#/$defs/id' },
        name: { type: 'string', minLength: 1, description: 'Canonical name, inserted by completion.' },
        aliases: { $ref: '#/$defs/stringList', description: 'Other names a manuscript may use.' },
        ambiguous: {
          $ref: '#/$defs/stringList',
          description:
            'The names or aliases that are also ordinary words or common acronyms (FLAIR, CAT, Midnight): they name the record only in their own case and beside words of models.',
        },
        first_public_year: {
          type: ['integer', 'null'],
          minimum: 2015,
          maximum: 2030,
          description: 'The year the work was first public: its first preprint, or the paper when there was none.',
        },
        publication_year: {
          type: ['integer', 'null'],
          minimum: 2015,
          maximum: 2030,
          description: 'The year of the version of record (journal or proceedings); null while only a preprint exists.',
        },
        year: {
          type: 'integer',
          minimum: 2015,
          maximum: 2030,
          deprecated: true,
          description: 'Schema v1: read as both first_public_year and publication_year where those are not given.',
        },
        venue: { $ref: '#/$defs/nullableString' },
        category: { enum: ['vision-only', 'vision-language'] },
        paradigm: {
          $ref: '#/$defs/stringList',
          description: 'Training paradigm, e.g. contrastive, masked image modeling, promptable segmentation.',
        },
        architecture: { $ref: '#/$defs/nullableString' },
        backbone: { $ref: '#/$defs/nullableString', description: 'Backbone or vision encoder.' },
        language_model: { $ref: '#/$defs/nullableString' },
        params: {
          anyOf: [{ type: 'integer', minimum: 1 }, { type: 'string' }, { type: 'null' }],
          description:
            "The number of parameters as an integer, e.g. 86000000; text such as '86M (ViT-B)' is read as a count (schema v1).",
        },
        params_note: {
          $ref: '#/$defs/nullableString',
          description: "What the count covers ('image encoder only'), or why there is none.",
        },
        modalities: { $ref: '#/$defs/stringList' },
        dimension: { enum: ['2D', '3D', '2D+3D', 'video', null] },
        pretraining_data: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['dataset'],
            properties: {
              dataset: { type: 'string', minLength: 1 },
              dataset_id: { anyOf: [{ $ref: '#/$defs/id' }, { type: 'null' }] },
              size: { $ref: '#/$defs/nullableString' },
              not_linked: {
                enum: ['private', 'mixture', 'unnamed'],
                description:
                  'Why the entry has no dataset_id: the data are private, a mixture of datasets, or not named by the source.',
              },
            },
          },
        },
        tasks: { $ref: '#/$defs/stringList' },
        base_model: {
          anyOf: [{ $ref: '#/$defs/id' }, { type: 'null' }],
          description: 'Catalogue id of the model this one adapts.',
        },
        draft: {
          type: 'boolean',
          description:
            'A record FM Atlas drafted from a BibTeX entry (fm-atlas catalogue draft), for the author to check and complete.',
        },
        variant_of: {
          anyOf: [{ $ref: '#/$defs/id' }, { type: 'null' }],
          description: 'Catalogue id of the model family this is a later version of (UNI2-h of UNI).',
        },
        code_url: { $ref: '#/$defs/nullableString' },
        weights_available: { type: ['boolean', 'null'] },
        doi: { $ref: '#/$defs/nullableString' },
        arxiv: { anyOf: [{ type: 'string', pattern: '^\\d{4}\\.\\d{4,5}$' }, { type: 'null' }] },
        published_version: {
          type: ['object', 'null'],
          additionalProperties: false,
          required: ['venue'],
          properties: { venue: { type: 'string' }, year: { type: 'integer' }, doi: { $ref: '#/$defs/nullableString' } },
          description: 'The journal or conference version when the work first appeared as a preprint.',
        },
        bibtex: {
          $ref: '#/$defs/nullableString',
          description: 'The default citation: the published version when there is one.',
        },
        preprint_bibtex: {
          $ref: '#/$defs/nullableString',
          description: 'The arXiv/medRxiv/bioRxiv entry, kept when a published version exists.',
        },
        sources: { type: 'array', items: { $ref: '#/$defs/source' } },
        notes: { $ref: '#/$defs/nullableString' },
        uncertain: {
          $ref: '#/$defs/stringList',
          description: 'Facts that rest on one secondary source or that sources disagree on.',
        },
        checked: { $ref: '#/$defs/day', description: 'The day the record was last checked against its sources.' },
        uncertain_reviewed: {
          $ref: '#/$defs/day',
          description:
            'The day the uncertain list was last reviewed: no earlier than checked, so that a new check resolves or renews every doubt.',
        },
      },
    },
    dataset: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: { $ref: '#/$defs/id' },
        name: { type: 'string', minLength: 1 },
        aliases: { $ref: '#/$defs/stringList' },
        ambiguous: {
          $ref: '#/$defs/stringList',
          description:
            'The names or aliases that are also ordinary words or common acronyms (FLAIR, CAT, Midnight): they name the record only in their own case and beside words of models.',
        },
        year: { type: ['integer', 'null'], minimum: 1990, maximum: 2030 },
        modality: { $ref: '#/$defs/stringList' },
        anatomy: { $ref: '#/$defs/stringList' },
        size: { $ref: '#/$defs/nullableString' },
        annotations: { $ref: '#/$defs/nullableString' },
        access: { $ref: '#/$defs/nullableString', description: 'Licence or access conditions.' },
        url: { $ref: '#/$defs/nullableString' },
        doi: { $ref: '#/$defs/nullableString' },
        bibtex: { $ref: '#/$defs/nullableString' },
        sources: { type: 'array', items: { $ref: '#/$defs/source' } },
        notes: { $ref: '#/$defs/nullableString' },
        uncertain: { $ref: '#/$defs/stringList' },
        checked: { $ref: '#/$defs/day', description: 'The day the record was last checked against its sources.' },
        uncertain_reviewed: {
          $ref: '#/$defs/day',
          description:
            'The day the uncertain list was last reviewed: no earlier than checked, so that a new check resolves or renews every doubt.',
        },
      },
    },
  },
};
