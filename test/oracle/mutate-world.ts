/**
 * Staff change the help desk while contacts are signed in: parent visibility flips, customers are hidden
 * from or moved under other customers, contacts move to another customer or group (into and out of
 * "No Portal Access"). The product must carry every change into what Directus enforces — its customer
 * tree, its policies, suspended users — or contacts keep seeing what they no longer may. Changes are
 * made as the admin through REST and applied to the model's world the same way.
 */
import type { OracleHttp } from './oracle-http.ts';
import type { Random } from '../support/random.ts';
import { keyOf } from './reference-model.ts';
import { noPortalAccess, type Id, type World } from './world.ts';
import { groupGrantsNothing, normalisePermissions } from './normalise-permissions.ts';

export interface Mutations {
	/** What was changed, for the log. */
	changes: string[];
	/** Contacts whose group changed, with whether their user must now be suspended. */
	regrouped: { contact: Id; user: Id; suspended: boolean }[];
}

function subtreeOf(world: World, root: Id): Set<string> {
	const subtree = new Set([keyOf(root)]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const customer of world.customers) {
			if (customer.parent !== null && subtree.has(keyOf(customer.parent)) && !subtree.has(keyOf(customer.id))) {
				subtree.add(keyOf(customer.id));
				grew = true;
			}
		}
	}
	return subtree;
}

export async function mutateWorld(http: OracleHttp, world: World, random: Random): Promise<Mutations> {
	const changes: string[] = [];
	const regrouped: Mutations['regrouped'] = [];

	if (random.chance(0.5)) {
		world.settings.parent_visibility = !world.settings.parent_visibility;
		await http.admin('PATCH', '/items/portal_settings', { parent_visibility: world.settings.parent_visibility });
		changes.push(`parent_visibility → ${String(world.settings.parent_visibility)}`);
	}

	for (const customer of random.sample(world.customers.filter((row) => row.parent !== null), 2)) {
		customer.visible_to_parent = !customer.visible_to_parent;
		await http.admin('PATCH', `/items/customers/${keyOf(customer.id)}`, { visible_to_parent: customer.visible_to_parent });
		changes.push(`customer ${keyOf(customer.id)} visible_to_parent → ${String(customer.visible_to_parent)}`);
	}

	const moved = random.maybePick(world.customers);
	if (moved) {
		const below = subtreeOf(world, moved.id);
		const parent = random.maybePick(world.customers.filter((row) => !below.has(keyOf(row.id)) && keyOf(row.id) !== keyOf(moved.parent ?? '')));
		if (parent) {
			moved.parent = parent.id;
			await http.admin('PATCH', `/items/customers/${keyOf(moved.id)}`, { parent: parent.id });
			changes.push(`customer ${keyOf(moved.id)} moved under ${keyOf(parent.id)}`);
		}
	}

	const withUser = world.contacts.filter((row) => row.user !== null);
	for (const contact of random.sample(withUser, 2)) {
		const customer = random.maybePick(world.customers.filter((row) => keyOf(row.id) !== keyOf(contact.customer)));
		if (!customer) continue;
		contact.customer = customer.id;
		contact.location = null;
		await http.admin('PATCH', `/items/contacts/${keyOf(contact.id)}`, { customer: customer.id, location: null });
		changes.push(`contact ${keyOf(contact.id)} moved to customer ${keyOf(customer.id)}`);
	}

	const groups = world.portal_groups.filter((group) => group.is_system || group.name.startsWith(`${world.tag} `));
	const npa = groups.find((group) => group.name === noPortalAccess);
	const intoOrOutOf = withUser.filter((row) => npa !== undefined && keyOf(row.portal_group ?? '') === keyOf(npa.id));
	for (const contact of [...random.sample(withUser, 3), ...random.sample(intoOrOutOf, 1)]) {
		const group = random.maybePick(groups.filter((row) => keyOf(row.id) !== keyOf(contact.portal_group ?? '')));
		if (!group || contact.user === null) continue;
		contact.portal_group = group.id;
		await http.admin('PATCH', `/items/contacts/${keyOf(contact.id)}`, { portal_group: group.id });
		regrouped.push({ contact: contact.id, user: contact.user, suspended: groupGrantsNothing(normalisePermissions(group.permissions)) });
		changes.push(`contact ${keyOf(contact.id)} → group "${group.name}"`);
	}

	// Action hooks run after Directus answers: wait until regrouped users are (un)suspended, then a moment more.
	const deadline = Date.now() + 10_000;
	while (regrouped.length > 0 && Date.now() < deadline) {
		const users = await http.admin<{ id: string; status: string }[]>('GET', `/users?filter[id][_in]=${regrouped.map((row) => keyOf(row.user)).join(',')}&fields=id,status&limit=-1`);
		const settled = regrouped.every((row) => (users.find((user) => user.id === keyOf(row.user))?.status === 'suspended') === row.suspended);
		if (settled) break;
		await new Promise((done) => setTimeout(done, 200));
	}
	await new Promise((done) => setTimeout(done, 500));
	return { changes, regrouped };
}
