/**
 * Sends the outbox (`deliverOutbox`): soon after a mail is queued here, and every 15 seconds on one of
 * the instances (Directus's schedule is synchronised through its SYNCHRONIZATION_STORE), which also picks
 * up retries and what another instance queued. One run at a time per process; a request asked for
 * during a run gets another run after it. Hourly, old rows of the outbox and the inbox are removed.
 */
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import { systemService } from '../../../src/directus/directus-context.ts';
import { deliverOutbox } from '../../../src/mail/deliver-outbox.ts';
import { outboxTable } from '../../../src/mail/outbox.ts';
import { retryPolicyFromEnv } from '../../../src/mail/outbox-retry.ts';
import { keepDaysFromEnv, pruneMailRecords } from '../../../src/mail/prune-mail-records.ts';
import { outboxState } from '../../shared/outbox-state.ts';

export function registerOutboxDelivery(
	{ init, schedule }: RegisterFunctions,
	{ services, getSchema, database, logger, env }: HookExtensionContext,
): void {
	const policy = retryPolicyFromEnv(env);
	let running: Promise<void> | null = null;
	let again = false;

	async function run(): Promise<void> {
		if (!(await database.schema.hasTable(outboxTable))) return;
		// One mailer per run, made when a mail is due: Directus checks the SMTP connection as it makes one.
		let mailer: Promise<{ send(mail: unknown): Promise<unknown> }> | null = null;
		const report = await deliverOutbox({
			knex: database,
			secret: String(env['SECRET'] ?? ''),
			policy,
			send: async (mail) => {
				mailer ??= getSchema().then((schema) => systemService({ services, schema, knex: database }, 'MailService'));
				await (await mailer).send(mail);
			},
		});
		if (report.retrying > 0 || report.failed > 0)
			logger.warn(
				`Customer Portal: ${report.retrying} e-mail(s) will be tried again, ${report.failed} could not be sent (see the outbox)`,
			);
	}

	function deliverSoon(): void {
		if (running) {
			again = true;
			return;
		}
		running = run()
			.catch((error: unknown) => logger.error(error, 'Customer Portal: the outbox could not be sent'))
			.finally(() => {
				running = null;
				if (again) {
					again = false;
					deliverSoon();
				}
			});
	}
	outboxState.deliverSoon = deliverSoon;

	init('app.after', () => deliverSoon());
	schedule('*/15 * * * * *', () => deliverSoon());
	// Hourly, on one instance: old sent mail and received mail go (`pruneMailRecords`).
	const keepDays = keepDaysFromEnv(env);
	schedule('17 * * * *', async () => {
		try {
			if (await database.schema.hasTable(outboxTable)) await pruneMailRecords(database, keepDays);
		} catch (error) {
			logger.error(error, 'Customer Portal: old outbox and inbox rows could not be removed');
		}
	});
}
