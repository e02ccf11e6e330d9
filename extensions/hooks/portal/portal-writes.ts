/**
 * What Directus permissions cannot say about a portal user's writes, pinned server-side:
 * - Directus checks no item rule on create, so a reply, note or issue must point at a ticket or
 *   project the contact can read: the parent is read with the contact's own accountability.
 * - who wrote it and whether it is internal are set here, whatever the request says; the compiled
 *   validation rules then refuse anything else.
 * - a reference that must stay within the contact's own customer (a device's location) is checked here, on
 *   create and update alike: Directus's validation rules cannot join (see `assertOwnCustomerReferences`).
 * - a new ticket without a priority gets the default one, for staff and contacts alike (a trigger,
 *   installed at start-up, since a contact who may not choose a priority may not send the field).
 * These filters only adjust the payload and read; Directus still checks the contact's permissions after them.
 */
import type { Accountability, HookExtensionContext, RegisterFunctions } from '@directus/types';
import type { Knex } from 'knex';
import {
	assertOwnCustomerReferences,
	ownCustomerReferences,
} from '../../../src/access/assert-own-customer-references.ts';
import { fetchOwnContact } from '../../../src/access/fetch-own-contact.ts';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import { isPortalUser } from '../../../src/access/is-portal-user.ts';
import { databaseDialect } from '../../../src/database/database-dialect.ts';
import { ensureDefaultPriority } from '../../../src/tickets/ensure-default-priority.ts';

type Payload = Record<string, unknown>;

/** Collections a contact may add rows to under a parent they must be able to read, and the fields pinned to them. */
const childCollections = {
	ticket_comments: {
		parentField: 'ticket',
		parentCollection: 'tickets',
		authorField: 'author_contact',
		internal: true,
	},
	project_notes: {
		parentField: 'project',
		parentCollection: 'projects',
		authorField: 'author_contact',
		internal: true,
	},
	project_issues: {
		parentField: 'project',
		parentCollection: 'projects',
		authorField: 'reported_by_contact',
		internal: false,
	},
} as const;

export function registerPortalWrites(
	{ filter, init }: RegisterFunctions,
	{ services, getSchema, database, logger }: HookExtensionContext,
): void {
	init('app.after', async () => {
		if (await database.schema.hasTable('ticket_priorities')) await ensureDefaultPriority(database);
		else logger.warn('Customer Portal: the help-desk schema is not applied; new tickets get no default priority.');
	});

	/**
	 * The signed-in contact when the caller is a portal user; null for staff and the product itself.
	 * Reads through the event's own connection: inside a create's transaction on SQLite, any other
	 * connection would wait for it forever.
	 */
	async function portalContact(accountability: Accountability | null, knex: Knex) {
		if (!accountability?.user || accountability.admin) return null;
		const settings = await fetchPortalSettings({ services, schema: await getSchema({ database: knex }), knex });
		if (!isPortalUser(accountability, settings.portal_role)) return null;
		return fetchOwnContact(accountability.user, { knex });
	}

	filter('tickets.items.create', async (payload, _meta, { database: knex, accountability }) => {
		// On SQLite a schema change to tickets drops the trigger: put it back before the write needs it.
		if (databaseDialect(knex) === 'sqlite3') await ensureDefaultPriority(knex);
		const contact = await portalContact(accountability, knex);
		if (!contact) return payload;
		const ticket = { ...(payload as Payload) };
		ticket['customer'] ??= contact.customer;
		ticket['contact'] ??= contact.id;
		return ticket;
	});

	filter('devices.items.create', async (payload, _meta, { database: knex, accountability }) => {
		const device = { ...(payload as Payload) };
		const contact = await portalContact(accountability, knex);
		if (contact) {
			device['customer'] ??= contact.customer;
			device['created_by_contact'] ??= contact.id;
		}
		return device;
	});

	for (const collection of Object.keys(ownCustomerReferences)) {
		for (const event of ['create', 'update'] as const) {
			filter(`${collection}.items.${event}`, async (payload, _meta, { database: knex, accountability }) => {
				const contact = await portalContact(accountability, knex);
				if (contact)
					await assertOwnCustomerReferences(
						{ knex },
						{ collection, payload: payload as Payload, customer: contact.customer },
					);
				return payload;
			});
		}
	}

	for (const [collection, rule] of Object.entries(childCollections)) {
		filter(`${collection}.items.create`, async (payload, _meta, { database: trx, schema, accountability }) => {
			const contact = await portalContact(accountability, trx);
			if (!contact) return payload;
			const child = { ...(payload as Payload), [rule.authorField]: contact.id };
			if (rule.internal) child['is_internal'] = false;
			const parent = child[rule.parentField];
			// Throws Directus's own 403 when the contact cannot read the parent (or it does not exist).
			await new services.ItemsService(rule.parentCollection, {
				knex: trx,
				schema: schema ?? (await getSchema()),
				accountability,
			}).readOne(parent as number, { fields: ['id'] });
			return child;
		});
	}

	filter('quotes.items.update', async (payload, _meta, { database: knex, accountability }) => {
		const contact = await portalContact(accountability, knex);
		if (!contact || !('status' in (payload as Payload))) return payload;
		return { ...(payload as Payload), decided_by: contact.id, decided_at: new Date().toISOString() };
	});
}
