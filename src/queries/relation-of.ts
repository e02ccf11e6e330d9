import type { SchemaOverview } from '@directus/types';

export type RelationKind = 'm2o' | 'a2o' | 'o2m';

export interface FieldRelation {
	kind: RelationKind;
	/** The collection on the other side; null for a many-to-any, whose collection the path names. */
	related: string | null;
}

/** How a field of a collection leads to other rows, from Directus's schema; undefined for a plain column. */
export function relationOf(
	schema: Pick<SchemaOverview, 'relations'>,
	collection: string,
	field: string,
): FieldRelation | undefined {
	for (const relation of schema.relations) {
		if (relation.collection === collection && relation.field === field) {
			return relation.related_collection
				? { kind: 'm2o', related: relation.related_collection }
				: { kind: 'a2o', related: null };
		}
		if (relation.related_collection === collection && relation.meta?.one_field === field)
			return { kind: 'o2m', related: relation.collection };
	}
	return undefined;
}
