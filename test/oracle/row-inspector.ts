/**
 * Walks the rows of one answer (REST or GraphQL, flat or nested) and collects what the reference model
 * forbids: rows the contact may not read, at any depth (an M2O object, an O2M list of rows or of ids),
 * and fields beyond the readable ones. Findings are reported once per answer, grouped, so one wrong
 * permission gives one line per request rather than one per row.
 */
import { keyOf } from './reference-model.ts';
import { listIds, type OracleContext, readableOf, report } from './oracle-context.ts';
import { relationOf } from './schema-relations.ts';

interface FieldFinding {
	ids: Set<string>;
	/** A value that tells something: not null, not empty, not only rows the contact may read anyway. */
	revealing: boolean;
}

export class RowInspector {
	/** Unreadable rows seen, by collection, with the path they were found at. */
	private readonly leakedRows = new Map<string, { ids: Set<string>; paths: Set<string> }>();
	private readonly fields = new Map<string, FieldFinding>();
	/** Rows returned, by collection (top level and nested), for callers comparing sets. */
	readonly seen = new Map<string, Set<string>>();
	private readonly context: OracleContext;

	constructor(context: OracleContext) {
		this.context = context;
	}

	/** Inspects rows of `collection` (each an object; anything else is ignored). `path` names where they sit. */
	rows(collection: string, rows: readonly unknown[], path = collection): void {
		for (const row of rows)
			if (row !== null && typeof row === 'object' && !Array.isArray(row))
				this.row(collection, row as Record<string, unknown>, path);
	}

	/** Whether a value is only readable rows or ids of `collection` (or nothing at all). */
	private onlyReadable(collection: string, value: unknown): boolean {
		const readable = readableOf(this.context.session.access, collection);
		const items = Array.isArray(value) ? value : [value];
		return items.every((item) => {
			if (item === null || item === undefined) return true;
			if (typeof item === 'object') {
				const id = (item as Record<string, unknown>)['id'];
				return id !== undefined && readable.ids.has(keyOf(id as string));
			}
			return readable.ids.has(keyOf(item as string));
		});
	}

	private leak(collection: string, id: string, path: string): void {
		const entry = this.leakedRows.get(collection) ?? { ids: new Set<string>(), paths: new Set<string>() };
		entry.ids.add(id);
		entry.paths.add(path);
		this.leakedRows.set(collection, entry);
	}

	private row(collection: string, row: Record<string, unknown>, path: string): void {
		const readable = readableOf(this.context.session.access, collection);
		const rawId = row['id'];
		const id = rawId === undefined || rawId === null ? undefined : keyOf(rawId as string);
		if (id !== undefined) {
			const seen = this.seen.get(collection) ?? new Set<string>();
			seen.add(id);
			this.seen.set(collection, seen);
			if (!readable.ids.has(id)) this.leak(collection, id, path);
		} else if (Object.values(row).some((value) => value !== null && value !== undefined)) {
			// A row whose id is hidden but which carries data: count it as a row of unknown identity.
			if (readable.ids.size === 0) this.leak(collection, '(no id)', path);
		}
		const tolerated = id === undefined ? undefined : readable.tolerated.get(id);
		for (const [field, value] of Object.entries(row)) {
			const relation = relationOf(collection, field);
			const allowed = readable.fields.has(field) || tolerated?.has(field) === true;
			if (!allowed) {
				const key = `${collection}.${field}`;
				const finding = this.fields.get(key) ?? { ids: new Set<string>(), revealing: false };
				finding.ids.add(id ?? '(no id)');
				const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
				if (!empty && !(relation && this.onlyReadable(relation.collection, value))) finding.revealing = true;
				this.fields.set(key, finding);
			}
			if (!relation || value === null || value === undefined) continue;
			const items = Array.isArray(value) ? value : [value];
			for (const item of items) {
				if (item !== null && typeof item === 'object')
					this.row(relation.collection, item as Record<string, unknown>, `${path}.${field}`);
				// A bare key: an M2O key is part of the readable row; an O2M list of keys names related rows.
				else if (
					item !== null &&
					relation.many &&
					!readableOf(this.context.session.access, relation.collection).ids.has(keyOf(item as string))
				) {
					this.leak(relation.collection, keyOf(item as string), `${path}.${field}`);
				}
			}
		}
	}

	/** Reports what was found, once per kind, for this request. */
	flush(check: string, request: string): void {
		for (const [collection, { ids, paths }] of this.leakedRows) {
			report(
				this.context,
				'leak',
				check,
				request,
				`only rows of ${collection} the contact may read`,
				`unreadable ${collection} ${listIds(ids)} at ${[...paths].join(', ')}`,
			);
		}
		for (const [field, { ids, revealing }] of this.fields) {
			report(
				this.context,
				revealing ? 'leak' : 'deviation',
				check,
				request,
				`no field ${field}`,
				`${field} ${revealing ? 'with values' : 'present (empty, or only rows readable anyway)'} on rows ${listIds(ids)}`,
				revealing ? undefined : `extra-field|${field}`,
			);
		}
		this.leakedRows.clear();
		this.fields.clear();
	}
}
