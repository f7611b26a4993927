/**
 * What the widgets' snapshot tests (`packages/<widget>/src/snapshot.browser.test.ts`) look for
 * when they check that a widget drawn as a still picture (`snapshot`, print) offers nothing to
 * operate: the controls a reader could see, and the operable nodes of Chromium's own
 * accessibility tree. Shared by the widget packages' tests, no part of any published package.
 */
import { cdp } from 'vitest/browser';
import type {} from '@vitest/browser-playwright';

const CONTROLS = 'button, input, select, summary, [role="button"], [role="toolbar"], [role="slider"]';

/** Controls (and, with `focusable`, anything with a tabindex) in the widget's shadow root that are drawn. */
export const visibleControls = (el: Element, focusable = true): Element[] =>
  [...el.shadowRoot!.querySelectorAll(focusable ? `${CONTROLS}, [tabindex]` : CONTROLS)].filter((c) =>
    c.checkVisibility(),
  );

/** Every role a reader could operate. */
const OPERABLE_ROLES = [
  'button',
  'toolbar',
  'slider',
  'radio',
  'checkbox',
  'combobox',
  'searchbox',
  'textbox',
  'application',
  'DisclosureTriangle',
];

type FrameTree = { frame: { id: string; url: string }; childFrames?: FrameTree[] };

/** Operable nodes of the test frame's accessibility tree (Chromium's, through CDP), by role. */
export async function controlsInTree(): Promise<string[]> {
  const { frameTree } = (await cdp().send('Page.getFrameTree')) as { frameTree: FrameTree };
  const find = (t: FrameTree): string | undefined =>
    t.frame.url === location.href ? t.frame.id : t.childFrames?.map(find).find(Boolean);
  const frameId = find(frameTree);
  const { nodes } = await cdp().send('Accessibility.getFullAXTree', frameId ? { frameId } : {});
  return nodes
    .filter((n) => !n.ignored && OPERABLE_ROLES.includes(String(n.role?.value)))
    .map((n) => String(n.role?.value));
}
