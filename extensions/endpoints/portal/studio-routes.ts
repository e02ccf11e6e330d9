import type { EndpointExtensionContext } from '@directus/types';
import type { Router } from 'express';

/** Staff-only routes behind the studio module (placeholder until the module lands). */
export function registerStudioRoutes(_router: Router, _context: EndpointExtensionContext): void {}
