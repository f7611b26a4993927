/**
 * Optional helper for the page that holds embed frames: sizes every
 * `<iframe data-safety-embed src=".../embed/?widget=...">` to the height its content reports.
 *
 * ```html
 * <iframe data-safety-embed title="Safety index" src="https://safety.example.gov.cn/embed/?widget=safety-score-gauge&src=/api/feeds/yantian"></iframe>
 * <script src="https://safety.example.gov.cn/embed/parent.js" defer></script>
 * ```
 *
 * Only messages from the frames themselves are read (the sender must be one of those iframes), and
 * only a finite height between 0 and 20,000 px is applied. Without this script the frames keep the
 * height the page gives them.
 */
const MAX_HEIGHT = 20_000;

window.addEventListener('message', (event: MessageEvent) => {
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null) return;
  const { type, height } = data as { type?: unknown; height?: unknown };
  if (type !== 'safety-widgets:height' || typeof height !== 'number') return;
  if (!Number.isFinite(height) || height < 0 || height > MAX_HEIGHT) return;
  for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-safety-embed]')) {
    if (frame.contentWindow === event.source) {
      frame.style.height = `${Math.ceil(height)}px`;
      return;
    }
  }
});
