export * from './actions';
export * from './findings';
export * from './reanchor';
export * from './batch';
