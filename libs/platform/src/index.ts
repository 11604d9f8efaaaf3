export * from './config.js';
export * from './logging.js';
export * from './reference-data.js';
export * from './redis.module.js';
