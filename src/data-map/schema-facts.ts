/**
 * What the data map's validator needs to know of a Directus schema, and nothing more: each collection's
 * primary key and its fields' types and `special` flags, and the relations between fields. It is read
 * from Directus's live schema (`schemaFactsFromOverview`) or from a schema snapshot
 * (`schemaFactsFromSnapshot`), so one validator serves the running server and the tests alike.
 */

export interface FieldFacts {
	/** Directus's field type: `string`, `integer`, `alias`, `csv`, … */
	type: string;
	/** Directus's `special` flags: `m2o`, `o2m`, `hash`, `conceal`, `cast-boolean`, … */
	special: readonly string[];
}

export interface CollectionFacts {
	/** The primary key's field name. */
	primary: string;
	fields: Readonly<Record<string, FieldFacts>>;
}

/** One relation as Directus stores it: the many side's field (`collection`.`field`) pointing at `related_collection`. */
export interface RelationFacts {
	collection: string;
	field: string;
	/** Null for a many-to-any, whose rows name their own collection. */
	related_collection: string | null;
	meta: {
		/** The alias on `related_collection` listing the rows that point at it (the one-to-many side). */
		one_field: string | null;
		/** On a junction's relation: the junction's other field. */
		junction_field: string | null;
	} | null;
}

export interface SchemaFacts {
	collections: Readonly<Record<string, CollectionFacts>>;
	relations: readonly RelationFacts[];
}
