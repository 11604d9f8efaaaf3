export * from './extraction-run.js';
export * from './extraction-writer.js';
