/** The element kit: guarded definition, typed events and the standard state templates. */
export * from './define.js';
export * from './events.js';
export * from './states.js';
export * from './safety-element.js';
export * from './css-props.js';
export * from './announcer.js';
export * from './about.js';
export * from './idle.js';
export * from './snapshot.js';
