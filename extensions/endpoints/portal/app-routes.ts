/**
 * Serves the portal app (built by Vite into `dist/portal/`, next to the bundle's `dist/api.js`) at /portal/.
 * Hashed assets are cached for a year; every other GET that is not an /api route gets `index.html`
 * uncached, so deep links (/portal/tickets/12) load the app and a new build is picked up at once.
 * Unknown /portal/api/* paths answer Directus's own 404 JSON, never the app.
 */
import type { EndpointExtensionContext } from '@directus/types';
import type { NextFunction, Request, Response, Router } from 'express';
import { RouteNotFoundError } from '@directus/errors';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const contentTypes: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.json': 'application/json; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
};

/**
 * The app's page: no caching (it names the current hashed assets), no framing, no referrer (invitation
 * and reset links carry their token in the query string), and scripts only from this server.
 */
const pageHeaders: Record<string, string> = {
	'Cache-Control': 'no-cache, no-store, must-revalidate',
	'Content-Security-Policy':
		"default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
	'Referrer-Policy': 'no-referrer',
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'DENY',
};

/** The built app's folder: `dist/portal/` beside the built `dist/api.js` this code runs from. */
export function portalAppFolder(moduleUrl: string = import.meta.url): string {
	return fileURLToPath(new URL('./portal/', moduleUrl));
}

/**
 * The file under `root` a URL path names, or null when the path leaves the folder, names a dotfile or
 * cannot be decoded. Works on the decoded path, so `%2e%2e%2f` is caught like `../`.
 */
export function resolveAppFile(root: string, urlPath: string): string | null {
	let decoded: string;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return null;
	}
	if (decoded.includes('\0') || decoded.includes('\\')) return null;
	const segments = decoded.split('/').filter((segment) => segment !== '');
	if (segments.some((segment) => segment.startsWith('.'))) return null;
	const base = resolve(root);
	const file = resolve(base, ...segments);
	return file.startsWith(base + sep) ? file : null;
}

async function isFile(path: string): Promise<boolean> {
	try {
		return (await stat(path)).isFile();
	} catch {
		return false;
	}
}

export function registerPortalApp(router: Router, _context: EndpointExtensionContext): void {
	const root = portalAppFolder();

	router.use('/api', (request: Request, _response: Response, next: NextFunction) => {
		next(new RouteNotFoundError({ path: `${request.baseUrl}${request.path}` }));
	});

	router.use((request: Request, response: Response, next: NextFunction) => {
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			next();
			return;
		}
		// `/portal` without the slash: the app's relative links need the folder form.
		if (request.path === '/' && !request.originalUrl.split('?')[0]?.endsWith('/')) {
			response.redirect(301, `${request.baseUrl}/`);
			return;
		}
		serve(request, response).catch(next);
	});

	async function serve(request: Request, response: Response): Promise<void> {
		const file = resolveAppFile(root, request.path);
		if (request.path.startsWith('/assets/')) {
			if (!file || !(await isFile(file))) {
				response.status(404).type('text/plain').send('Not found');
				return;
			}
			response.set({ 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' });
			response.type(contentTypes[extname(file)] ?? 'application/octet-stream').send(await readFile(file));
			return;
		}
		if (file && !file.endsWith(`${sep}index.html`) && (await isFile(file))) {
			response.set({ 'Cache-Control': 'public, max-age=3600', 'X-Content-Type-Options': 'nosniff' });
			response.type(contentTypes[extname(file)] ?? 'application/octet-stream').send(await readFile(file));
			return;
		}
		const page = resolve(root, 'index.html');
		if (!(await isFile(page))) {
			response
				.status(503)
				.type('text/plain')
				.send('The portal app is not built. Run `npm run build` and restart Directus.');
			return;
		}
		response
			.set(pageHeaders)
			.type('text/html; charset=utf-8')
			.send(await readFile(page));
	}
}
