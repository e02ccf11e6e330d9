/** The filter vocabulary as modules outside the compiler import it; the compiler itself imports each from its own file. */
export { currentUser } from './variables.ts';
export type { CompileSettings, Filter } from './types.ts';
