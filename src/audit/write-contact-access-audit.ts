import type { DirectusContext } from '../directus/directus-context.ts';
import { contactAccessAuditEntries } from './contact-access-audit-entries.ts';
import { writeAudit } from './write-audit.ts';

/** Records a person's change to contacts' access fields through Directus, read as committed. */
export async function writeContactAccessAudit(
	context: Pick<DirectusContext, 'knex'>,
	{
		contactIds,
		changed,
		payload,
		actor,
		ip,
	}: { contactIds: number[]; changed: string[]; payload: Record<string, unknown>; actor: string; ip: string | null },
): Promise<void> {
	const rows = (await context.knex('contacts').select('id', 'customer', 'user').whereIn('id', contactIds)) as {
		id: number;
		customer: number;
		user: string | null;
	}[];
	const stored = new Map(rows.map((row) => [row.id, row]));
	const contacts = contactIds.map((id) => stored.get(id) ?? { id, customer: null, user: null });
	for (const entry of contactAccessAuditEntries({ contacts, changed, payload, actor, ip }))
		await writeAudit(context, entry);
}
