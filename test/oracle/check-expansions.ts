/**
 * Relational expansion from rows the contact may read: `*.*.*` on tickets and projects, `*.*` on
 * devices, contacts, customers and attachments, and explicit paths through fields the model does not
 * grant (customer → tickets, ticket → contact → customer → contacts). A related row the contact may not
 * read must come back as null, be left out, or the request be refused — never with its data.
 */
import { dataOf } from './oracle-http.ts';
import { asContact, type OracleContext, readableOf, report } from './oracle-context.ts';
import { RowInspector } from './row-inspector.ts';

interface Expansion {
	collection: string;
	fields: string;
	/** Wildcards only expand readable fields, so a readable collection must answer; explicit paths may be refused. */
	mayRefuse: boolean;
}

const expansions: Expansion[] = [
	{ collection: 'tickets', fields: '*.*.*', mayRefuse: false },
	{ collection: 'projects', fields: '*.*.*', mayRefuse: false },
	{ collection: 'devices', fields: '*.*', mayRefuse: false },
	{ collection: 'contacts', fields: '*.*', mayRefuse: false },
	{ collection: 'customers', fields: '*.*', mayRefuse: false },
	{ collection: 'ticket_attachments', fields: '*.*', mayRefuse: false },
	{ collection: 'ticket_participants', fields: '*.*.*', mayRefuse: false },
	{ collection: 'customers', fields: 'id,tickets.*,contacts.*,devices.*', mayRefuse: true },
	{ collection: 'tickets', fields: 'id,contact.customer.contacts.*', mayRefuse: true },
	{ collection: 'contacts', fields: 'id,user.*', mayRefuse: true },
];

export async function checkExpansions(context: OracleContext): Promise<void> {
	await Promise.all(
		expansions.map(async ({ collection, fields, mayRefuse }) => {
			const path = `/items/${collection}?limit=-1&fields=${fields}`;
			const request = `GET ${path}`;
			const answer = await asContact(context, 'GET', path);
			const readable = readableOf(context.session.access, collection);
			if (answer.status === 403 || answer.status === 400) {
				if (!mayRefuse && readable.ids.size > 0)
					report(context, 'deviation', 'expansion', request, '200', `${answer.status} ${answer.text.slice(0, 200)}`);
				return;
			}
			const rows = dataOf<unknown>(answer);
			if (answer.status !== 200 || !Array.isArray(rows)) {
				report(
					context,
					'deviation',
					'expansion',
					request,
					'200 or a refusal',
					`${answer.status} ${answer.text.slice(0, 200)}`,
				);
				return;
			}
			const inspector = new RowInspector(context);
			inspector.rows(collection, rows);
			inspector.flush('expansion', request);
		}),
	);
}
