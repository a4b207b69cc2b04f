export * from './actions';
export * from './findings';
