/**
 * The world the portal's browser flows start from, on the bundled help desk (portal.test.ts) and on a team's own
 * collections (portal-on-map.test.ts) alike: a parent customer with a child below it (visible to it), an
 * Administrator and a Basic contact of the parent, a ticket of the child's, and one of the Administrator's with a
 * public and an internal reply. Rows are written in the portal's names by whatever `make` writes them with.
 */
export interface BrowserWorld<Login> {
	parent: { id: number; name: string };
	child: { id: number; name: string };
	administrator: Login;
	basic: Login;
	childTicket: number;
	ownTicket: number;
}

export interface WorldMaker<Login> {
	row<T extends object = { id: number }>(collection: string, data: Record<string, unknown>): Promise<T>;
	/** A contact of `customer` with a login in the group named `group`. */
	login(customer: number, group: string, names: { first_name: string; last_name: string }): Promise<Login>;
}

export async function seedBrowserWorld<Login extends { id: number | string }>(
	make: WorldMaker<Login>,
	{ names, domain, childEmail }: { names: (prefix: string) => string; domain: string; childEmail: string },
): Promise<BrowserWorld<Login>> {
	// Its administrators add colleagues at its own e-mail domain.
	const parent = await make.row<{ id: number; name: string }>('customers', {
		name: names('Parent Co'),
		email_domains: [domain],
	});
	const child = await make.row<{ id: number; name: string }>('customers', {
		name: names('Child Co'),
		parent: parent.id,
		visible_to_parent: true,
	});
	const administrator = await make.login(parent.id, 'Administrator', { first_name: 'Ada', last_name: 'Admin' });
	const basic = await make.login(parent.id, 'Basic', { first_name: 'Basil', last_name: 'Basic' });
	const childContact = await make.row<{ id: number | string }>('contacts', {
		customer: child.id,
		first_name: 'Chloe',
		last_name: 'Child',
		email: childEmail,
	});
	const ticket = async (data: Record<string, unknown>) => (await make.row('tickets', { status: 'open', ...data })).id;
	const childTicket = await ticket({
		customer: child.id,
		contact: childContact.id,
		subject: 'Child office printer offline',
		description: 'Since Monday.',
	});
	const ownTicket = await ticket({
		customer: parent.id,
		contact: administrator.id,
		subject: 'Parent VPN drops',
		description: 'Every hour or so.',
	});
	await make.row('ticket_comments', { ticket: ownTicket, body: 'We are looking at the VPN logs.', is_internal: false });
	await make.row('ticket_comments', { ticket: ownTicket, body: 'Internal: check the firewall.', is_internal: true });
	return { parent, child, administrator, basic, childTicket, ownTicket };
}
