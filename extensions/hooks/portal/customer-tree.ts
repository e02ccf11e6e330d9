import type { HookExtensionContext, RegisterFunctions } from '@directus/types';

/** Keeps `customer_tree` exact (placeholder until the hierarchy lands). */
export function registerCustomerTree(_events: RegisterFunctions, _context: HookExtensionContext): void {}
