/**
 * The demo help desk `npm start` seeds into an empty project: a parent customer with two children and
 * a grandchild, an unrelated customer, and for each of them contacts, tickets, projects, devices,
 * invoices and quotes, plus knowledge-base articles and documents with different audiences. The portal
 * is in public mode with self sign-up for Contoso's domain, so the visitors' pages have something to show.
 */
import {
	createItem,
	createItems,
	createUser,
	readItems,
	type RestClient,
	updateItem,
	updateSingleton,
	uploadFiles,
} from '@directus/sdk';
import { randomBytes } from 'node:crypto';

type Client = RestClient<Record<string, never>>;
type Row = Record<string, unknown> & { id: number };

async function insert(client: Client, collection: string, rows: Record<string, unknown>[]): Promise<Row[]> {
	return (await client.request(createItems(collection as never, rows as never))) as unknown as Row[];
}

function daysFromNow(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export interface DemoLogin {
	email: string;
	password: string;
	group: string;
	customer: string;
}

/** Seeds the demo and returns the portal logins it made, one per system group that can sign in. */
export async function seedDemo(client: Client, log: (line: string) => void = console.log): Promise<DemoLogin[]> {
	log('› Seeding the demo help desk');

	const [, normal, high] = await insert(client, 'ticket_priorities', [
		{ name: 'Low', sort: 1, color: '#A2B5CD' },
		{ name: 'Normal', sort: 2, color: '#3399FF', is_default: true },
		{ name: 'High', sort: 3, color: '#FFA439' },
		{ name: 'Urgent', sort: 4, color: '#E35169' },
	]);

	const [group] = await insert(client, 'customers', [{ name: 'Northwind Group' }]);
	const [retail, logistics] = await insert(client, 'customers', [
		{ name: 'Northwind Retail', parent: group?.id },
		{ name: 'Northwind Logistics', parent: group?.id },
	]);
	const [logisticsNorth] = await insert(client, 'customers', [
		{ name: 'Northwind Logistics North', parent: logistics?.id },
	]);
	const [contoso] = await insert(client, 'customers', [
		{ name: 'Contoso Ltd', email_domains: ['contoso-ltd.example.com'] },
	]);
	const customers = [group, retail, logistics, logisticsNorth, contoso].filter((row): row is Row => row !== undefined);
	log(`  customers: ${customers.length} (one tree of four, one on its own)`);

	const people = [
		['Ada', 'Lovelace'],
		['Grace', 'Hopper'],
		['Alan', 'Turing'],
		['Katherine', 'Johnson'],
		['Edsger', 'Dijkstra'],
		['Barbara', 'Liskov'],
		['Donald', 'Knuth'],
		['Frances', 'Allen'],
		['Ken', 'Thompson'],
		['Radia', 'Perlman'],
	] as const;
	let contactCount = 0;
	let ticketCount = 0;
	const logins: DemoLogin[] = [];
	const loginGroups: Record<string, string> = {
		'Northwind Group': 'Administrator',
		'Northwind Retail': 'Manager',
		'Contoso Ltd': 'Basic',
	};
	for (const [index, customer] of customers.entries()) {
		const slug = String(customer['name'])
			.toLowerCase()
			.replace(/[^a-z]+/g, '-');
		const [location] = await insert(client, 'locations', [
			{ customer: customer.id, name: 'Head office', address: `${index + 1} Main Street` },
		]);
		const contacts = await insert(
			client,
			'contacts',
			people.slice(index * 2, index * 2 + 2).map(([first, last]) => ({
				customer: customer.id,
				first_name: first,
				last_name: last,
				email: `${first.toLowerCase()}.${last.toLowerCase()}@${slug}.example.com`,
				phone: `+44 20 7946 0${index}${contactCount % 10}0`,
				location: location?.id,
			})),
		);
		contactCount += contacts.length;
		const [requester, colleague] = contacts;
		const loginGroup = loginGroups[String(customer['name'])];
		if (loginGroup && requester) logins.push(await giveLogin(client, requester, loginGroup, String(customer['name'])));

		const tickets = await insert(client, 'tickets', [
			{
				customer: customer.id,
				contact: requester?.id,
				subject: 'Printer on the second floor jams',
				description: 'It jams on every duplex job.',
				status: 'open',
				priority: normal?.id,
			},
			{
				customer: customer.id,
				contact: colleague?.id,
				subject: 'New starter needs a laptop',
				description: 'Starts on Monday.',
				status: 'new',
				priority: high?.id,
			},
			{
				customer: customer.id,
				contact: requester?.id,
				subject: 'VPN drops every hour',
				description: 'The VPN client disconnects about once an hour and asks to sign in again.',
				status: 'resolved',
				priority: normal?.id,
			},
		]);
		ticketCount += tickets.length;
		const [first, second, third] = tickets;
		await insert(client, 'ticket_participants', [
			{ ticket: first?.id, contact: colleague?.id, kind: 'cc' },
			{ ticket: second?.id, contact: requester?.id, kind: 'approver' },
		]);
		await insert(client, 'ticket_comments', [
			{ ticket: first?.id, author_contact: requester?.id, body: 'It happened again this morning.' },
			{ ticket: first?.id, body: 'Fuser unit is worn; ordering a spare.', is_internal: true },
			{
				ticket: first?.id,
				body: 'We have ordered a replacement part and will fit it on Thursday.',
				is_internal: false,
			},
			{
				ticket: second?.id,
				body: 'A laptop is being imaged for them; it will be on their desk on Monday morning.',
				is_internal: false,
			},
			{
				ticket: third?.id,
				body: 'We raised the VPN session timeout to eight hours. Tell us if it drops again.',
				is_internal: false,
			},
			{ ticket: third?.id, author_contact: requester?.id, body: 'No drops since yesterday, thank you.' },
		]);

		const [project] = await insert(client, 'projects', [
			{
				customer: customer.id,
				name: `${customer['name']} office move`,
				status: 'active',
				start_date: daysFromNow(-30),
				end_date: daysFromNow(60),
				estimated_hours: 120,
			},
		]);
		await insert(client, 'project_members', [{ project: project?.id, contact: requester?.id }]);
		await insert(client, 'project_tasks', [
			{ project: project?.id, name: 'Survey the new site', status: 'done', sort: 1, estimated_hours: 8 },
			{ project: project?.id, name: 'Cable the new floor', status: 'in_progress', sort: 2, estimated_hours: 40 },
			{ project: project?.id, name: 'Move the servers', status: 'todo', sort: 3, estimated_hours: 16 },
		]);
		await insert(client, 'project_notes', [
			{ project: project?.id, body: 'Landlord confirmed access on weekends.', is_internal: false },
			{ project: project?.id, body: 'Budget is tight; keep overtime down.', is_internal: true },
		]);
		await insert(client, 'project_issues', [
			{ project: project?.id, title: 'Floor boxes missing in room 2', reported_by_contact: requester?.id },
		]);
		await insert(client, 'project_charges', [
			{
				project: project?.id,
				description: 'Cat6 cabling',
				quantity: 300,
				unit_price: 1.2,
				amount: 360,
				charged_on: daysFromNow(-5),
			},
		]);
		await insert(client, 'project_calendar_items', [
			{
				project: project?.id,
				title: 'Cut-over weekend',
				starts_at: `${daysFromNow(14)}T08:00:00Z`,
				ends_at: `${daysFromNow(15)}T18:00:00Z`,
				place: 'New site',
			},
		]);

		await insert(client, 'devices', [
			{
				customer: customer.id,
				location: location?.id,
				created_by_contact: requester?.id,
				name: `${slug}-pc-01`,
				type: 'computer',
				serial: `SN-${index}-001`,
				manufacturer: 'Lenovo',
				model: 'ThinkCentre',
				admin_password: `demo-${index}-secret`,
			},
			{
				customer: customer.id,
				name: `${slug}-printer`,
				type: 'printer',
				serial: `SN-${index}-002`,
				manufacturer: 'Brother',
			},
		]);
		await insert(client, 'invoices', [
			{
				customer: customer.id,
				number: `INV-${1000 + index * 2}`,
				total: 1250,
				status: 'paid',
				issued_on: daysFromNow(-45),
				due_date: daysFromNow(-15),
			},
			{
				customer: customer.id,
				number: `INV-${1001 + index * 2}`,
				total: 480.5,
				status: 'sent',
				issued_on: daysFromNow(-5),
				due_date: daysFromNow(25),
			},
		]);
		await insert(client, 'quotes', [
			{
				customer: customer.id,
				title: 'Replace the switches',
				total: 3200,
				status: 'pending',
				valid_until: daysFromNow(30),
			},
			{
				customer: customer.id,
				title: 'Annual support renewal',
				total: 9600,
				status: 'approved',
				decided_by: requester?.id,
				decided_at: new Date().toISOString(),
			},
		]);

		if (index === 0) await attachDemoFiles(client, first?.id);
		await attachProjectPlan(client, project?.id, String(customer['name']));
	}
	log(
		`  contacts: ${contactCount}, tickets: ${ticketCount}, and a project, devices, invoices and quotes for each customer`,
	);

	const articles = await insert(client, 'kb_articles', [
		{
			title: 'How to reset your password',
			body: 'Use “Forgot your password?” on the sign-in page; the link in the e-mail lets you choose a new one.',
			status: 'published',
			audience: 'all',
		},
		{
			title: 'Connecting to the VPN',
			body: 'Install the client, then sign in with your e-mail.',
			status: 'published',
			audience: 'all',
		},
		{
			title: 'Northwind printer guide',
			body: 'Printers at Northwind sites use the NW-PRINT queue.',
			status: 'published',
			audience: 'selected',
		},
		{ title: 'Upcoming maintenance (draft)', body: 'Not published yet.', status: 'draft', audience: 'all' },
	]);
	await insert(client, 'kb_article_customers', [{ article: articles[2]?.id, customer: group?.id }]);
	const documents = await insert(client, 'documents', [
		{
			title: 'Service level agreement',
			body: 'Response within 4 business hours.',
			status: 'published',
			audience: 'all',
		},
		{ title: 'Contoso network diagram', body: 'See the attached diagram.', status: 'published', audience: 'selected' },
	]);
	await insert(client, 'document_customers', [{ document: documents[1]?.id, customer: contoso?.id }]);
	log(`  knowledge base: ${articles.length} articles, ${documents.length} documents`);
	// Visitors may read the public knowledge base and file requests; Contoso's people may ask for a login.
	await client.request(
		updateSingleton('portal_settings' as never, { access_mode: 'public', self_signup: 'matching_domain' } as never),
	);
	log('  portal: public knowledge base and requests, self sign-up for contoso-ltd.example.com');
	log(`  portal logins: ${logins.map((login) => login.group).join(', ')}`);
	return logins;
}

/** Links a Directus user to a demo contact the way staff would, in the given portal group. */
async function giveLogin(client: Client, contact: Row, group: string, customer: string): Promise<DemoLogin> {
	const email = String(contact['email']);
	const password = randomBytes(9).toString('base64url');
	const user = (await client.request(createUser({ email, password, status: 'active' } as never))) as unknown as {
		id: string;
	};
	const [portalGroup] = (await client.request(
		readItems('portal_groups' as never, { filter: { name: { _eq: group } }, fields: ['id'] } as never),
	)) as unknown as { id: number }[];
	await client.request(
		updateItem('contacts' as never, contact.id as never, { user: user.id, portal_group: portalGroup?.id } as never),
	);
	return { email, password, group, customer };
}

/** A project plan the portal shows under the project's Attachments tab. */
async function attachProjectPlan(client: Client, project: number | undefined, customer: string): Promise<void> {
	const name = 'office-move-plan.txt';
	const form = new FormData();
	form.append('title', `${customer} office move plan`);
	form.append(
		'file',
		new Blob([`${customer} office move plan: survey, cabling, servers, cut-over weekend.\n`], { type: 'text/plain' }),
		name,
	);
	const file = (await client.request(uploadFiles(form))) as unknown as { id: string };
	await client.request(
		createItem('project_attachments' as never, { project, file: file.id, is_public: true } as never),
	);
}

/** One public and one internal attachment on a ticket, so both kinds are there to look at. */
async function attachDemoFiles(client: Client, ticket: number | undefined): Promise<void> {
	for (const [name, isPublic] of [
		['printer-test-page.txt', true],
		['engineer-notes.txt', false],
	] as const) {
		const form = new FormData();
		form.append('title', name);
		form.append('file', new Blob([`${name}: demo attachment\n`], { type: 'text/plain' }), name);
		const file = (await client.request(uploadFiles(form))) as unknown as { id: string };
		await client.request(
			createItem('ticket_attachments' as never, { ticket, file: file.id, is_public: isPublic } as never),
		);
	}
}
