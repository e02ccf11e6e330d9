/**
 * Staff hear when a contact opens a ticket or replies to one (`notifyStaff`): after the write is committed, as the
 * product, without making the contact wait; a failure is logged, never the contact's.
 */
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import { fetchOwnContact } from '../../../src/access/fetch-own-contact.ts';
import { isPortalUser } from '../../../src/access/is-portal-user.ts';
import { fieldOf } from '../../../src/compiler/mapped-fields.ts';
import { objectPlaying } from '../../../src/data-map/object-playing.ts';
import { itemKey } from '../../../src/data-map/item-key.ts';
import { type ContactActivity, notifyStaff } from '../../../src/notifications/notify-staff.ts';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import { outboxContext } from '../../shared/outbox-state.ts';
import { runningDataMap } from '../../shared/running-data-map.ts';

export function registerStaffNotifications(
	{ action }: RegisterFunctions,
	{ services, getSchema, database, logger, env }: HookExtensionContext,
): void {
	action('items.create', async ({ key, collection, payload }, { accountability }) => {
		try {
			if (!accountability?.user || accountability.admin) return;
			const map = await runningDataMap(database);
			const object = map && objectPlaying(map, collection);
			if (!map || (object !== 'tickets' && object !== 'ticket_replies')) return;
			const context = { services, schema: await getSchema({ database }), knex: database };
			const settings = await fetchPortalSettings(context);
			if (!isPortalUser(accountability, settings.portal_role)) return;
			const contact = await fetchOwnContact(accountability.user, context);
			if (!contact) return;
			let activity: ContactActivity | null = null;
			if (object === 'tickets') {
				const ticket = itemKey(key);
				if (ticket !== null) activity = { kind: 'opened', ticket, contact: contact.id };
			} else if (map.ticket_replies) {
				const written = payload as Record<string, unknown>;
				const ticket = itemKey(written[fieldOf(map.ticket_replies, 'ticket')]);
				const body = written[fieldOf(map.ticket_replies, 'body')];
				if (ticket !== null)
					activity = { kind: 'replied', ticket, contact: contact.id, reply: typeof body === 'string' ? body : '' };
			}
			if (activity)
				await notifyStaff(
					context,
					{
						map,
						settings,
						outbox: outboxContext(database, env),
						publicUrl: String(env['PUBLIC_URL'] ?? '').replace(/\/+$/, ''),
					},
					activity,
				);
		} catch (error) {
			logger.error(error, 'Customer Portal: could not tell staff of a contact’s ticket or reply');
		}
	});
}
