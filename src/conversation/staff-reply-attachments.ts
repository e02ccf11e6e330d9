import { InvalidPayloadError } from '@directus/errors';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { DataMap, ObjectMap } from '../data-map/data-map.ts';
import { type ItemKey, itemKey } from '../data-map/item-key.ts';
import { storedAs } from '../data-map/stored-as.ts';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import { isTrue } from '../directus/is-true.ts';
import { PortalFeatureOffError } from '../errors/portal-feature-off-error.ts';

/** The most files one reply or note carries. */
export const staffReplyMaxAttachments = 10;

/** A ticket attachment with its file's name and uploader, as the product reads it (no one's rules apply). */
export interface AttachmentFile {
	id: ItemKey;
	ticket: unknown;
	/** Shown to the ticket's contacts. */
	shown: unknown;
	file: string;
	name: string | null;
	uploaded_by: string | null;
}

/** The attachments `ids` names, or a ticket's, oldest first, with their files. */
export async function fetchAttachmentFiles(
	context: DirectusContext,
	table: ObjectMap<'ticket_attachments'>,
	of: { ids: readonly ItemKey[] } | { ticket: ItemKey },
): Promise<AttachmentFile[]> {
	const column = (role: 'id' | 'ticket' | 'file' | 'public') => `${table.collection}.${fieldOf(table, role)}`;
	const query = context
		.knex(table.collection)
		.select({
			id: column('id'),
			ticket: column('ticket'),
			shown: column('public'),
			file: 'directus_files.id',
			name: 'directus_files.filename_download',
			uploaded_by: 'directus_files.uploaded_by',
		})
		.join('directus_files', 'directus_files.id', column('file'))
		.orderBy(column('id'));
	return (await ('ids' in of
		? query.whereIn(column('id'), [...of.ids])
		: query.where(column('ticket'), of.ticket))) as AttachmentFile[];
}

/** The attachments a reply names, as its payload sends them: a list of keys, or nothing. */
export function parseStaffReplyAttachments(value: unknown): ItemKey[] {
	if (value === undefined || value === null) return [];
	const keys = Array.isArray(value) ? value.map(itemKey) : null;
	if (!keys || keys.some((key) => key === null))
		throw new InvalidPayloadError({
			reason: '"attachments" lists the ids the studio\'s upload answered for this reply\'s files.',
		});
	if (keys.length > staffReplyMaxAttachments)
		throw new InvalidPayloadError({
			reason: `A reply carries at most ${staffReplyMaxAttachments} files; send the others with another reply.`,
		});
	return [...new Set(keys as ItemKey[])];
}

/**
 * The names of the files `attachments` names, each checked to be one this staff member uploaded to this ticket
 * and not yet shown to contacts (what the studio's upload leaves); anything else is refused before anything is
 * written, so a reply cannot publish another ticket's file or a colleague's internal one.
 */
export async function pendingStaffAttachments(
	context: DirectusContext,
	map: DataMap,
	{ ticket, user, attachments }: { ticket: ItemKey; user: string; attachments: readonly ItemKey[] },
): Promise<{ id: ItemKey; name: string }[]> {
	if (attachments.length === 0) return [];
	const table = map.ticket_attachments;
	if (!table) throw new PortalFeatureOffError({ feature: 'Ticket attachments' });
	const rows = await fetchAttachmentFiles(context, table, { ids: attachments });
	const usable = rows.filter(
		(row) => itemKey(row.ticket) === itemKey(ticket) && row.uploaded_by === user && !isTrue(row.shown),
	);
	if (usable.length !== attachments.length)
		throw new InvalidPayloadError({
			reason: 'Attach only files you uploaded to this ticket for this reply (and not yet sent with another).',
		});
	return usable.map((row) => ({ id: row.id, name: row.name ?? String(row.id) }));
}

/** Shows a public reply's files to the ticket's contacts (the portal's and /assets' rules read `public`). */
export async function showStaffAttachments(
	context: DirectusContext,
	map: DataMap,
	attachments: readonly ItemKey[],
): Promise<void> {
	const table = map.ticket_attachments;
	if (!table || attachments.length === 0) return;
	await adminService(context, table.collection).updateMany([...attachments], storedAs(table, { public: true }));
}
