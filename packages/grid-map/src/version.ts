/** The version of this copy of `<safety-grid-map>`, reported when two copies meet on one page. Kept equal to package.json by a test. */
export const VERSION = '0.0.0';
