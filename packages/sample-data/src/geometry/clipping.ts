/**
 * polygon-clipping ships CommonJS (`module.exports = {union, intersection, …}`) and an ES build
 * with only a default export, while its types declare named exports. This picks whichever shape
 * the runtime (Node, tsx or Vite) handed us.
 */
import * as clippingModule from 'polygon-clipping';

type Clipping = typeof clippingModule;

export const clipping: Clipping =
  (clippingModule as unknown as { default?: Clipping }).default ?? clippingModule;
