import type { Knex } from 'knex';
import type { OutboxContext } from '../../src/mail/outbox.ts';
import { mailTemplatesFolder } from '../../src/mail/team-mail-templates.ts';

/**
 * This process's outbox delivery, shared by the hook that runs it and the endpoint that queues mail:
 * `deliverSoon` is set by the hook; until then (or where hooks are not loaded) queued mail waits for the
 * next scheduled run of any instance.
 */
export const outboxState: { deliverSoon: () => void } = { deliverSoon: () => undefined };

/** What queueing a mail needs: `knex`, Directus's SECRET, a delivery run asked for, and the team's templates. */
export function outboxContext(knex: Knex, env: Record<string, unknown>): OutboxContext {
	return {
		knex,
		secret: String(env['SECRET'] ?? ''),
		deliverSoon: () => outboxState.deliverSoon(),
		templatesFolder: mailTemplatesFolder(env),
	};
}
