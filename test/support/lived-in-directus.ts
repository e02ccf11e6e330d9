/**
 * A Directus as a team has it before they install the product: collections of their own with data, roles and
 * policies with custom permissions, users, a flow, bookmarks, a dashboard, translations, an uploaded file and
 * their project settings — all made through Directus's REST API, as the studio makes them, on a bare Directus
 * (no portal schema). Its fingerprint is in team-work-fingerprint.ts.
 */
import { randomBytes } from 'node:crypto';
import { apiAt } from './directus-under-test.ts';

export { fingerprintTeamWork, teamWorkDifferences, type TeamWorkFingerprint } from './team-work-fingerprint.ts';

export interface TeamUser {
	id: string;
	email: string;
	password: string;
}

/** What the team made, for tests to point at. */
export interface LivedInDirectus {
	collections: { orders: 'orders'; contactsArchive: 'contacts_archive' };
	roles: { sales: string; warehouse: string; nightShift: string };
	policies: { sales: string; warehouse: string; orderApi: string };
	/** Permission ids by what they allow. */
	permissions: {
		salesReadOrders: number;
		salesCreateOrders: number;
		salesUpdateOrders: number;
		salesReadArchive: number;
		salesReadFiles: number;
		warehouseReadOrders: number;
		warehouseUpdateOrders: number;
		orderApiReadOrders: number;
	};
	users: { sales: TeamUser; warehouse: TeamUser; integration: TeamUser & { token: string } };
	flow: string;
	operations: string[];
	presets: number[];
	dashboard: string;
	panels: string[];
	translations: string[];
	folder: string;
	file: string;
	orders: number[];
	archivedContacts: string[];
	comment: string;
}

/** The Markdown notes of the first order: headings, a list, a link, and right-to-left text (Arabic and Hebrew). */
export const orderNotes = [
	'# Delivery notes',
	'',
	'- Leave at **reception**, not at the loading bay',
	'- Call [the office](https://example.com/contact) first',
	'',
	'> العميل يفضل التسليم صباحًا',
	'',
	'הערה: לא לשלוח בשבת',
].join('\n');

/**
 * Furnishes the bare Directus at `url` as a team would have it, with `adminToken` (a static admin token). Fails
 * with Directus's answer at the first request it refuses.
 */
export async function furnishLivedInDirectus(url: string, adminToken: string): Promise<LivedInDirectus> {
	const api = apiAt(
		() => url,
		() => adminToken,
	);
	const made = async <T>(method: string, path: string, body: unknown): Promise<T> => {
		const answer = await api<T>(method, path, { body });
		if (answer.status !== 200 || answer.body.data === undefined)
			throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
		return answer.body.data;
	};
	const id = <T extends string | number>(row: { id: T }) => row.id;

	await made('PATCH', '/settings', {
		project_name: 'Northwind Orders',
		project_descriptor: 'Order desk',
		project_color: '#2F7D5B',
		default_language: 'de-DE',
		project_owner: 'admin@example.com',
		project_usage: 'commercial',
		org_name: 'Northwind Trading',
		product_updates: false,
	});

	// Orders: typed fields, JSON, long Markdown text, a date, and relations to users and files.
	await made('POST', '/collections', {
		collection: 'orders',
		meta: {
			icon: 'shopping_cart',
			note: 'Customer orders, entered by sales',
			display_template: '{{reference}} ({{status}})',
			sort_field: 'sort',
			archive_field: 'status',
			archive_value: 'archived',
			unarchive_value: 'open',
		},
		schema: {},
		fields: [
			{
				field: 'id',
				type: 'integer',
				meta: { hidden: true, readonly: true, interface: 'input' },
				schema: { is_primary_key: true, has_auto_increment: true },
			},
			{
				field: 'status',
				type: 'string',
				meta: {
					interface: 'select-dropdown',
					width: 'half',
					options: { choices: ['open', 'paid', 'shipped', 'archived'].map((value) => ({ text: value, value })) },
				},
				schema: { default_value: 'open', is_nullable: false },
			},
			{ field: 'sort', type: 'integer', meta: { hidden: true, interface: 'input' }, schema: {} },
			{
				field: 'reference',
				type: 'string',
				meta: { interface: 'input', width: 'half', required: true, note: 'As printed on the invoice' },
				schema: { is_unique: true, max_length: 32 },
			},
			{
				field: 'total',
				type: 'decimal',
				meta: { interface: 'input', width: 'half' },
				schema: { numeric_precision: 10, numeric_scale: 2 },
			},
			{
				field: 'placed_on',
				type: 'date',
				meta: { interface: 'datetime', width: 'half' },
				schema: { is_indexed: true },
			},
			{ field: 'details', type: 'json', meta: { interface: 'input-code', options: { language: 'JSON' } }, schema: {} },
			{ field: 'notes', type: 'text', meta: { interface: 'input-rich-text-md', note: 'Markdown' }, schema: {} },
			{
				field: 'owner',
				type: 'uuid',
				meta: {
					interface: 'select-dropdown-m2o',
					special: ['m2o'],
					options: { template: '{{first_name}} {{last_name}}' },
				},
				schema: {},
			},
			{ field: 'invoice', type: 'uuid', meta: { interface: 'file', special: ['file'] }, schema: {} },
			{
				field: 'date_created',
				type: 'timestamp',
				meta: { special: ['date-created'], interface: 'datetime', readonly: true, hidden: true },
				schema: {},
			},
			{
				field: 'user_created',
				type: 'uuid',
				meta: { special: ['user-created'], interface: 'select-dropdown-m2o', readonly: true, hidden: true },
				schema: {},
			},
		],
	});
	await made('POST', '/relations', {
		collection: 'orders',
		field: 'owner',
		related_collection: 'directus_users',
		schema: { on_delete: 'SET NULL' },
	});
	await made('POST', '/relations', {
		collection: 'orders',
		field: 'invoice',
		related_collection: 'directus_files',
		schema: { on_delete: 'SET NULL' },
	});
	await made('POST', '/relations', {
		collection: 'orders',
		field: 'user_created',
		related_collection: 'directus_users',
		schema: {},
	});

	// A name a step away from the product's `contacts`, with a uuid key and a relation to orders.
	await made('POST', '/collections', {
		collection: 'contacts_archive',
		meta: { icon: 'inventory_2', note: 'Contacts of customers we no longer serve' },
		schema: {},
		fields: [
			{
				field: 'id',
				type: 'uuid',
				meta: { hidden: true, readonly: true, special: ['uuid'] },
				schema: { is_primary_key: true, length: 36, has_auto_increment: false },
			},
			{ field: 'first_name', type: 'string', meta: { interface: 'input', width: 'half' }, schema: {} },
			{
				field: 'last_name',
				type: 'string',
				meta: { interface: 'input', width: 'half' },
				schema: { is_indexed: true, is_nullable: false },
			},
			{ field: 'email', type: 'string', meta: { interface: 'input' }, schema: { is_unique: true } },
			{ field: 'archived_at', type: 'dateTime', meta: { interface: 'datetime' }, schema: {} },
			{
				field: 'last_order',
				type: 'integer',
				meta: { interface: 'select-dropdown-m2o', special: ['m2o'] },
				schema: {},
			},
		],
	});
	await made('POST', '/relations', {
		collection: 'contacts_archive',
		field: 'last_order',
		related_collection: 'orders',
		meta: { one_field: 'archived_contacts' },
		schema: { on_delete: 'SET NULL' },
	});
	await made('POST', '/fields/orders', {
		field: 'archived_contacts',
		type: 'alias',
		meta: { special: ['o2m'], interface: 'list-o2m' },
	});

	const folder = id(await made<{ id: string }>('POST', '/folders', { name: 'Invoices' }));
	const form = new FormData();
	form.append('folder', folder);
	form.append('title', 'Invoice 2024-001');
	form.append(
		'file',
		new Blob([`%PDF-1.4\n% Invoice 2024-001 for Northwind Trading\n${randomBytes(256).toString('base64')}\n%%EOF\n`], {
			type: 'application/pdf',
		}),
		'invoice-2024-001.pdf',
	);
	const uploaded = await fetch(`${url}/files`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${adminToken}` },
		body: form,
	});
	if (uploaded.status !== 200)
		throw new Error(`Uploading a file answered ${uploaded.status}: ${await uploaded.text()}`);
	const file = ((await uploaded.json()) as { data: { id: string } }).data.id;

	// Roles (one nested in another) and policies, attached to roles and to one user.
	const policies = {
		sales: id(
			await made<{ id: string }>('POST', '/policies', {
				name: 'Sales',
				icon: 'sell',
				description: 'Enter and follow up orders',
				app_access: true,
				admin_access: false,
			}),
		),
		warehouse: id(
			await made<{ id: string }>('POST', '/policies', {
				name: 'Warehouse',
				icon: 'warehouse',
				app_access: true,
				admin_access: false,
			}),
		),
		orderApi: id(
			await made<{ id: string }>('POST', '/policies', {
				name: 'Order API',
				icon: 'api',
				app_access: false,
				admin_access: false,
				ip_access: ['127.0.0.1', '10.0.0.0/8'],
			}),
		),
	};
	const sales = id(
		await made<{ id: string }>('POST', '/roles', {
			name: 'Sales team',
			icon: 'groups',
			description: 'Account managers',
		}),
	);
	const warehouse = id(await made<{ id: string }>('POST', '/roles', { name: 'Warehouse', icon: 'local_shipping' }));
	const nightShift = id(
		await made<{ id: string }>('POST', '/roles', { name: 'Night shift', icon: 'dark_mode', parent: warehouse }),
	);
	await made('POST', '/access', { role: sales, policy: policies.sales });
	await made('POST', '/access', { role: warehouse, policy: policies.warehouse });

	const permission = async (policy: string, collection: string, action: string, rule: Record<string, unknown>) =>
		id(await made<{ id: number }>('POST', '/permissions', { policy, collection, action, ...rule }));
	const permissions = {
		salesReadOrders: await permission(policies.sales, 'orders', 'read', {
			fields: ['*'],
			permissions: { _or: [{ owner: { _eq: '$CURRENT_USER' } }, { status: { _eq: 'open' } }] },
		}),
		salesCreateOrders: await permission(policies.sales, 'orders', 'create', {
			fields: ['reference', 'status', 'total', 'placed_on', 'details', 'notes', 'owner', 'invoice'],
			validation: { _and: [{ total: { _gte: 0 } }, { status: { _in: ['open', 'paid'] } }] },
			presets: { status: 'open', owner: '$CURRENT_USER' },
		}),
		salesUpdateOrders: await permission(policies.sales, 'orders', 'update', {
			fields: ['status', 'notes', 'details'],
			permissions: { owner: { _eq: '$CURRENT_USER' } },
			validation: { status: { _neq: 'archived' } },
		}),
		salesReadArchive: await permission(policies.sales, 'contacts_archive', 'read', {
			fields: ['id', 'first_name', 'last_name', 'email'],
			permissions: { archived_at: { _nnull: true } },
		}),
		salesReadFiles: await permission(policies.sales, 'directus_files', 'read', {
			fields: ['*'],
			permissions: { folder: { _eq: folder } },
		}),
		warehouseReadOrders: await permission(policies.warehouse, 'orders', 'read', {
			fields: ['id', 'reference', 'status', 'details', 'placed_on'],
			permissions: { status: { _in: ['paid', 'shipped'] } },
		}),
		warehouseUpdateOrders: await permission(policies.warehouse, 'orders', 'update', {
			fields: ['status'],
			permissions: { status: { _eq: 'paid' } },
			validation: { status: { _eq: 'shipped' } },
		}),
		orderApiReadOrders: await permission(policies.orderApi, 'orders', 'read', { fields: ['*'], permissions: {} }),
	};

	const user = async (role: string | null, name: string, extra: Record<string, unknown> = {}): Promise<TeamUser> => {
		const email = `${name.toLowerCase().replace(' ', '.')}@northwind.example.com`;
		const password = randomBytes(12).toString('hex');
		const [first_name, last_name] = name.split(' ');
		const created = await made<{ id: string }>('POST', '/users', {
			email,
			password,
			role,
			first_name,
			last_name,
			language: 'de-DE',
			...extra,
		});
		return { id: created.id, email, password };
	};
	const integrationToken = randomBytes(24).toString('hex');
	const users = {
		sales: await user(sales, 'Sara Salem', { title: 'Account manager', description: 'مديرة الحسابات' }),
		warehouse: await user(nightShift, 'Walter White'),
		integration: { ...(await user(null, 'Integration Bot', { token: integrationToken })), token: integrationToken },
	};
	await made('POST', '/access', { user: users.integration.id, policy: policies.orderApi });

	// A flow that logs each new order, in two operations.
	const flow = id(
		await made<{ id: string }>('POST', '/flows', {
			name: 'Log new orders',
			icon: 'receipt_long',
			status: 'active',
			trigger: 'event',
			accountability: 'all',
			options: { type: 'action', scope: ['items.create'], collections: ['orders'] },
		}),
	);
	const summary = id(
		await made<{ id: string }>('POST', '/operations', {
			flow,
			name: 'Log the total',
			key: 'log_total',
			type: 'log',
			position_x: 37,
			position_y: 1,
			options: { message: 'Total {{$trigger.payload.total}}' },
		}),
	);
	const first = id(
		await made<{ id: string }>('POST', '/operations', {
			flow,
			name: 'Log the order',
			key: 'log_order',
			type: 'log',
			position_x: 19,
			position_y: 1,
			resolve: summary,
			options: { message: 'New order {{$trigger.key}}' },
		}),
	);
	await made('PATCH', `/flows/${flow}`, { operation: first });

	const presets = [
		id(
			await made<{ id: number }>('POST', '/presets', {
				bookmark: 'My open orders',
				icon: 'bookmark',
				color: '#2F7D5B',
				collection: 'orders',
				user: users.sales.id,
				layout: 'tabular',
				layout_query: { tabular: { sort: ['-placed_on'], fields: ['reference', 'status', 'total'] } },
				filter: { _and: [{ status: { _eq: 'open' } }, { owner: { _eq: '$CURRENT_USER' } }] },
			}),
		),
		id(
			await made<{ id: number }>('POST', '/presets', {
				bookmark: 'To ship',
				collection: 'orders',
				role: warehouse,
				layout: 'cards',
				filter: { status: { _eq: 'paid' } },
			}),
		),
		id(
			await made<{ id: number }>('POST', '/presets', {
				collection: 'contacts_archive',
				layout: 'tabular',
				layout_query: { tabular: { sort: ['last_name'] } },
				search: 'northwind',
			}),
		),
	];

	const dashboard = id(
		await made<{ id: string }>('POST', '/dashboards', {
			name: 'Sales',
			icon: 'insights',
			note: 'Weekly review',
			color: '#2F7D5B',
		}),
	);
	const panels = (
		await made<{ id: string }[]>('POST', '/panels', [
			{
				dashboard,
				name: 'Open orders',
				type: 'metric',
				position_x: 1,
				position_y: 1,
				width: 8,
				height: 6,
				options: { collection: 'orders', field: 'id', function: 'count', filter: { status: { _eq: 'open' } } },
			},
			{
				dashboard,
				name: 'Latest',
				type: 'list',
				position_x: 9,
				position_y: 1,
				width: 16,
				height: 12,
				options: {
					collection: 'orders',
					limit: 5,
					sortField: 'placed_on',
					sortDirection: 'desc',
					displayTemplate: '{{reference}}',
				},
			},
			{
				dashboard,
				name: 'Read me',
				type: 'label',
				position_x: 1,
				position_y: 7,
				width: 8,
				height: 4,
				show_header: false,
				options: { text: 'Zahlen ohne MwSt.' },
			},
		])
	).map(id);

	const translations = (
		await made<{ id: string }[]>('POST', '/translations', [
			{ language: 'de-DE', key: 'order_status_open', value: 'Offen' },
			{ language: 'ar-SA', key: 'order_status_open', value: 'مفتوح' },
			{ language: 'he-IL', key: 'order_status_open', value: 'פתוח' },
		])
	).map(id);

	const orders = (
		await made<{ id: number }[]>('POST', '/items/orders', [
			{
				reference: 'NW-1001',
				status: 'open',
				total: '1250.50',
				placed_on: '2024-03-01',
				owner: users.sales.id,
				invoice: file,
				notes: orderNotes,
				details: {
					lines: [
						{ sku: 'A-1', qty: 3, price: 250.5 },
						{ sku: 'B-7', qty: 1, price: 499 },
					],
					incoterm: 'DAP',
					gift: false,
				},
			},
			{
				reference: 'NW-1002',
				status: 'paid',
				total: '80.00',
				placed_on: '2024-03-04',
				owner: users.sales.id,
				details: { lines: [], note: 'Ünïcödé ✓ 中文' },
			},
			{
				reference: 'NW-1003',
				status: 'shipped',
				total: '0.99',
				placed_on: '2024-03-09',
				details: null,
				notes: 'Short note',
			},
			{
				reference: 'NW-1004',
				status: 'archived',
				total: '310.00',
				placed_on: '2023-12-24',
				notes: 'שלום — مرحبا — hello',
			},
		])
	).map(id);
	const archivedContacts = (
		await made<{ id: string }[]>('POST', '/items/contacts_archive', [
			{
				first_name: 'Olga',
				last_name: 'Oldfield',
				email: 'olga@former.example.com',
				archived_at: '2023-06-30T12:00:00Z',
				last_order: orders[3],
			},
			{
				first_name: 'يوسف',
				last_name: 'الحسن',
				email: 'yusuf@former.example.com',
				archived_at: '2023-09-01T08:30:00Z',
			},
			{ last_name: 'Nobody', email: null },
		])
	).map(id);

	const comment = id(
		await made<{ id: string }>('POST', '/comments', {
			collection: 'orders',
			item: String(orders[0]),
			comment: 'Checked with the warehouse: ships Monday.',
		}),
	);

	return {
		collections: { orders: 'orders', contactsArchive: 'contacts_archive' },
		roles: { sales, warehouse, nightShift },
		policies,
		permissions,
		users,
		flow,
		operations: [first, summary],
		presets,
		dashboard,
		panels,
		translations,
		folder,
		file,
		orders,
		archivedContacts,
		comment,
	};
}
