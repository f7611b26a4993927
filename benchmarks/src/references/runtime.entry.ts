/**
 * The shared runtime every self-contained widget file carries: Lit, all of core and
 * `<safety-feed>`. A widget's own code is its file minus this bundle (see sizes.ts).
 * Everything is re-exported so nothing is shaken out.
 */
import '@safety-widgets/core/safety-feed.js';

export * from '@safety-widgets/core';
export * from 'lit';
export * from 'lit/decorators.js';
