/**
 * Runs the portal doctor at start-up, after every change to what it reads, and every minute (another
 * instance may have made the change). While a critical finding stands, portal users cannot sign in
 * and the portal's routes answer 503 (see the endpoint); staff see the findings.
 */
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import { restoreManagedPolicies } from '../../../src/policies/restore-managed-policies.ts';
import { writeAudit } from '../../../src/audit/write-audit.ts';
import { isManagedPolicyFinding } from '../../../src/doctor/check-policies.ts';
import { runDoctor } from '../../../src/doctor/run-doctor.ts';
import { fetchDirectusVersion } from '../../../src/doctor/fetch-directus-version.ts';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import { isPortalUser } from '../../../src/access/is-portal-user.ts';
import { PortalClosedError } from '../../../src/errors/portal-closed-error.ts';
import { installFindings } from '../../../src/install/install-product-schema.ts';
import { ledgerTable } from '../../../src/install/migration-ledger.ts';
import { bundleVersion } from '../../shared/bundle-version.ts';
import { doctorState, portalIsOpen } from '../../shared/doctor-state.ts';
import { installState, productSchemaOwned } from '../../shared/install-state.ts';

/** How long a difference in the product's own policies must last before it counts as a change made by hand. */
const settleMs = 2_000;

/** Events after which the portal may have become unsafe, or safe again (Directus names its own collections' events without the prefix). */
const watched = [
	...['permissions', 'policies', 'access', 'roles', 'settings', 'users', 'collections', 'fields', 'relations'].flatMap(
		(scope) => ['create', 'update', 'delete'].map((event) => `${scope}.${event}`),
	),
	...['portal_groups', 'portal_settings'].flatMap((collection) =>
		['create', 'update', 'delete'].map((event) => `${collection}.items.${event}`),
	),
];

export function registerPortalDoctor(
	{ action, filter, init, schedule }: RegisterFunctions,
	{ services, getSchema, database, logger, env }: HookExtensionContext,
): void {
	let running: Promise<void> | null = null;
	/** Callers who asked while a run was under way: answered by the run after it. */
	let waiting: (() => void)[] = [];

	async function check(): Promise<void> {
		// Uninstalled through another instance (or by the command) while this one ran: its ledger is gone.
		if (installState.outcome?.status === 'installed' && !(await database.schema.hasTable(ledgerTable)))
			installState.outcome = { status: 'uninstalled' };
		// Until the product's schema is installed here (or while a newer one is), there is nothing else to check.
		const installProblems = installFindings(installState.outcome, bundleVersion);
		if (installProblems.length > 0) {
			for (const finding of installProblems) {
				if (!doctorState.findings?.some(({ id }) => id === finding.id))
					logger.warn(`Customer Portal doctor (${finding.severity}): ${finding.problem} Fix: ${finding.fix}`);
			}
			doctorState.findings = installProblems;
			doctorState.checkedAt = new Date();
			return;
		}
		const context = { services, schema: await getSchema(), knex: database };
		const examine = () => runDoctor(context, { env, version: fetchDirectusVersion() });
		let findings = await examine();
		// A policy of its own that differs from what the portal compiles is either a change made by hand or a
		// recompile caught half-way (a change is written to policies just before the group or settings row
		// that asks for it). Look again after a moment; what still differs is put back, and said so.
		if (findings.some(isManagedPolicyFinding)) {
			await new Promise((done) => setTimeout(done, settleMs));
			findings = await examine();
			const drift = findings.filter(isManagedPolicyFinding);
			if (drift.length > 0) {
				// A repair that fails part-way still leaves the findings read afresh below: the portal stays closed while they stand.
				await restoreManagedPolicies(context).catch((error: unknown) =>
					logger.error(error, 'Customer Portal doctor: could not put right what it found'),
				);
				logger.warn(
					`Customer Portal doctor: put right ${drift.length} change${drift.length === 1 ? '' : 's'} made outside the portal to what it manages: ${drift.map((finding) => finding.problem).join(' ')}`,
				);
				await writeAudit(context, {
					action: 'doctor.policies_restored',
					details: { findings: drift.map((finding) => finding.problem) },
				});
				findings = await examine();
			}
		}
		const before = new Set((doctorState.findings ?? []).map((finding) => finding.id));
		for (const finding of findings) {
			if (!before.has(finding.id))
				logger.warn(`Customer Portal doctor (${finding.severity}): ${finding.problem} Fix: ${finding.fix}`);
		}
		doctorState.findings = findings;
		doctorState.checkedAt = new Date();
	}

	/**
	 * One run at a time; changes during a run ask for one more, and what a caller awaits is a run that started
	 * after it asked (one under way may have read a change half-made). Failures close nothing further but are
	 * logged.
	 */
	function recheck(): Promise<void> {
		if (running) return new Promise((done) => waiting.push(done));
		running = check()
			.catch((error: unknown) => logger.error(error, 'Customer Portal: the portal doctor could not run'))
			.finally(() => {
				running = null;
				if (waiting.length > 0) {
					const answered = waiting;
					waiting = [];
					void recheck().then(() => {
						for (const done of answered) done();
					});
				}
			});
		return running;
	}
	// A change made through the portal's own routes (a data map saved) waits for a verdict on what it committed.
	doctorState.recheck = recheck;

	init('app.after', () => recheck());
	// Directus runs a scheduled tick on one instance only where several share a SYNCHRONIZATION_STORE.
	schedule('* * * * *', () => recheck());
	for (const event of watched) action(event, () => void recheck());

	// Portal users cannot sign in while the portal is closed; staff can, to fix it.
	filter('auth.login', async (payload, meta) => {
		if (portalIsOpen() || !productSchemaOwned()) return payload;
		const user = typeof meta['user'] === 'string' ? meta['user'] : null;
		if (!user) return payload;
		const settings = await fetchPortalSettings({ services, schema: await getSchema(), knex: database });
		const row = (await database('directus_users').select('role').where('id', user).first()) as
			{ role: string | null } | undefined;
		if (isPortalUser({ user, role: row?.role ?? null, admin: false }, settings.portal_role))
			throw new PortalClosedError();
		return payload;
	});
}
