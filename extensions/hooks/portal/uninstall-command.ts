/**
 * `directus customer-portal uninstall [--remove-data] [--yes]`: removes what the product put on this
 * Directus (src/lifecycle/uninstall-portal.ts), after showing what goes and what stays and asking for the
 * confirmation phrase unless `--yes`. Directus loads extensions for its CLI too, with services and the
 * database, once the database is installed and migrated.
 */
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import { createInterface } from 'node:readline/promises';
import { isUninstallConfirmed, uninstallConfirmation } from '../../../src/lifecycle/uninstall-confirmation.ts';
import { planUninstall, type UninstallPlan, uninstallPortal } from '../../../src/lifecycle/uninstall-portal.ts';

/** The part of Directus's Commander program the command uses (Commander is Directus's dependency, not the product's). */
interface CliCommand {
	command(name: string): CliCommand;
	description(text: string): CliCommand;
	option(flags: string, description: string, fallback?: boolean): CliCommand;
	action(handler: (options: { removeData: boolean; yes: boolean }) => Promise<void>): CliCommand;
}

const list = (items: string[]) => (items.length === 0 ? '  (none)' : items.map((item) => `  - ${item}`).join('\n'));

function describePlan(plan: UninstallPlan): string {
	return [
		'Customer Portal uninstall removes:',
		`Collections:\n${list(plan.collections)}`,
		`Fields of collections that stay:\n${list(plan.fields)}`,
		`Policies:\n${list(plan.policies.map((policy) => policy.name))}`,
		`The portal role and its ${plan.users.length} portal user${plan.users.length === 1 ? '' : 's'} (contacts' portal logins; the contacts stay)`,
		"The portal's database triggers, functions and indexes, and its studio module in the module bar",
		plan.removeData
			? 'The help-desk data is removed too (--remove-data).'
			: `Kept as plain Directus collections, with their data:\n${list(plan.kept)}`,
	].join('\n');
}

export function registerUninstallCommand(
	{ init }: RegisterFunctions,
	{ services, database, getSchema }: HookExtensionContext,
): void {
	init('cli.before', (meta) => {
		const program = (meta as { program: CliCommand }).program;
		program
			.command('customer-portal')
			.description('Customer Portal maintenance')
			.command('uninstall')
			.description(
				'Remove everything Customer Portal put on this Directus; the help-desk data stays unless --remove-data',
			)
			.option('--remove-data', 'also remove the help-desk collections (customers … quotes) and their data', false)
			.option('-y, --yes', 'do not ask for the confirmation phrase', false)
			.action(async (options: { removeData: boolean; yes: boolean }) => {
				const context = { services, knex: database, getSchema: () => getSchema({ database, bypassCache: true }) };
				try {
					const plan = await planUninstall(context, { removeData: options.removeData });
					process.stdout.write(`${describePlan(plan)}\n\n`);
					if (!options.yes) {
						const prompt = createInterface({ input: process.stdin, output: process.stdout });
						const typed = await prompt.question(`Type "${uninstallConfirmation}" to go on: `);
						prompt.close();
						if (!isUninstallConfirmed(typed)) {
							process.stdout.write('Not confirmed; nothing was changed.\n');
							process.exit(1);
						}
					}
					await uninstallPortal(context, { removeData: options.removeData }, (event) => {
						process.stdout.write('step' in event ? `› ${event.step}\n` : `    removed ${event.removed}\n`);
					});
					process.stdout.write(
						'\nCustomer Portal is uninstalled. Now remove the package (npm uninstall, or its folder under extensions/) and restart Directus: ' +
							'until the package is removed, the next start installs the portal again.\n',
					);
					process.exit(0);
				} catch (error) {
					process.stderr.write(
						`Customer Portal uninstall stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nRun it again to finish.\n`,
					);
					process.exit(1);
				}
			});
	});
}
