export * from './codepoints';
export * from './paragraphs';
export * from './fold';
