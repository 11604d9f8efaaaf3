// Runs before each e2e test file (jest.config.js setupFilesAfterEnv): the file's own database and
// Redis database, before any of its code reads DATABASE_URL or REDIS_URL.
import { useFileDatabase } from './file-database.js';

await useFileDatabase();
