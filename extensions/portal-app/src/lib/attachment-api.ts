/** The portal's attachment routes: the upload rules, and sending a file to a ticket. */
import { customEndpoint } from '@directus/sdk';
import { useDirectus } from '../composables/use-directus.ts';
import type { UploadRules } from './upload-check.ts';

/** Which files the server takes, and up to what size (GET /portal/api/uploads/rules). */
export function fetchUploadRules(): Promise<UploadRules> {
	return useDirectus().request(customEndpoint<UploadRules>({ path: '/portal/api/uploads/rules', method: 'GET' }));
}

/**
 * Sends one file to a ticket through POST /portal/api/tickets/:id/attachments: the file itself as the body, its
 * name in ?filename= (the server checks type, size and the contact's rights again).
 */
export async function sendAttachment(ticket: number, file: File): Promise<void> {
	await useDirectus().request(
		customEndpoint({
			path: `/portal/api/tickets/${ticket}/attachments`,
			method: 'POST',
			params: { filename: file.name },
			headers: { 'Content-Type': file.type },
			// The SDK types a body as text or form data; the route takes the file's bytes as they are.
			onRequest: (init) => ({ ...init, body: file }),
		}),
	);
}
