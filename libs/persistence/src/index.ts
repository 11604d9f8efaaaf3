export * from './entities/index.js';
export * from './data-source.js';
export * from './seed/demo-seed.js';
export * from './case-state.mapper.js';
export * from './outbox/index.js';
export * from './audit/audit-chain.js';
export * from './seed/demo-citizens.js';
export * from './login-posture.js';
