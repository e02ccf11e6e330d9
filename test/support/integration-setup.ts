/** Runs before every integration test file (see vitest.config.ts). */
import { directusUnderTest } from './directus-under-test.ts';
import { showLogOnFailure } from './log-on-failure.ts';

showLogOnFailure('the Directus under test', () => directusUnderTest().logFile);
