/**
 * The React example: one feed, three widgets, and React state in both directions. The language
 * button sets the widgets' `lang` prop; a grid picked on the map comes back through `onGridSelect`,
 * is shown by React, and narrows the timeline through its `grid` prop.
 */
import { useState } from 'react';
import { SafetyCaseTimeline, SafetyFeed, SafetyGridMap, SafetyScoreGauge } from '@safety-widgets/react';

export function SafetyPanel({ feedUrl }: { feedUrl: string }) {
  const [lang, setLang] = useState<'en' | 'zh-CN'>('en');
  const [grid, setGrid] = useState<{ id: string; name: string }>();
  return (
    <main>
      <button type="button" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
        {lang === 'en' ? '中文' : 'English'}
      </button>
      <p role="status">{grid ? `Grid: ${grid.name}` : 'No grid selected'}</p>
      <SafetyFeed id="district" src={feedUrl} onFeedError={(e) => console.warn(e.detail.message)}>
        <SafetyScoreGauge lang={lang} />
        <SafetyGridMap
          lang={lang}
          list
          onGridSelect={(e) => {
            const { id, name } = e.detail;
            setGrid(id && name ? { id, name } : undefined);
          }}
        />
        <SafetyCaseTimeline lang={lang} grid={grid?.id} interval="month" />
      </SafetyFeed>
    </main>
  );
}
