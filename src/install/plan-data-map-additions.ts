/**
 * What the install creates for a data map's additions (`additions` of `validateDataMap`: fields of roles the
 * product owns that a team's collection lacks), decided from the map, the schema as it is and the bundled
 * snapshot, changing nothing: each field as Directus's FieldsService takes it, a whole missing collection (the
 * ticket followers) with its columns, the relations of the added many-to-ones, and the aliases with the
 * relation each is the other side of. An added field looks in the studio as its bundled counterpart does
 * (hidden and read-only where that one is), says that it is the portal's, and its relation clears or goes
 * with its row as the bundled one does.
 */
import type { Snapshot, SnapshotField } from '@directus/types';
import { addedFieldFacts } from '../data-map/added-field-facts.ts';
import { addedRelationTarget } from '../data-map/added-relation-target.ts';
import { additionSpec } from '../data-map/addition-spec.ts';
import type { DataMap, ObjectMap } from '../data-map/data-map.ts';
import type { DataMapAddition } from '../data-map/data-map-problem.ts';
import { isObjectName } from '../data-map/is-object-name.ts';
import { objectSpecs, type RoleSpec } from '../data-map/object-specs.ts';
import type { SchemaFacts } from '../data-map/schema-facts.ts';

/** A field as Directus's FieldsService creates it. */
export interface AddedField {
	collection: string;
	field: string;
	type: string;
	meta: Record<string, unknown>;
	/** Null for an alias, which has no column. */
	schema: Record<string, unknown> | null;
}

/** A many-to-one's relation as Directus's RelationsService creates it. */
export interface AddedRelation {
	collection: string;
	field: string;
	related_collection: string;
	meta: { one_field: null; junction_field: null; sort_field: null; one_deselect_action: 'nullify' };
	schema: { on_delete: string };
}

export interface DataMapAdditionPlan {
	/** Collections the schema lacks (an object the product keeps whole), each with its columns. */
	collections: { collection: string; meta: Record<string, unknown>; fields: AddedField[] }[];
	/** Columns added to collections that exist. */
	fields: AddedField[];
	/** The relations of every added many-to-one. */
	relations: AddedRelation[];
	/** One-to-many aliases, each with the many-to-one it lists its rows through (`collection`.`field`). */
	aliases: { field: AddedField; relation: { collection: string; field: string } }[];
}

/** The words every added field and collection carries in the studio, before its bundled counterpart's note. */
const addedNote = 'Added by the Customer Portal for its data map; uninstalling the portal removes it.';

const noteWith = (note: unknown) => (typeof note === 'string' && note !== '' ? `${addedNote} ${note}` : addedNote);

/** The bundled schema's field playing the role, in the snapshot. */
function bundledField(snapshot: Snapshot, addition: DataMapAddition, spec: RoleSpec): SnapshotField | undefined {
	const collection = spec.kind === 'o2m' && spec.on ? spec.on : objectSpecs[addition.object].bundled;
	return snapshot.fields.find((field) => field.collection === collection && field.field === spec.bundled);
}

/**
 * The studio's settings of the bundled counterpart. Templates (what a relation shows of its rows) name the
 * bundled collections' fields: they are kept only where the relation leads to a collection no map moves
 * (a policy, a portal group).
 */
function studioMeta(bundled: SnapshotField | undefined, spec: RoleSpec, special: readonly string[]) {
	const meta = (bundled?.meta ?? {}) as Partial<SnapshotField['meta']>;
	const fixedTarget = spec.kind !== 'o2m' && (spec.kind !== 'm2o' || !isObjectName(spec.to));
	return {
		interface: meta.interface ?? null,
		hidden: meta.hidden ?? true,
		readonly: meta.readonly ?? true,
		required: meta.required ?? false,
		width: meta.width ?? 'full',
		special: special.length > 0 ? [...special] : null,
		note: noteWith(meta.note),
		...(fixedTarget
			? { display: meta.display ?? null, display_options: meta.display_options ?? null, options: meta.options ?? null }
			: {}),
	};
}

/** The column's settings of the bundled counterpart that keep the data sound: nullability, default, uniqueness, index. */
function columnSchema(bundled: SnapshotField | undefined, spec: RoleSpec): Record<string, unknown> {
	if (spec.kind === 'key') return { is_primary_key: true, has_auto_increment: true };
	const schema = bundled?.schema;
	return {
		is_nullable: schema?.is_nullable ?? true,
		default_value: schema?.default_value ?? null,
		is_unique: schema?.is_unique ?? false,
		is_indexed: schema?.is_indexed ?? false,
	};
}

/** What the bundled relation does when the row it points at goes (SET NULL, CASCADE, …). */
function onDelete(snapshot: Snapshot, addition: DataMapAddition, spec: RoleSpec): string {
	const collection = objectSpecs[addition.object].bundled;
	const relation = snapshot.relations.find((entry) => entry.collection === collection && entry.field === spec.bundled);
	return relation?.schema?.on_delete ?? 'SET NULL';
}

export function planDataMapAdditions(
	map: DataMap,
	additions: readonly DataMapAddition[],
	facts: SchemaFacts,
	snapshot: Snapshot,
): DataMapAdditionPlan {
	const plan: DataMapAdditionPlan = { collections: [], fields: [], relations: [], aliases: [] };
	for (const addition of additions) {
		const { object, collection, field } = addition;
		const spec = additionSpec(addition);
		const { type, special } = addedFieldFacts(map, facts, addition);
		const bundled = bundledField(snapshot, addition, spec);
		const added: AddedField = {
			collection,
			field,
			type,
			meta: studioMeta(bundled, spec, special),
			schema: spec.kind === 'o2m' ? null : columnSchema(bundled, spec),
		};
		if (spec.kind === 'o2m') {
			const of = map[spec.of] as ObjectMap | null;
			const via = (of?.fields as Record<string, string | null> | undefined)?.[spec.via];
			if (of && via) plan.aliases.push({ field: added, relation: { collection: of.collection, field: via } });
			continue;
		}
		if (spec.kind === 'm2o') {
			const related = addedRelationTarget(map, spec);
			if (related)
				plan.relations.push({
					collection,
					field,
					related_collection: related,
					meta: { one_field: null, junction_field: null, sort_field: null, one_deselect_action: 'nullify' },
					schema: { on_delete: onDelete(snapshot, addition, spec) },
				});
		}
		if (Object.hasOwn(facts.collections, collection)) {
			plan.fields.push(added);
			continue;
		}
		let whole = plan.collections.find((entry) => entry.collection === collection);
		if (!whole) {
			const bundledCollection = snapshot.collections.find((entry) => entry.collection === objectSpecs[object].bundled);
			const meta = (bundledCollection?.meta ?? {}) as Record<string, unknown>;
			whole = {
				collection,
				// Its folder and its display template are the bundled help desk's; the rest says how to show it.
				meta: { ...meta, collection, group: null, display_template: null, note: noteWith(meta['note']) },
				fields: [],
			};
			plan.collections.push(whole);
		}
		whole.fields.push(added);
	}
	return plan;
}
