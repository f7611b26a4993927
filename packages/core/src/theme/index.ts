/** Theme tokens (`--safety-*` → `--_*`), the host reset, and the non-colour cues for risk levels and statuses. */
export * from './tokens.js';
export * from './cues.js';
export * from './contrast.js';
export * from './text-size.js';
