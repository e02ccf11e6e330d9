import manifest from '../../package.json' with { type: 'json' };

/** The bundle's version, from its package.json. */
export const bundleVersion: string = manifest.version;
