import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { snapshotPaths } from '../../scripts/lib/directus-instance.ts';

interface SnapshotField {
	collection: string;
	field: string;
	type: string;
	meta: { special: string[] | null; interface: string | null; hidden: boolean } | null;
	schema: { is_nullable: boolean; is_unique: boolean; is_indexed: boolean; foreign_key_table: string | null } | null;
}
interface Snapshot {
	collections: {
		collection: string;
		meta: { display_template: string | null; hidden: boolean; singleton: boolean } | null;
		schema: unknown;
	}[];
	fields: SnapshotField[];
	relations: { collection: string; field: string; related_collection: string; schema: { on_delete: string } | null }[];
}

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Snapshot & { vendor: string };
const snapshot = read(snapshotPaths.sqlite3);
const postgresSnapshot = read(snapshotPaths.pg);
// Folders (collection groups in the studio) have no table and no schema.
const tables = snapshot.collections.filter((collection) => Boolean(collection.schema));
const fieldOf = (collection: string, field: string) =>
	snapshot.fields.find((row) => row.collection === collection && row.field === field);

describe('The shipped schema snapshot', () => {
	test('Holds every collection later features and outside checks rely on', () => {
		const names = tables.map((collection) => collection.collection);
		expect(names).toEqual(
			expect.arrayContaining([
				'customers',
				'contacts',
				'locations',
				'tickets',
				'ticket_priorities',
				'ticket_participants',
				'ticket_comments',
				'ticket_attachments',
				'projects',
				'project_members',
				'project_tasks',
				'project_notes',
				'project_issues',
				'project_charges',
				'project_calendar_items',
				'devices',
				'kb_articles',
				'documents',
				'invoices',
				'quotes',
			]),
		);
	});

	test('Indexes every foreign key, since portal permission filters look rows up by them', () => {
		const foreignKeys = snapshot.fields.filter((field) => field.schema?.foreign_key_table);
		expect(foreignKeys.length).toBeGreaterThan(30);
		const unindexed = foreignKeys
			.filter((field) => !field.schema?.is_indexed)
			.map((field) => `${field.collection}.${field.field}`);
		expect(unindexed).toEqual([]);
	});

	test('Backs every many-to-one field with a relation', () => {
		const manyToOnes = snapshot.fields.filter((field) =>
			field.meta?.special?.some((special) => special === 'm2o' || special === 'file'),
		);
		const related = new Set(snapshot.relations.map((relation) => `${relation.collection}.${relation.field}`));
		expect(
			manyToOnes.map((field) => `${field.collection}.${field.field}`).filter((name) => !related.has(name)),
		).toEqual([]);
	});

	test('Requires a unique e-mail for every contact and links at most one contact to a user', () => {
		expect(fieldOf('contacts', 'email')?.schema).toMatchObject({ is_nullable: false, is_unique: true });
		expect(fieldOf('contacts', 'user')?.schema).toMatchObject({ is_unique: true, foreign_key_table: 'directus_users' });
	});

	test('Gives every visible collection a display template so relations read well in the studio', () => {
		const withoutTemplate = tables.filter(
			(collection) => !collection.meta?.hidden && !collection.meta?.singleton && !collection.meta?.display_template,
		);
		expect(withoutTemplate.map((collection) => collection.collection)).toEqual([]);
	});

	test('Keeps tickets when their customer is deleted by refusing the delete', () => {
		const onDelete = (collection: string, field: string) =>
			snapshot.relations.find((relation) => relation.collection === collection && relation.field === field)?.schema
				?.on_delete;
		expect(onDelete('tickets', 'customer')).toBe('NO ACTION');
		expect(onDelete('customers', 'parent')).toBe('NO ACTION');
		expect(onDelete('ticket_comments', 'ticket')).toBe('CASCADE');
	});

	test('Never lets a device admin password show as plain text in the studio list', () => {
		expect(fieldOf('devices', 'admin_password')?.meta).toMatchObject({ interface: 'input' });
		expect((fieldOf('devices', 'admin_password')?.meta as { options?: { masked?: boolean } }).options?.masked).toBe(
			true,
		);
	});

	test('Has a PostgreSQL twin describing the same schema, so installs on either database get the same help desk', () => {
		expect([snapshot.vendor, postgresSnapshot.vendor]).toEqual(['sqlite', 'postgres']);
		// Everything but what each database reports its own way: column types (SQLite has no uuid or decimal),
		// SQLite's timestamp casting, and PostgreSQL's primary keys counting as unique.
		const portable = (of: Snapshot) => ({
			collections: of.collections.map(({ collection, meta }) => ({ collection, meta })),
			fields: of.fields.map(({ collection, field, meta, schema }) => ({
				collection,
				field,
				meta: meta && { ...meta, special: meta.special?.filter((special) => special !== 'cast-timestamp') ?? [] },
				nullable: schema?.is_nullable,
				unique: field === 'id' ? undefined : schema?.is_unique,
				indexed: schema?.is_indexed,
				references: schema?.foreign_key_table,
			})),
			relations: of.relations.map(({ collection, field, related_collection, schema }) => ({
				collection,
				field,
				related_collection,
				onDelete: schema?.on_delete,
			})),
		});
		expect(portable(postgresSnapshot)).toEqual(portable(snapshot));
	});
});
