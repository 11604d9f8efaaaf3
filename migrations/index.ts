// Every migration, in order. `npm run migration:generate -- <Name>` rewrites this file.
import { Initial1795426836918 } from './1795426836918-Initial.js';
import { Consent1795427002227 } from './1795427002227-Consent.js';

export const MIGRATIONS: Function[] = [Initial1795426836918, Consent1795427002227];
