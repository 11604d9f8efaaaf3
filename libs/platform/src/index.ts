export * from './config.js';
export * from './logging.js';
export * from './reference-data.js';
export * from './redis.module.js';
export * from './legal-references.js';
export * from './queues.js';
export * from './norwegian-text.js';
