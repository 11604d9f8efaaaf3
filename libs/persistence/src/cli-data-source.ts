// Entry for the TypeORM CLI (`npm run migration:*`), compiled by `nest build api`.
import { createDataSource } from './data-source.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL mangler.');
export default createDataSource(url);
