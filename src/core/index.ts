export * from './analyze';
export * from './schema';
export { detectFigures } from './figures';
export { detectDuplicates, buildBoilerplate, type BoilerplateModel } from './duplicates';
export { detectDefects } from './defects';
export * from './text';
