export { encodeAstral, type AstralCodec } from './astral';
export { diffText, type DiffOp, type DiffOptions, type DiffPart } from './diff';
export { matchQuote, MATCH_MAX, type MatchQuoteOptions, type QuoteMatch } from './match';
