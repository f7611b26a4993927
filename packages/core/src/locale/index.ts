/** Locale resolution, the shared `LocaleController`, Intl formatting and the shared UI strings. */
export * from './resolve.js';
export * from './controller.js';
export * from './format.js';
export * from './messages.js';
export * from './catalogue.js';
