import { Readable } from 'node:stream';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import type { ItemKey } from '../data-map/item-key.ts';
import type { ObjectMap } from '../data-map/data-map.ts';
import { storedAs } from '../data-map/stored-as.ts';

export interface AttachmentToStore {
	ticket: ItemKey;
	body: Readable | Buffer;
	/** Already cleaned (`cleanFileName`) and of an allowed type (`uploadTypes`). */
	filename: string;
	type: string;
	uploadedBy: string | null;
	/** Whether contacts may see it. */
	visible: boolean;
}

/**
 * Stores a file in Directus's storage (no folder, the product as its writer, `uploaded_by` the person) and
 * attaches it to a ticket. The caller checked who may attach, the type and the size.
 */
export async function storeTicketAttachment(
	context: DirectusContext,
	attachments: ObjectMap<'ticket_attachments'>,
	{ ticket, body, filename, type, uploadedBy, visible }: AttachmentToStore,
): Promise<{ attachment: ItemKey; file: string }> {
	const files = new context.services.FilesService({ knex: context.knex, schema: context.schema, accountability: null });
	const file = String(
		await files.uploadOne(Buffer.isBuffer(body) ? Readable.from([body]) : body, {
			title: filename,
			filename_download: filename,
			type,
			folder: null,
			uploaded_by: uploadedBy,
		}),
	);
	const attachment = (await adminService(context, attachments.collection).createOne(
		storedAs(attachments, { ticket, file, public: visible }),
	)) as ItemKey;
	return { attachment, file };
}
