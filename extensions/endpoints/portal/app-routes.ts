import type { EndpointExtensionContext } from '@directus/types';
import type { Router } from 'express';

/** Serves the portal app at /portal/ (placeholder until the app lands). Registered after every /api route. */
export function registerPortalApp(_router: Router, _context: EndpointExtensionContext): void {}
