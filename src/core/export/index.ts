/** Export formats built from plain data, one document at a time (see src/main/export for the files). */
export * from './model';
export * from './context';
export * from './corrected';
export * from './csv';
export * from './tabular';
export * from './jsonl';
export * from './labels';
export * from './import';
