/** The shape every language's catalogue of the portal app has: English's (see src/i18n/catalogue.ts). */
import type { Catalogue as CatalogueOf } from '../../../../src/i18n/catalogue.ts';
import type { en } from './en.ts';

export type Catalogue = CatalogueOf<typeof en>;
