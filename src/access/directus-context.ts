// Moved: kept for the modules that still import it from here.
export * from '../directus/directus-context.ts';
