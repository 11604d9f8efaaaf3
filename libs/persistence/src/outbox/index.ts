export * from './outbox.entities.js';
export * from './outbox.writer.js';
