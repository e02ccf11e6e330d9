import type { ExtensionsServices, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import type { InboundContext } from '../../src/inbound/receive-mail.ts';
import { inboundSettingsFromEnv } from '../../src/inbound/inbound-settings.ts';
import { outboxContext } from './outbox-state.ts';

/** What taking a message needs, from a hook's or an endpoint's context. */
export function inboundContext(
	{ services, schema, knex }: { services: ExtensionsServices; schema: SchemaOverview; knex: Knex },
	env: Record<string, unknown>,
): InboundContext {
	return {
		directus: { services, schema, knex },
		outbox: outboxContext(knex, env),
		settings: inboundSettingsFromEnv(env),
		publicUrl: String(env['PUBLIC_URL'] ?? '').replace(/\/+$/, ''),
	};
}
