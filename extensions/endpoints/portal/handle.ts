import type { NextFunction, Request, Response } from 'express';

type Handler = (request: Request, response: Response) => Promise<void>;

/** Express 4 does not catch rejected promises: hand every error to Directus's error handler. */
export const handle = (handler: Handler) => (request: Request, response: Response, next: NextFunction) => {
	handler(request, response).catch(next);
};
