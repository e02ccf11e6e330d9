/**
 * Sends the outbox (`deliverOutbox`): soon after a mail is queued here, and every 15 seconds on one of
 * the instances (Directus's schedule is synchronised through its SYNCHRONIZATION_STORE), which also picks
 * up retries and what another instance queued. One run at a time per process; a request asked for
 * during a run gets another run after it.
 */
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import { systemService } from '../../../src/directus/directus-context.ts';
import { deliverOutbox } from '../../../src/mail/deliver-outbox.ts';
import { outboxTable } from '../../../src/mail/outbox.ts';
import { retryPolicyFromEnv } from '../../../src/mail/outbox-retry.ts';
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
		const report = await deliverOutbox({
			knex: database,
			secret: String(env['SECRET'] ?? ''),
			policy,
			send: async (mail) => {
				const mailer = systemService({ services, schema: await getSchema(), knex: database }, 'MailService');
				await mailer.send(mail);
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
}
