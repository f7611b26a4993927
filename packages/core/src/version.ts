/** The version of this copy of the library, reported when two copies meet on one page. Kept equal to package.json by a test. */
export const VERSION = '0.0.0';
