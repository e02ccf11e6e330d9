/**
 * Where each relational field leads, read from the shipped schema definition (scripts/schema) plus the
 * Directus system relations a nested answer can reach. The oracle uses it to know which collection a
 * nested row or id in an answer belongs to, so it can ask the reference model whether it is readable.
 */
import { collections, systemFields } from '../../scripts/schema/collections.ts';

export interface Relation {
	collection: string;
	/** An O2M alias (a list of rows or ids) rather than a M2O key. */
	many: boolean;
}

const relations = new Map<string, Relation>();
const set = (collection: string, field: string, relation: Relation): void =>
	void relations.set(`${collection}.${field}`, relation);

for (const definition of collections) {
	for (const relation of definition.relations) {
		set(relation.collection, relation.field, { collection: relation.related_collection, many: false });
		const oneField = relation.meta?.['one_field'];
		if (typeof oneField === 'string')
			set(relation.related_collection, oneField, { collection: relation.collection, many: true });
	}
}
// The aliases on directus_users and directus_files are declared with the relations above; make sure.
for (const { collection, field } of systemFields) {
	if (field.type !== 'alias') continue;
	if (!relations.has(`${collection}.${field.field}`))
		throw new Error(`schema-relations: no relation behind ${collection}.${field.field}`);
}
// Directus's own relations that a nested file or user could lead to.
set('directus_files', 'uploaded_by', { collection: 'directus_users', many: false });
set('directus_files', 'modified_by', { collection: 'directus_users', many: false });
set('directus_files', 'folder', { collection: 'directus_folders', many: false });
set('directus_users', 'role', { collection: 'directus_roles', many: false });
set('directus_users', 'avatar', { collection: 'directus_files', many: false });
set('directus_users', 'policies', { collection: 'directus_access', many: true });

/** Every relational field the oracle knows, as collection, field and where it leads. */
export function allRelations(): { collection: string; field: string; relation: Relation }[] {
	return [...relations].map(([key, relation]) => {
		const [collection = '', field = ''] = key.split('.');
		return { collection, field, relation };
	});
}

/** The collection a field of a collection leads to, if it is relational. */
export function relationOf(collection: string, field: string): Relation | undefined {
	return relations.get(`${collection}.${field}`);
}
