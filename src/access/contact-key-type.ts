import type { SchemaOverview } from '@directus/types';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { ObjectMap } from '../data-map/data-map.ts';

/** The Directus type of the key of the collection playing contacts (`integer`, `uuid`, `string`…), as `contactKeyFrom` reads keys for it. */
export function contactKeyType(schema: SchemaOverview, contacts: ObjectMap<'contacts'>): string | undefined {
	return schema.collections[contacts.collection]?.fields[fieldOf(contacts, 'id')]?.type;
}
