// Entry for the TypeORM CLI (`npm run migration:*`), compiled by `nest build api`: the migrator's login.
import { createMigratorDataSource } from './data-source.js';

const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
if (!url) throw new Error('MIGRATION_DATABASE_URL mangler.');
export default createMigratorDataSource(url);
