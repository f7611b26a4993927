import { expect, it } from 'vitest';
import { easeInOutCubic, parseDuration } from './motion.js';

it('reads CSS times', () => {
  expect(parseDuration('600ms')).toBe(600);
  expect(parseDuration(' 0.6s ')).toBe(600);
  expect(parseDuration('.25S')).toBe(250);
});

it('means no motion for zero, nonsense and missing values, and caps long ones', () => {
  for (const text of ['0ms', '0s', '', 'fast', '-200ms', '200', null, undefined]) {
    expect(parseDuration(text)).toBe(0);
  }
  expect(parseDuration('60s')).toBe(10_000);
});

it('eases from 0 to 1, clamped', () => {
  expect(easeInOutCubic(0)).toBe(0);
  expect(easeInOutCubic(0.5)).toBe(0.5);
  expect(easeInOutCubic(1)).toBe(1);
  expect(easeInOutCubic(-1)).toBe(0);
  expect(easeInOutCubic(2)).toBe(1);
  expect(easeInOutCubic(0.25)).toBeLessThan(0.25);
});
