export * from './codepoints';
export * from './paragraphs';
