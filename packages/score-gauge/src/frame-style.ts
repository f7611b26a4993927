/** Where the reading goes over the drawing, as custom properties on the dial. */
import { cssProps } from '@safety-widgets/core';
import type { GaugeFrame } from './geometry.js';

const percent = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;

/** `--_inner-top` and `--_inner-width` of a frame, as a `style` attribute value. */
export const frameStyle = (frame: GaugeFrame): ReturnType<typeof cssProps> =>
  cssProps({ '--_inner-top': percent(frame.inner.top), '--_inner-width': percent(frame.inner.width) });
