/** The export formats and filters: the one list the API, the exporter, the CLI and the UI share. Pure. */
export const EXPORT_FORMATS = ['jsonl', 'csv', 'xlsx', 'label-studio', 'doccano', 'brat', 'conll', 'text'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats whose target is a folder of files (the others write one file). */
export const EXPORT_FOLDER_FORMATS: readonly ExportFormat[] = ['csv', 'brat', 'text'];

export const EXPORT_FILTERS = ['accepted', 'reviewed', 'all', 'complete'] as const;
export type ExportFilter = (typeof EXPORT_FILTERS)[number];

/** The CLI's help for `export` (kept here so printing help loads no exporter code). */
export const EXPORT_HELP = `  export --workspace DIR --format F --out PATH [--filter ${EXPORT_FILTERS.join('|')}]
      write a dataset: F is ${EXPORT_FORMATS.join(', ')}
      (${EXPORT_FOLDER_FORMATS.slice(0, -1).join(', ')} and ${EXPORT_FOLDER_FORMATS.at(-1)} write into the folder PATH); --filter: accepted+corrected
      findings (default), every reviewed finding, all including suggestions, or
      complete (also name figures and boilerplate: a lossless JSONL backup)
`;
