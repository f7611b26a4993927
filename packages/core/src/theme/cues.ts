/**
 * Non-colour cues: every colour a widget uses to say something comes with a shape or
 * an icon and a text label, so that colour is never the only cue (WCAG 1.4.1), and
 * so that the meaning survives forced-colors mode, where all the fills are one colour.
 */
import type { RiskLevel } from '../feed/types.js';

/** A text in both languages (the feed's shape). */
export interface BilingualLabel {
  readonly zh: string;
  readonly en: string;
}

// The labels are here in both languages rather than in the per-language messages: a cue is read
// synchronously by any code (legends, tables, canvas labels), and the twelve labels are tiny.
function label(en: string, zh: string): BilingualLabel {
  return Object.freeze({ zh, en });
}

/** A marker shape; each risk level has its own. */
export type RiskShape = 'triangle' | 'diamond' | 'square' | 'circle';

/** How a risk level is drawn: fill, text-on-fill colour, shape, a glyph for text and a label. */
export interface RiskCue {
  /** The fill, as a `var()` of a token. */
  readonly colorVar: string;
  /** Text drawn on the fill (≥ 4.5:1 against it). */
  readonly onColorVar: string;
  readonly shape: RiskShape;
  /** The shape as one text character, for legends and lists. */
  readonly glyph: string;
  readonly label: BilingualLabel;
  /** The colour's name, for text such as "red: major risk". */
  readonly colorName: BilingualLabel;
}

/**
 * The four risk levels of the Chinese grading (红 major, 橙 significant, 黄 moderate,
 * 蓝 low), most severe first: the more severe, the more angular the shape.
 */
export const RISK_CUES: Readonly<Record<RiskLevel, RiskCue>> = Object.freeze({
  red: Object.freeze({
    colorVar: 'var(--_risk-red)',
    onColorVar: 'var(--_on-risk-red)',
    shape: 'triangle',
    glyph: '▲',
    label: label('Major risk', '重大风险'),
    colorName: Object.freeze({ zh: '红色', en: 'red' }),
  }),
  orange: Object.freeze({
    colorVar: 'var(--_risk-orange)',
    onColorVar: 'var(--_on-risk-orange)',
    shape: 'diamond',
    glyph: '◆',
    label: label('Significant risk', '较大风险'),
    colorName: Object.freeze({ zh: '橙色', en: 'orange' }),
  }),
  yellow: Object.freeze({
    colorVar: 'var(--_risk-yellow)',
    onColorVar: 'var(--_on-risk-yellow)',
    shape: 'square',
    glyph: '■',
    label: label('Moderate risk', '一般风险'),
    colorName: Object.freeze({ zh: '黄色', en: 'yellow' }),
  }),
  blue: Object.freeze({
    colorVar: 'var(--_risk-blue)',
    onColorVar: 'var(--_on-risk-blue)',
    shape: 'circle',
    glyph: '●',
    label: label('Low risk', '低风险'),
    colorName: Object.freeze({ zh: '蓝色', en: 'blue' }),
  }),
});

/** Risk levels, most severe first. */
export const RISK_LEVELS: readonly RiskLevel[] = Object.freeze(['red', 'orange', 'yellow', 'blue'] as const);

/**
 * SVG path data for each shape in a 16 × 16 view box, all of about the same visual
 * weight: `<svg viewBox="0 0 16 16"><path d=${RISK_SHAPE_PATHS.triangle}></path></svg>`.
 */
export const RISK_SHAPE_PATHS: Readonly<Record<RiskShape, string>> = Object.freeze({
  triangle: 'M8 1.5 15 14.5H1Z',
  diamond: 'M8 1 15 8 8 15 1 8Z',
  square: 'M2.5 2.5h11v11h-11Z',
  circle: 'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13Z',
});

/** The statuses a widget shows for a score grade or an indicator against its target. */
export type StatusKind = 'good' | 'fair' | 'poor' | 'met' | 'not-met' | 'no-data';

/** How a status is drawn: a colour, an icon character and a label. */
export interface StatusCue {
  readonly colorVar: string;
  /** One character, shown next to the colour (mark it `aria-hidden`; the label is the text). */
  readonly icon: string;
  readonly label: BilingualLabel;
}

/** Status cues: full, half and empty circles for good/fair/poor; tick, cross and dash for targets. */
export const STATUS_CUES: Readonly<Record<StatusKind, StatusCue>> = Object.freeze({
  good: Object.freeze({ colorVar: 'var(--_good)', icon: '●', label: label('Good', '良好') }),
  fair: Object.freeze({ colorVar: 'var(--_fair)', icon: '◐', label: label('Fair', '一般') }),
  poor: Object.freeze({ colorVar: 'var(--_poor)', icon: '○', label: label('Poor', '较差') }),
  met: Object.freeze({ colorVar: 'var(--_met)', icon: '✓', label: label('Target met', '达标') }),
  'not-met': Object.freeze({
    colorVar: 'var(--_not-met)',
    icon: '✕',
    label: label('Target not met', '未达标'),
  }),
  'no-data': Object.freeze({ colorVar: 'var(--_no-data)', icon: '–', label: label('No data', '无数据') }),
});
