/**
 * Contacts hear by e-mail what happens on the tickets they follow (`notifyContacts`): a public reply, staff's
 * or a colleague's (never to its own author), and a ticket staff set to waiting on the customer or resolved;
 * that a colleague added them to a ticket; and of their login suspended (in the portal's team page, on the contact,
 * or in Directus's User Directory).
 * A reply and a new state saved together in Directus's item screen are one mail, the reply's, as from the
 * studio's conversation page. After the write, off the request's path; a failure is logged.
 */
import type { HookExtensionContext, PrimaryKey, RegisterFunctions } from '@directus/types';
import type { Knex } from 'knex';
import { fetchOwnContact } from '../../../src/access/fetch-own-contact.ts';
import { isPortalUser } from '../../../src/access/is-portal-user.ts';
import { fieldOf } from '../../../src/compiler/mapped-fields.ts';
import type { DataMap } from '../../../src/data-map/data-map.ts';
import { itemKey } from '../../../src/data-map/item-key.ts';
import { objectPlaying } from '../../../src/data-map/object-playing.ts';
import { isTrue } from '../../../src/directus/is-true.ts';
import { portalStateOf, stateValues } from '../../../src/data-map/state-values.ts';
import { inboundSettingsFromEnv } from '../../../src/inbound/inbound-settings.ts';
import { createsPublicReply } from '../../../src/notifications/creates-public-reply.ts';
import {
	isToldState,
	notifyAccountEvent,
	notifyAddedToTicket,
	notifyContacts,
	type TicketActivity,
	type ToldState,
} from '../../../src/notifications/notify-contacts.ts';
import { isToldByCaller } from '../../../src/notifications/told-by-caller.ts';
import type { ContactKey } from '../../../src/access/contact-access-fields.ts';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import { outboxContext } from '../../shared/outbox-state.ts';
import { runningDataMap } from '../../shared/running-data-map.ts';
import { schemaOn } from '../../shared/schema-on.ts';

type Accountability = { user?: string | null; role?: string | null; admin?: boolean } | null | undefined;

export function registerContactNotifications(
	{ action, filter }: RegisterFunctions,
	{ services, getSchema, database, logger, env }: HookExtensionContext,
): void {
	const publicUrl = String(env['PUBLIC_URL'] ?? '').replace(/\/+$/, '');
	const { enabled, supportAddress } = inboundSettingsFromEnv(env);

	/** Whether a write is staff's (or the system's), not a portal user's; read on `knex`, the write's own where it has one. */
	async function byStaff(accountability: Accountability, knex: Knex = database): Promise<boolean> {
		if (!accountability?.user || accountability.admin) return true;
		const settings = await fetchPortalSettings({ services, schema: await schemaOn(getSchema, knex), knex });
		return !isPortalUser(
			{ user: accountability.user, role: accountability.role ?? null, admin: false },
			settings.portal_role,
		);
	}

	async function tell(map: DataMap, activity: TicketActivity): Promise<void> {
		const context = { services, schema: await getSchema({ database }), knex: database };
		await notifyContacts(
			context,
			outboxContext(database, env),
			{ map, publicUrl, replies: { enabled, supportAddress } },
			activity,
		);
	}

	/**
	 * The told states a staff save of tickets set, by ticket, where the same save also created a public reply on
	 * it: that reply's mail names the state, and the state gets no mail of its own. Keyed by the save's
	 * accountability, which Directus hands unchanged to the actions of the rows a save creates; it emits the
	 * ticket's action before theirs, and the ticket's handler files its promise before its first await.
	 */
	const statesOfSaves = new WeakMap<object, Promise<ReadonlyMap<string, ToldState>>>();
	const keyOfSave = (accountability: unknown) =>
		typeof accountability === 'object' && accountability !== null ? accountability : null;

	/** A public reply, staff's or a colleague's, mailed to the ticket's followers. */
	async function tellReply(map: DataMap, key: PrimaryKey, accountability: Accountability): Promise<void> {
		const replies = map.ticket_replies;
		// The studio's reply route mails its reply (and the state it set) itself, as one mail.
		if (!replies || isToldByCaller(accountability)) return;
		const internalField = replies.fields.internal;
		const authorUser = replies.fields.author_user;
		const row = (await database(replies.collection)
			.select({
				ticket: fieldOf(replies, 'ticket'),
				body: fieldOf(replies, 'body'),
				author_contact: fieldOf(replies, 'author_contact'),
				...(internalField ? { internal: internalField } : {}),
				...(authorUser ? { author_user: authorUser } : {}),
			})
			.where(fieldOf(replies, 'id'), key)
			.first()) as Record<string, unknown> | undefined;
		// Read after its transaction committed; a reply made in a write that rolled back, or internal, tells no one.
		if (!row || (internalField && Boolean(row['internal']) && row['internal'] !== '0')) return;
		const ticket = itemKey(row['ticket']);
		if (ticket === null) return;
		const save = keyOfSave(accountability);
		const states = save ? statesOfSaves.get(save) : undefined;
		await tell(map, {
			kind: 'replied',
			ticket,
			reply: typeof row['body'] === 'string' ? row['body'] : '',
			author: typeof row['author_user'] === 'string' ? row['author_user'] : (accountability?.user ?? null),
			authorContact: itemKey(row['author_contact']),
			state: states ? ((await states).get(String(ticket).toLowerCase()) ?? null) : null,
		});
	}

	/**
	 * A contact a colleague added to a ticket in the portal is told who did. Staff who add someone tell them with
	 * their next reply, as help desks do with copies.
	 */
	async function tellAdded(map: DataMap, key: PrimaryKey, accountability: Accountability): Promise<void> {
		const participants = map.ticket_participants;
		if (!participants || (await byStaff(accountability))) return;
		const byContact = (await fetchOwnContact(accountability?.user, { knex: database }))?.id ?? null;
		const row = (await database(participants.collection)
			.select({ ticket: fieldOf(participants, 'ticket'), contact: fieldOf(participants, 'contact') })
			.where(fieldOf(participants, 'id'), key)
			.first()) as { ticket: unknown; contact: unknown } | undefined;
		const [ticket, contact] = [itemKey(row?.ticket), itemKey(row?.contact)];
		if (ticket === null || contact === null || byContact === null) return;
		await notifyAddedToTicket(
			{ services, schema: await getSchema({ database }), knex: database },
			outboxContext(database, env),
			{ map, publicUrl, replies: { enabled, supportAddress } },
			{ ticket, contact, byContact },
		);
	}

	// One read of the data map per created row, whatever its collection.
	action('items.create', async ({ key, collection }, { accountability }) => {
		try {
			const map = await runningDataMap(database);
			const object = map ? objectPlaying(map, collection) : null;
			if (map && object === 'ticket_replies') await tellReply(map, key, accountability);
			if (map && object === 'ticket_participants') await tellAdded(map, key, accountability);
		} catch (error) {
			logger.error(error, `Customer Portal: could not e-mail contacts of a new row of ${collection}`);
		}
	});

	/** Tells the contacts whose login was just suspended. */
	async function tellSuspended(map: DataMap, contacts: readonly ContactKey[]): Promise<void> {
		const context = { services, schema: await getSchema({ database }), knex: database };
		for (const contact of contacts)
			await notifyAccountEvent(
				context,
				outboxContext(database, env),
				{ map, publicUrl },
				{
					contact,
					event: 'login_suspended',
				},
			);
	}

	// Suspended anywhere: the team page and Directus's User Directory both set the contact's `login_suspended`.
	action('items.update', async ({ keys, collection, payload }) => {
		try {
			const map = await runningDataMap(database);
			const contacts = map?.contacts;
			if (!map || !contacts || objectPlaying(map, collection) !== 'contacts') return;
			const suspended = (payload as Record<string, unknown>)[contacts.fields.login_suspended ?? ''];
			if (isTrue(suspended)) await tellSuspended(map, keys as ContactKey[]);
		} catch (error) {
			logger.error(error, 'Customer Portal: could not e-mail contacts of their suspended login');
		}
	});

	/** Tickets' portal states before a staff update, by the update's keys, handed from the filter to its action. */
	const statesBefore = new Map<string, Map<string, unknown>>();
	const updateId = (collection: string, keys: readonly unknown[]) =>
		`${collection}:${JSON.stringify(keys.map(String).sort())}`;

	// On the write's own connection: a write made in a transaction (on SQLite, the only connection) holds it.
	filter('items.update', async (payload, { keys, collection }, { accountability, database: knex }) => {
		try {
			const map = await runningDataMap(knex);
			const tickets = map?.tickets;
			if (!map || !tickets || objectPlaying(map, collection) !== 'tickets') return payload;
			const statusField = fieldOf(tickets, 'status');
			if (!(statusField in (payload as Record<string, unknown>)) || !(await byStaff(accountability, knex)))
				return payload;
			const rows = (await knex(tickets.collection)
				.select({ id: fieldOf(tickets, 'id'), status: statusField })
				.whereIn(fieldOf(tickets, 'id'), keys as (string | number)[])) as { id: unknown; status: unknown }[];
			statesBefore.set(
				updateId(collection, keys as unknown[]),
				new Map(rows.map((row) => [String(row.id).toLowerCase(), row.status])),
			);
		} catch (error) {
			logger.error(error, 'Customer Portal: could not read tickets’ statuses before a staff update');
		}
		return payload;
	});

	action('items.update', async ({ keys, collection, payload }, { accountability }) => {
		const id = updateId(collection, keys as unknown[]);
		const before = statesBefore.get(id);
		if (!before) return;
		statesBefore.delete(id);
		if (isToldByCaller(accountability)) return;
		// Filed before the first await, so the replies' handlers of this save find it.
		const save = keyOfSave(accountability);
		const toldInReplies = new Map<string, ToldState>();
		let settle: (states: ReadonlyMap<string, ToldState>) => void = () => undefined;
		if (save) statesOfSaves.set(save, new Promise((resolve) => (settle = resolve)));
		try {
			const map = await runningDataMap(database);
			const tickets = map?.tickets;
			if (!map || !tickets) return;
			const values = stateValues(map, 'tickets', 'status') ?? {};
			const state = portalStateOf(values, (payload as Record<string, unknown>)[fieldOf(tickets, 'status')]);
			if (!isToldState(state)) return;
			const replies = map.ticket_replies;
			const withReply =
				save !== null &&
				Boolean(replies && tickets.fields.replies) &&
				createsPublicReply(payload, {
					field: fieldOf(tickets, 'replies'),
					key: replies ? fieldOf(replies, 'id') : 'id',
					internal: replies?.fields.internal ?? null,
				});
			for (const key of keys as unknown[]) {
				const ticket = itemKey(key);
				if (ticket === null || portalStateOf(values, before.get(String(key).toLowerCase())) === state) continue;
				if (withReply) toldInReplies.set(String(key).toLowerCase(), state);
				else await tell(map, { kind: 'status', ticket, state });
			}
		} catch (error) {
			logger.error(error, 'Customer Portal: could not e-mail contacts of a ticket’s new status');
		} finally {
			settle(toldInReplies);
		}
	});
}
