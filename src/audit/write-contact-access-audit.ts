import type { ContactKey } from '../access/contact-access-fields.ts';
import { readContactAccess } from '../access/read-contact-access.ts';
import type { DirectusContext } from '../directus/directus-context.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { contactAccessAuditEntries } from './contact-access-audit-entries.ts';
import { writeAudit } from './write-audit.ts';

/** Records a person's change to contacts' access (by role, in `changed` and `payload`) through Directus, read as committed. */
export async function writeContactAccessAudit(
	context: Pick<DirectusContext, 'knex'>,
	{
		contactIds,
		changed,
		payload,
		actor,
		ip,
	}: {
		contactIds: ContactKey[];
		changed: string[];
		payload: Record<string, unknown>;
		actor: string;
		ip: string | null;
	},
): Promise<void> {
	const map = (await fetchDataMap(context)).contacts;
	const rows = await readContactAccess(context.knex, map, { keys: contactIds });
	const stored = new Map(rows.map((row) => [String(row.id), row]));
	const contacts = contactIds.map((id) => stored.get(String(id)) ?? { id, customer: null, user: null });
	for (const entry of contactAccessAuditEntries({ collection: map.collection, contacts, changed, payload, actor, ip }))
		await writeAudit(context, entry);
}
