/**
 * Staff change the help desk while contacts are signed in: parent visibility flips, customers are hidden
 * from or moved under other customers, contacts move to another customer or group (into and out of
 * "No Portal Access"). The product must carry every change into what Directus enforces — its customer
 * tree, its policies, suspended users — or contacts keep seeing what they no longer may. Changes are
 * made as the admin through REST and applied to the model's world the same way.
 */
import type { OracleHttp } from './oracle-http.ts';
import { eventually } from '../support/eventually.ts';
import type { Random } from '../support/random.ts';
import { keyOf } from './reference-model.ts';
import { type Id, noPortalAccess, type World } from './world.ts';
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
	const patchedContacts: Id[] = [];
	const auditBefore = await lastAuditId(http);

	if (random.chance(0.5)) {
		world.settings.parent_visibility = !world.settings.parent_visibility;
		await http.admin('PATCH', '/items/portal_settings', { parent_visibility: world.settings.parent_visibility });
		changes.push(`parent_visibility → ${String(world.settings.parent_visibility)}`);
	}

	for (const customer of random.sample(
		world.customers.filter((row) => row.parent !== null),
		2,
	)) {
		customer.visible_to_parent = !customer.visible_to_parent;
		await http.admin('PATCH', `/items/customers/${keyOf(customer.id)}`, {
			visible_to_parent: customer.visible_to_parent,
		});
		changes.push(`customer ${keyOf(customer.id)} visible_to_parent → ${String(customer.visible_to_parent)}`);
	}

	const moved = random.maybePick(world.customers);
	if (moved) {
		const below = subtreeOf(world, moved.id);
		const parent = random.maybePick(
			world.customers.filter((row) => !below.has(keyOf(row.id)) && keyOf(row.id) !== keyOf(moved.parent ?? '')),
		);
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
		patchedContacts.push(contact.id);
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
		patchedContacts.push(contact.id);
		// A contact drawn twice (once from each sample) is judged by the group it ends in.
		const earlier = regrouped.findIndex((row) => keyOf(row.contact) === keyOf(contact.id));
		if (earlier >= 0) regrouped.splice(earlier, 1);
		regrouped.push({
			contact: contact.id,
			user: contact.user,
			suspended: groupGrantsNothing(normalisePermissions(group.permissions)),
		});
		changes.push(`contact ${keyOf(contact.id)} → group "${group.name}"`);
	}

	// Action hooks run after Directus answers. A contact's access sync records its change once it is done: wait for
	// one entry per change sent. The badges copy their customer's tree path: wait until none lags behind.
	await eventually(async () => {
		if (patchedContacts.length === 0) return;
		const entries = await http.admin<unknown[]>(
			'GET',
			`/items/portal_audit?filter[action][_eq]=contact.access_changed&filter[id][_gt]=${auditBefore}&filter[target_id][_in]=${patchedContacts.map(keyOf).join(',')}&fields=id&limit=-1`,
		);
		if (entries.length < patchedContacts.length)
			throw new Error(
				`${patchedContacts.length - entries.length} contact change(s) of world ${world.tag} (seed ${world.seed}) not applied yet`,
			);
	});
	await eventually(async () => {
		const customers = await http.admin<{ tree_path: string; portal_badge: string | null }[]>(
			'GET',
			`/items/customers?filter[id][_in]=${world.customers.map((row) => keyOf(row.id)).join(',')}&filter[portal_badge][_nnull]=true&fields=tree_path,portal_badge&limit=-1`,
		);
		if (customers.length === 0) return;
		const badges = await http.admin<{ id: string; portal_tree_path: string | null }[]>(
			'GET',
			`/policies?filter[id][_in]=${customers.map((row) => row.portal_badge).join(',')}&fields=id,portal_tree_path&limit=-1`,
		);
		const lagging = customers.filter(
			(row) => badges.find((badge) => badge.id === row.portal_badge)?.portal_tree_path !== row.tree_path,
		);
		if (lagging.length > 0)
			throw new Error(
				`${lagging.length} badge(s) of world ${world.tag} (seed ${world.seed}) behind their customer's tree path`,
			);
	});
	await eventually(async () => {
		if (regrouped.length === 0) return;
		const users = await http.admin<{ id: string; status: string }[]>(
			'GET',
			`/users?filter[id][_in]=${regrouped.map((row) => keyOf(row.user)).join(',')}&fields=id,status&limit=-1`,
		);
		const unsettled = regrouped.filter(
			(row) => (users.find((user) => user.id === keyOf(row.user))?.status === 'suspended') !== row.suspended,
		);
		if (unsettled.length > 0)
			throw new Error(
				`${unsettled.length} regrouped user(s) of world ${world.tag} (seed ${world.seed}) not (un)suspended as their new group says`,
			);
	});
	return { changes, regrouped };
}

/** The id of the latest audit entry, or 0. */
async function lastAuditId(http: OracleHttp): Promise<number> {
	const [latest] = await http.admin<{ id: number }[]>('GET', '/items/portal_audit?fields=id&sort=-id&limit=1');
	return latest?.id ?? 0;
}
