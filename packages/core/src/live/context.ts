/** The @lit/context key under which a `<safety-feed>` provides its FeedState to the widgets inside it. */
import { createContext } from '@lit/context';
import type { FeedState } from './types.js';

export const feedContext = createContext<FeedState>(Symbol.for('safety-widgets:feed-state'));
