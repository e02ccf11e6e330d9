/**
 * What Directus permissions cannot say about a portal user's writes, pinned server-side, on the collections
 * the data map names (the hooks listen to every collection's writes and look the collection up in the map
 * first; an object the map leaves out has no rule here):
 * - Directus checks no item rule on create, so a reply, note or issue must point at a ticket or
 *   project the contact can read: the parent is read with the contact's own accountability.
 * - who wrote it and whether it is internal are set here, whatever the request says; the compiled
 *   validation rules then refuse anything else. A reply or note of staff's that does not say is internal,
 *   and theirs (`staffWrite`).
 * - a reference that must stay within the contact's own customer (a device's location, a colleague added to a
 *   ticket) is checked here, on create and update alike: Directus's validation rules cannot join (see
 *   `assertOwnCustomerReferences`); a colleague is added to a ticket the contact can read, once.
 * - a new ticket without a priority gets the default one, for staff and contacts alike (a trigger,
 *   installed at start-up, since a contact who may not choose a priority may not send the field).
 * These filters only adjust the payload and read; Directus still checks the contact's permissions after them.
 */
import type { Accountability, HookExtensionContext, RegisterFunctions, SchemaOverview } from '@directus/types';
import { ForbiddenError, InvalidPayloadError } from '@directus/errors';
import { columnLengths, overlongFields } from '../../../src/database/column-lengths.ts';
import type { Knex } from 'knex';
import {
	assertOwnCustomerReferences,
	ownCustomerReferences,
} from '../../../src/access/assert-own-customer-references.ts';
import { fetchOwnContact, type OwnContact } from '../../../src/access/fetch-own-contact.ts';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import { isPortalUser } from '../../../src/access/is-portal-user.ts';
import { fieldOf } from '../../../src/compiler/mapped-fields.ts';
import { quoteDecisionAuditEntries } from '../../../src/audit/quote-decision-audit-entries.ts';
import { writeAudit } from '../../../src/audit/write-audit.ts';
import type { DataMap } from '../../../src/data-map/data-map.ts';
import { objectPlaying } from '../../../src/data-map/object-playing.ts';
import type { ObjectName } from '../../../src/data-map/object-specs.ts';
import { storedAs } from '../../../src/data-map/stored-as.ts';
import { databaseDialect } from '../../../src/database/database-dialect.ts';
import { assertNewParticipant } from '../../../src/tickets/assert-new-participant.ts';
import { referencesAsKeys } from '../../../src/data-map/references-as-keys.ts';
import { ensureDefaultPriority } from '../../../src/tickets/ensure-default-priority.ts';
import { fetchDataMap } from '../../../src/settings/fetch-data-map.ts';
import { runningDataMap } from '../../shared/running-data-map.ts';
import { schemaOn } from '../../shared/schema-on.ts';

type Payload = Record<string, unknown>;

/**
 * Objects a contact may add rows to under a parent they must be able to read, by role: the parent, the
 * object it is, the author pinned to the contact, and whether an internal flag is pinned to false.
 */
const childObjects = {
	ticket_replies: { parent: 'ticket', parentObject: 'tickets', author: 'author_contact', internal: true },
	project_notes: { parent: 'project', parentObject: 'projects', author: 'author_contact', internal: true },
	project_issues: { parent: 'project', parentObject: 'projects', author: 'reported_by_contact', internal: false },
} as const satisfies Partial<
	Record<ObjectName, { parentObject: ObjectName; internal: boolean } & Record<string, unknown>>
>;

const isChildObject = (object: ObjectName): object is keyof typeof childObjects => object in childObjects;
const isReferencing = (object: ObjectName): object is keyof typeof ownCustomerReferences =>
	object in ownCustomerReferences;

/** A customer role written straight on the row: a chain (`site.account`) is the contact's to choose, and validation's to check. */
const ownField = (path: string | null) => (path !== null && !path.includes('.') ? path : null);

/**
 * A reply or note staff write (in the studio's own form, through the API): one that does not say whether it is
 * internal, and is not a contact's, is internal, so a default can never publish a note meant for staff (a team's
 * column, or one installed before the bundled default became true, defaults to false); one that names no staff
 * author is the writer's. The product's own writes
 * (no user) and contacts' are left to the rules above.
 */
function staffWrite(map: DataMap, object: ObjectName, payload: Payload, user: string): Payload {
	if (!isChildObject(object) || !childObjects[object].internal) return payload;
	const fields = map[object]?.fields as Readonly<Record<string, string | null>> | undefined;
	const [internal, author] = [fields?.['internal'] ?? null, fields?.['author_user'] ?? null];
	const contactAuthor = fields?.[childObjects[object].author] ?? null;
	const row = { ...payload };
	// A contact's message that staff record (from a phone call, an e-mail) is the contact's words: public.
	const byContact = contactAuthor !== null && row[contactAuthor] !== undefined && row[contactAuthor] !== null;
	if (internal !== null && !(internal in row)) row[internal] = !byContact;
	if (author !== null && !(author in row)) row[author] = user;
	return row;
}

/** A portal user's text longer than its column takes: refused in words, on every database alike. */
function overlongError(overlong: { field: string; max: number }[]): Error {
	return new InvalidPayloadError({
		reason: overlong.map(({ field, max }) => `"${field}" may have at most ${max} characters`).join('; '),
	});
}

async function assertFitsColumns(knex: Knex, collection: string, payload: Payload): Promise<void> {
	const overlong = overlongFields(await columnLengths(knex, collection), payload);
	if (overlong.length > 0) throw overlongError(overlong);
}

export function registerPortalWrites(
	{ action, filter, init }: RegisterFunctions,
	{ services, getSchema, database, logger }: HookExtensionContext,
): void {
	init('app.after', async () => {
		let map: DataMap;
		try {
			map = await fetchDataMap({ knex: database });
		} catch (error) {
			logger.warn(error, 'Customer Portal: the data map is unreadable; new tickets get no default priority.');
			return;
		}
		const tables = [map.tickets, map.ticket_priorities].flatMap((object) => (object ? [object.collection] : []));
		const present = await Promise.all(tables.map((table) => database.schema.hasTable(table)));
		if (present.every(Boolean)) await ensureDefaultPriority(database, map);
		else logger.warn('Customer Portal: the help-desk schema is not applied; new tickets get no default priority.');
	});

	/**
	 * The signed-in contact when the caller is a portal user; null for staff and the product itself.
	 * Reads through the event's own connection: inside a create's transaction on SQLite, any other
	 * connection would wait for it forever.
	 */
	async function portalContact(
		accountability: Accountability | null,
		knex: Knex,
		schema: SchemaOverview | null | undefined,
	): Promise<OwnContact | null> {
		if (!accountability?.user || accountability.admin) return null;
		const settings = await fetchPortalSettings({ services, schema: await schemaOn(getSchema, knex, schema), knex });
		if (!isPortalUser(accountability, settings.portal_role)) return null;
		return fetchOwnContact(accountability.user, { knex });
	}

	filter('items.create', async (payload, meta, { database: knex, schema, accountability }) => {
		const map = await runningDataMap(knex);
		const object = map && objectPlaying(map, meta['collection']);
		if (!map || !object) return payload;

		// On SQLite a schema change to tickets drops the trigger: put it back before the write needs it.
		if (object === 'tickets' && databaseDialect(knex) === 'sqlite3') await ensureDefaultPriority(knex, map);

		const contact = await portalContact(accountability, knex, schema);
		if (!contact)
			return accountability?.user ? staffWrite(map, object, payload as Payload, accountability.user) : payload;
		// A reference written as an object of its key alone is checked, and written, as the key.
		const row: Payload = referencesAsKeys(map, object, payload as Payload);
		await assertFitsColumns(knex, meta['collection'], row);

		if (object === 'tickets' && map.tickets) {
			const customer = ownField(map.tickets.fields.customer);
			if (customer !== null) row[customer] ??= contact.customer;
			row[fieldOf(map.tickets, 'requester')] ??= contact.id;
		}
		if (object === 'devices' && map.devices) {
			const customer = ownField(map.devices.fields.customer);
			if (customer !== null) row[customer] ??= contact.customer;
			row[fieldOf(map.devices, 'created_by_contact')] ??= contact.id;
		}
		// Throws Directus's own 403 when the contact cannot read the row (or it does not exist).
		const assertReadable = async (parent: NonNullable<DataMap[ObjectName]>, key: unknown) => {
			await new services.ItemsService(parent.collection, {
				knex,
				schema: await schemaOn(getSchema, knex, schema),
				accountability,
			}).readOne(key as number, { fields: [fieldOf(parent, 'id')] });
		};
		if (object === 'ticket_participants' && map.tickets)
			await assertReadable(map.tickets, await assertNewParticipant({ knex }, map, row));
		if (isReferencing(object))
			await assertOwnCustomerReferences({ knex }, { map, object, payload: row, customer: contact.customer });

		if (isChildObject(object)) {
			const rule = childObjects[object];
			const [child, parent] = [map[object], map[rule.parentObject]];
			if (!child || !parent) return row;
			// Roles every valid map gives these objects: without them the contact's write is refused, not let through.
			const fields = child.fields as Readonly<Record<string, string | null>>;
			const [author, internal, parentField] = [fields[rule.author], fields['internal'], fields[rule.parent]];
			if (!author || !parentField || (rule.internal && !internal)) throw new ForbiddenError();
			row[author] = contact.id;
			if (rule.internal && internal) row[internal] = false;
			await assertReadable(parent, row[parentField]);
		}
		return row;
	});

	// A ticket a contact opens is new. The bundled status has that default; a team's status field may have
	// none, and a contact may not write the field: once the ticket is committed, the value meaning `new` is
	// written where the ticket has no status.
	action('items.create', async ({ key, collection }, { accountability, schema }) => {
		try {
			const tickets = (await runningDataMap(database))?.tickets;
			const status = tickets?.fields.status ?? null;
			const value = tickets?.states?.status?.['new']?.[0];
			if (!tickets || tickets.collection !== collection || status === null || value === undefined) return;
			if (!(await portalContact(accountability, database, schema))) return;
			await database(tickets.collection)
				.where(fieldOf(tickets, 'id'), key as string | number)
				.whereNull(status)
				.update({ [status]: value });
		} catch (error) {
			logger.error(error, 'Customer Portal: could not give a new ticket the state new');
		}
	});

	// A contact's decision on a quote, once committed, in the audit log.
	action('items.update', async ({ payload, keys, collection }, { accountability, schema }) => {
		try {
			const quotes = (await runningDataMap(database))?.quotes;
			if (!quotes || quotes.collection !== collection || !accountability?.user) return;
			const contact = await portalContact(accountability, database, schema);
			if (!contact) return;
			const entries = quoteDecisionAuditEntries({
				quotes,
				payload: payload as Payload,
				keys: keys as (string | number)[],
				contact,
				actorUser: accountability.user,
				ip: accountability.ip ?? null,
			});
			for (const entry of entries) await writeAudit({ knex: database }, entry);
		} catch (error) {
			logger.error(error, 'Customer Portal: could not record a quote decision in the audit log');
		}
	});

	filter('items.update', async (payload, meta, { database: knex, schema, accountability }) => {
		const map = await runningDataMap(knex);
		const object = map && objectPlaying(map, meta['collection']);
		if (!map || object === null) return payload;
		const overlong = overlongFields(await columnLengths(knex, meta['collection']), payload as Payload);
		if (overlong.length === 0 && object !== 'quotes' && !isReferencing(object)) return payload;
		const contact = await portalContact(accountability, knex, schema);
		if (!contact) return payload;
		if (overlong.length > 0) throw overlongError(overlong);
		const row: Payload = referencesAsKeys(map, object, payload as Payload);
		if (isReferencing(object))
			await assertOwnCustomerReferences({ knex }, { map, object, payload: row, customer: contact.customer });
		if (object === 'quotes' && map.quotes && fieldOf(map.quotes, 'status') in row)
			return { ...row, ...storedAs(map.quotes, { decided_by: contact.id, decided_at: new Date().toISOString() }) };
		return row;
	});
}
