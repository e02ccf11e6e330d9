/**
 * Keeps Directus's roles, policies, permissions and access rows in step with portal groups, portal
 * settings, contacts, and staff's changes to portal users in the User Directory.
 *
 * Filters read and write through the event's own connection (on SQLite a second connection would wait
 * for the write's transaction forever). Directus runs `items.update` / `items.delete` filters before it
 * checks the caller's permissions and
 * outside the write's transaction, and runs actions after the commit without waiting for them. So:
 * filters only check and refuse (read-only) — except for admins, whose writes cannot be refused by
 * permissions, where they also apply the change at once so it holds on the very next request; actions
 * then bring everything in line with what was committed, for every caller.
 */
import type {
	Accountability,
	EventContext,
	FilterHandler,
	HookExtensionContext,
	RegisterFunctions,
	SchemaOverview,
} from '@directus/types';
import type { Knex } from 'knex';
import { applyPortalSettings } from '../../../src/policies/apply-portal-settings.ts';
import { assertGroupsDeletable } from '../../../src/access/assert-groups-deletable.ts';
import { contactAccessFields } from '../../../src/access/contact-access-fields.ts';
import { releasePortalUser } from '../../../src/access/release-portal-user.ts';
import { syncContactAccess } from '../../../src/access/sync-contact-access.ts';
import { syncUserAccess } from '../../../src/access/sync-user-access.ts';
import type { DirectusContext } from '../../../src/directus/directus-context.ts';
import {
	adminService,
	clearPermissionCaches,
	inTransaction,
	systemService,
} from '../../../src/directus/directus-context.ts';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import { followUserStatus } from '../../../src/access/follow-user-status.ts';
import { isPortalUser } from '../../../src/access/is-portal-user.ts';
import { prepareContactCreate } from '../../../src/access/prepare-contact-create.ts';
import { prepareContactUpdate } from '../../../src/access/prepare-contact-update.ts';
import { preparePortal } from '../../../src/access/prepare-portal.ts';
import type { PortalGroupRecord, PortalSettingsRecord } from '../../../src/access/portal-records.ts';
import { readContactAccess } from '../../../src/access/read-contact-access.ts';
import type { ObjectMap } from '../../../src/data-map/data-map.ts';
import { byRole } from '../../../src/data-map/by-role.ts';
import { storedAs } from '../../../src/data-map/stored-as.ts';
import { fetchDataMap } from '../../../src/settings/fetch-data-map.ts';
import { mappedObjectFor } from '../../shared/mapped-object-for.ts';
import { schemaOn } from '../../shared/schema-on.ts';
import { syncGroupPolicy, writeGroupPolicy } from '../../../src/policies/sync-group-policy.ts';
import { unlinkUsers } from '../../../src/access/unlink-users.ts';
import { writeAudit } from '../../../src/audit/write-audit.ts';
import { writeContactAccessAudit } from '../../../src/audit/write-contact-access-audit.ts';
import { SystemGroupReadOnlyError } from '../../../src/errors/system-group-read-only-error.ts';
import { assertGroupName } from '../../../src/groups/assert-group-name.ts';
import { assertSettingsLimits } from '../../../src/settings/assert-settings-limits.ts';
import { assertGroupPermissions } from '../../../src/groups/assert-group-permissions.ts';
import { compileOptionsOf } from '../../../src/settings/compile-options-of.ts';

type Payload = Record<string, unknown>;
type Key = string | number;

/** Admins and the product itself: their writes pass Directus's permission checks whatever they are. */
const actsAsAdmin = (accountability: Accountability | null) => accountability === null || accountability.admin === true;

export function registerPortalAccess(
	{ action, filter, init }: RegisterFunctions,
	{ services, getSchema, database, logger }: HookExtensionContext,
): void {
	/** The context for work on `knex`, with the event's schema where it came with one (see `schemaOn`). */
	const contextOn = async (knex: Knex, schema?: SchemaOverview | null): Promise<DirectusContext> => ({
		services,
		schema: await schemaOn(getSchema, knex, schema),
		knex,
	});

	/**
	 * A filter for writes by the product and by Directus users who are not portal users (admins, help-desk
	 * staff). Portal users and visitors pass through untouched: Directus refuses them on permissions, and
	 * the checks below must not tell them anything first.
	 */
	const staffFilter = <T>(event: string, handler: FilterHandler<T>) =>
		filter<T>(event, async (payload, meta, eventContext) =>
			(await isStaffWrite(eventContext)) ? handler(payload, meta, eventContext) : payload,
		);
	const isStaffWrite = async ({ accountability, database: knex, schema }: EventContext): Promise<boolean> => {
		if (!accountability || accountability.admin) return true;
		if (!accountability.user) return false;
		return !isPortalUser(accountability, (await fetchPortalSettings(await contextOn(knex, schema))).portal_role);
	};

	/**
	 * A staff filter on writes to the collection playing contacts, whatever it is named (see
	 * `mappedObjectFor`): the collection is looked up first, so the team's other writes cost one primary-key
	 * read and nothing else.
	 */
	const contactsFilter = <T>(
		action: 'create' | 'update' | 'delete',
		handler: (
			payload: T,
			meta: Record<string, unknown>,
			eventContext: EventContext,
			contacts: ObjectMap<'contacts'>,
		) => Promise<T>,
	) =>
		filter<T>(`items.${action}`, async (payload, meta, eventContext) => {
			const contacts = await mappedObjectFor(eventContext.database, 'contacts', meta['collection']);
			if (!contacts || !(await isStaffWrite(eventContext))) return payload;
			return handler(payload, meta, eventContext, contacts);
		});

	init('app.after', async () => {
		try {
			await preparePortal(await contextOn(database));
		} catch (error) {
			logger.error(error, 'Customer Portal: could not prepare portal groups and policies');
		}
	});

	// ── Portal groups ────────────────────────────────────────────────────────────────────────────────

	staffFilter('portal_groups.items.create', async (payload, _meta, { database: trx, schema, accountability }) => {
		const input = payload as Payload;
		const group: Payload = {
			...input,
			name: assertGroupName(input['name']),
			permissions: assertGroupPermissions(input['permissions'] ?? {}),
			is_system: false,
			policy: null,
		};
		// Create filters run inside the write's transaction: for admins, compile now, atomically with the group.
		if (actsAsAdmin(accountability)) {
			const context = await contextOn(trx, schema);
			const settings = await fetchPortalSettings(context);
			group['policy'] = await writeGroupPolicy(
				context,
				{ name: String(input['name'] ?? ''), permissions: group['permissions'], policy: null },
				compileOptionsOf(settings),
			);
		}
		return group;
	});

	staffFilter('portal_groups.items.update', async (payload, meta, { database, schema, accountability }) => {
		const changes = { ...(payload as Payload) };
		delete changes['is_system'];
		delete changes['policy'];
		if ('permissions' in changes) changes['permissions'] = assertGroupPermissions(changes['permissions'] ?? {});
		if ('name' in changes) changes['name'] = assertGroupName(changes['name']);
		const context = await contextOn(database, schema);
		const groups = (await adminService(context, 'portal_groups').readMany(meta['keys'] as Key[], {
			fields: ['id', 'name', 'is_system', 'permissions', 'policy'],
		})) as PortalGroupRecord[];
		const system = groups.find((group) => group.is_system);
		if (system) throw new SystemGroupReadOnlyError({ group: system.name });
		if (actsAsAdmin(accountability)) {
			const settings = await fetchPortalSettings(context);
			// All of a policy's rows or none: a connection lost half-way must not leave a half-compiled policy.
			await inTransaction(context, async (trx) => {
				for (const group of groups) {
					await writeGroupPolicy(
						trx,
						{
							name: String(changes['name'] ?? group.name),
							permissions: changes['permissions'] ?? group.permissions,
							policy: group.policy,
						},
						compileOptionsOf(settings),
					);
				}
			});
		}
		return changes;
	});

	action('portal_groups.items.create', async ({ key, payload }, { accountability }) => {
		await resync(async (context) => {
			const settings = await fetchPortalSettings(context);
			await syncGroupPolicy(context, Number(key), compileOptionsOf(settings));
			if (accountability?.user) {
				await writeAudit(context, {
					action: 'group.created',
					actor_user: accountability.user,
					target_collection: 'portal_groups',
					target_id: key as Key,
					details: { name: (payload as Payload)['name'] ?? null },
					ip: accountability.ip ?? null,
				});
			}
		});
	});

	action('portal_groups.items.update', async ({ keys, payload }, { accountability }) => {
		await resync(async (context) => {
			const settings = await fetchPortalSettings(context);
			for (const key of keys as Key[]) {
				await syncGroupPolicy(context, Number(key), compileOptionsOf(settings));
				if (accountability?.user) {
					await writeAudit(context, {
						action: 'group.changed',
						actor_user: accountability.user,
						target_collection: 'portal_groups',
						target_id: key,
						details: { fields: Object.keys(payload as Payload) },
						ip: accountability.ip ?? null,
					});
				}
			}
		});
	});

	/** Policies of groups being deleted, handed from the filter (which can still read them) to the action. */
	const policiesOfDeletedGroups = new Map<string, string[]>();

	staffFilter('portal_groups.items.delete', async (keys, _meta, { database, schema }) => {
		const context = await contextOn(database, schema);
		const groups = (await adminService(context, 'portal_groups').readMany(keys as Key[], {
			fields: ['id', 'name', 'is_system', 'policy'],
		})) as PortalGroupRecord[];
		await assertGroupsDeletable(context, { groups, defaultGroup: (await fetchPortalSettings(context)).default_group });
		policiesOfDeletedGroups.set(
			JSON.stringify([...(keys as Key[])].sort()),
			groups.map((group) => group.policy).filter((policy): policy is string => policy !== null),
		);
		return keys;
	});

	action('portal_groups.items.delete', async ({ keys }) => {
		const id = JSON.stringify([...(keys as Key[])].sort());
		const policies = policiesOfDeletedGroups.get(id) ?? [];
		policiesOfDeletedGroups.delete(id);
		if (policies.length === 0) return;
		await resync(async (context) => {
			await systemService(context, 'PoliciesService').deleteMany(policies);
		});
	});

	// ── Portal settings ──────────────────────────────────────────────────────────────────────────────

	for (const event of ['portal_settings.items.create', 'portal_settings.items.update']) {
		staffFilter(event, async (payload, _meta, { database, schema, accountability }) => {
			const changes = { ...(payload as Payload) };
			for (const managed of ['portal_role', 'staff_policy', 'public_policy', 'data_map']) delete changes[managed];
			assertSettingsLimits(changes);
			if (actsAsAdmin(accountability)) {
				const context = await contextOn(database, schema);
				await applyPortalSettings(context, {
					changed: changes,
					settings: { ...(await fetchPortalSettings(context)), ...(changes as Partial<PortalSettingsRecord>) },
				});
			}
			return changes;
		});
		action(event, async ({ payload }) => {
			await resync(async (context) =>
				applyPortalSettings(context, { changed: payload as Payload, settings: await fetchPortalSettings(context) }),
			);
		});
	}

	// ── Contacts and their users ─────────────────────────────────────────────────────────────────────

	/**
	 * Users whose contact a pending write unlinks (or deletes), by contact, handed from the filter (which
	 * still sees the old link) to the action: only those are released, never a sweep over every portal
	 * user, which would race with links being made by other requests.
	 */
	const unlinkedUsers = new Map<string, string>();

	/**
	 * The syncs running after contact writes on this instance, by contact. An admin's next write to the same
	 * contact waits for them before applying its change at once: an older sync, reading what was committed
	 * before, would otherwise undo it until the newer write's own sync runs. (Correctness does not depend on
	 * this: each sync reads the contact under the user's lock; this keeps an admin's change in force from the
	 * very next request.)
	 */
	const syncsInFlight = new Map<string, Promise<void>>();
	const afterSyncsOf = async (contactIds: Key[], knex: Knex) => {
		// Not inside a transaction: a sync started by an earlier write in it may be waiting for its commit.
		if (knex.isTransaction) return;
		await Promise.all(contactIds.map((id) => syncsInFlight.get(String(id))));
	};

	contactsFilter<Payload>('create', async (payload, _meta, { database: trx, schema, accountability }, contacts) => {
		const access = byRole(contacts, payload as Payload, contactAccessFields);
		if (typeof access.user !== 'string') return { ...(payload as Payload) };
		const context = await contextOn(trx, schema);
		const prepared = await prepareContactCreate(context, {
			contact: access,
			settings: await fetchPortalSettings(context),
			applyNow: actsAsAdmin(accountability),
		});
		return { ...(payload as Payload), ...storedAs(contacts, prepared) };
	});

	contactsFilter<Payload>('update', async (payload, meta, { database, schema, accountability }, contacts) => {
		const changes = byRole(contacts, payload as Payload, contactAccessFields);
		if (Object.keys(changes).length === 0) return { ...(payload as Payload) };
		const keys = meta['keys'] as Key[];
		if (actsAsAdmin(accountability)) await afterSyncsOf(keys, database);
		const context = await contextOn(database, schema);
		const settings = await fetchPortalSettings(context);
		const role = settings.portal_role;
		if (!role) return { ...(payload as Payload) };
		const prepared = await prepareContactUpdate(context, {
			keys,
			changes,
			settings: { ...settings, portal_role: role },
			applyNow: actsAsAdmin(accountability),
			onUnlink: (contact, user) => unlinkedUsers.set(String(contact), user),
		});
		return { ...(payload as Payload), ...storedAs(contacts, prepared) };
	});

	contactsFilter<Key[]>('delete', async (keys, _meta, { database, schema, accountability }, contacts) => {
		if (actsAsAdmin(accountability)) await afterSyncsOf(keys as Key[], database);
		const context = await contextOn(database, schema);
		const role = (await fetchPortalSettings(context)).portal_role;
		if (!role) return keys;
		for (const contact of await readContactAccess(database, contacts, { keys: keys as Key[] })) {
			if (!contact.user) continue;
			unlinkedUsers.set(String(contact.id), contact.user);
			// Fail closed at once for admins; the action releases for everyone once the delete is committed.
			if (actsAsAdmin(accountability)) await releasePortalUser(context, contact.user, role);
		}
		return keys;
	});

	for (const event of ['items.create', 'items.update']) {
		action(event, async ({ payload, key, keys, collection }, { accountability }) => {
			const contacts = await mappedObjectFor(database, 'contacts', collection);
			if (!contacts) return;
			const changes = byRole(contacts, payload as Payload, contactAccessFields);
			const changed = contactAccessFields.filter((role) => role in changes);
			if (changed.length === 0) return;
			const contactIds = (keys as Key[] | undefined) ?? [key as Key];
			const sync = resync(async (context) => {
				const settings = await fetchPortalSettings(context);
				if (settings.portal_role) {
					await syncContactAccess(context, contactIds, settings.portal_role, settings.default_group);
					await releaseUnlinked(context, contactIds, settings.portal_role, settings.default_group);
					// An admin's create of a contact with a login was applied inside the write's transaction, where
					// Directus cleared its permission caches before the commit: clear them once more now that it is visible.
					if (event === 'items.create' && actsAsAdmin(accountability) && typeof changes.user === 'string')
						await clearPermissionCaches(context);
				}
				// Changes made through Directus by a person; the product's own endpoints write their own entries.
				if (accountability?.user) {
					await writeContactAccessAudit(context, {
						contactIds,
						changed,
						payload: changes,
						actor: accountability.user,
						ip: accountability.ip ?? null,
					});
				}
			});
			for (const id of contactIds) syncsInFlight.set(String(id), sync);
			await sync;
			for (const id of contactIds) if (syncsInFlight.get(String(id)) === sync) syncsInFlight.delete(String(id));
		});
	}

	// A person's change to whether a customer's parent sees it: who above it sees its tickets and projects.
	action('items.update', async ({ payload, keys, collection }, { accountability }) => {
		const customers = await mappedObjectFor(database, 'customers', collection);
		if (!customers || !accountability?.user) return;
		const { visible_to_parent: visible } = byRole(customers, payload as Payload, ['visible_to_parent']);
		if (visible === undefined) return;
		await resync(async (context) => {
			for (const key of keys as Key[])
				await writeAudit(context, {
					action: 'customer.visibility_changed',
					actor_user: accountability.user,
					customer: key,
					target_collection: customers.collection,
					target_id: key,
					details: { visible_to_parent: visible },
					ip: accountability.ip ?? null,
				});
		});
	});

	action('items.delete', async ({ keys, collection }) => {
		if (!(await mappedObjectFor(database, 'contacts', collection))) return;
		await resync(async (context) => {
			const settings = await fetchPortalSettings(context);
			if (settings.portal_role)
				await releaseUnlinked(context, keys as Key[], settings.portal_role, settings.default_group);
		});
	});

	// ── Portal users changed by staff in Directus's User Directory ────────────────────────────────────
	// Only people's writes: the product's own (no accountability) keep users in step with contacts, and a
	// portal user's are refused by Directus before any action. An admin's change is applied by the filter,
	// before the write, so it holds from the very next request; the action applies it again once committed.

	filter('users.update', async (payload, meta, { database: knex, schema, accountability }) => {
		const status = (payload as Payload)['status'];
		if (typeof status === 'string' && accountability?.admin === true)
			await followUserStatus(await contextOn(knex, schema), accountability, meta['keys'] as string[], status);
		return payload;
	});

	action('users.update', async ({ payload, keys }, { accountability }) => {
		const status = (payload as Payload)['status'];
		if (typeof status !== 'string' || !accountability?.user) return;
		await resync(async (context) => {
			await followUserStatus(context, null, keys as string[], status);
			// Also where the contact's login did not change: a user of a group that grants nothing stays suspended.
			const settings = await fetchPortalSettings(context);
			const contacts = await readContactAccess(context.knex, (await fetchDataMap(context)).contacts, {
				users: keys as string[],
			});
			if (settings.portal_role)
				await syncContactAccess(
					context,
					contacts.map((contact) => contact.id),
					settings.portal_role,
					settings.default_group,
				);
		});
	});

	filter('users.delete', async (keys, _meta, { database: knex, schema, accountability }) => {
		if (accountability?.admin === true)
			await unlinkUsers(await contextOn(knex, schema), accountability, keys as string[]);
		return keys;
	});

	// The database removed the deleted users' access rows and links unseen by Directus's permission caches.
	action('users.delete', async () => {
		await resync(clearPermissionCaches);
	});

	/** Brings in line the users the filters saw these contacts let go of: released, unless another contact links them meanwhile. */
	async function releaseUnlinked(
		context: DirectusContext,
		contactIds: Key[],
		role: string,
		defaultGroup: number | null,
	): Promise<void> {
		for (const contact of contactIds) {
			const user = unlinkedUsers.get(String(contact));
			if (!user) continue;
			unlinkedUsers.delete(String(contact));
			await syncUserAccess(context, user, role, defaultGroup);
		}
	}

	/** Runs after-commit maintenance; its failure is logged, since no request is waiting for it. */
	async function resync(work: (context: DirectusContext) => Promise<void>): Promise<void> {
		try {
			await work(await contextOn(database));
		} catch (error) {
			logger.error(error, 'Customer Portal: could not bring portal access in line after a change');
		}
	}
}
