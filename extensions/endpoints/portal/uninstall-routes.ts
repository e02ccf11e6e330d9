/**
 * The studio's Uninstall action, for Directus admins only: GET shows what an uninstall would remove and
 * keep, POST does it (src/lifecycle/uninstall-portal.ts) once the body carries the confirmation phrase.
 * Registered before the doctor's gate: an admin must be able to uninstall a portal that is closed.
 */
import { ForbiddenError } from '@directus/errors';
import type { EndpointExtensionContext } from '@directus/types';
import type { Request, Router } from 'express';
import { UninstallNotConfirmedError } from '../../../src/errors/uninstall-not-confirmed-error.ts';
import { isUninstallConfirmed, uninstallConfirmation } from '../../../src/lifecycle/uninstall-confirmation.ts';
import { planUninstall, uninstallPortal } from '../../../src/lifecycle/uninstall-portal.ts';
import type { LifecycleContext } from '../../../src/lifecycle/lifecycle-context.ts';
import { accountabilityOf } from '../../shared/accountability-of.ts';
import { installState } from '../../shared/install-state.ts';
import { handle } from './handle.ts';

function adminContext(context: EndpointExtensionContext, request: Request): LifecycleContext {
	if (accountabilityOf(request)?.admin !== true) throw new ForbiddenError();
	return {
		services: context.services,
		knex: context.database,
		getSchema: () => context.getSchema({ database: context.database, bypassCache: true }),
	};
}

const removeDataOf = (request: Request) => (request.body as { removeData?: unknown } | undefined)?.removeData === true;

export function registerUninstallRoutes(router: Router, context: EndpointExtensionContext): void {
	router.get(
		'/api/studio/uninstall',
		handle(async (request, response) => {
			const lifecycle = adminContext(context, request);
			const removeData = request.query['removeData'] === 'true';
			response.json({
				data: { confirmation: uninstallConfirmation, plan: await planUninstall(lifecycle, { removeData }) },
			});
		}),
	);

	router.post(
		'/api/studio/uninstall',
		handle(async (request, response) => {
			const lifecycle = adminContext(context, request);
			if (!isUninstallConfirmed((request.body as { confirm?: unknown } | undefined)?.confirm))
				throw new UninstallNotConfirmedError();
			const removeData = removeDataOf(request);
			const removed: string[] = [];
			await uninstallPortal(lifecycle, { removeData }, (event) => {
				if ('removed' in event) removed.push(event.removed);
			});
			// This process's hooks stop at once; other instances notice the ledger is gone at their doctor's next run.
			installState.outcome = { status: 'uninstalled' };
			context.logger.warn(
				`Customer Portal uninstalled by ${String(accountabilityOf(request)?.user)}${removeData ? ', help-desk data included' : ''}: remove the package and restart Directus.`,
			);
			response.json({ data: { removed, removeData } });
		}),
	);
}
