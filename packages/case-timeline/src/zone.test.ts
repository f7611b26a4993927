import { describe, expect, it } from 'vitest';
import { isoFromDay } from './dates.js';
import { isKnownTimeZone, localDay, zoneOffsetAt, zoneOffsets } from './zone.js';

describe('time zones', () => {
  it('Asia/Shanghai is a fixed +8 h over the sample years', () => {
    const z = zoneOffsets('Asia/Shanghai', Date.parse('2014-01-01T00:00Z'), Date.parse('2017-12-31T00:00Z'));
    expect(z.fixed).toBe(8 * 3_600_000);
    // 23:30 UTC on 30 Sep is 07:30 on 1 Oct in Shenzhen.
    expect(isoFromDay(localDay(Date.parse('2017-09-30T23:30:00Z'), z))).toBe('2017-10-01');
    expect(isoFromDay(localDay(Date.parse('2017-10-01T00:35:00+08:00'), z))).toBe('2017-10-01');
  });

  it('follows daylight saving time where the offset changes', () => {
    const z = zoneOffsets('Europe/Berlin', Date.parse('2017-01-01T00:00Z'), Date.parse('2017-12-31T00:00Z'));
    expect(z.fixed).toBeUndefined();
    expect(z.offsetAt(Date.parse('2017-01-15T12:00Z'))).toBe(3_600_000);
    expect(z.offsetAt(Date.parse('2017-07-15T12:00Z'))).toBe(7_200_000);
    // 22:30 UTC on 15 July is 00:30 on 16 July in Berlin (summer time), but 23:30 on 15 January in winter.
    expect(isoFromDay(localDay(Date.parse('2017-07-15T22:30Z'), z))).toBe('2017-07-16');
    expect(isoFromDay(localDay(Date.parse('2017-01-15T22:30Z'), z))).toBe('2017-01-15');
    // The day of the change (26 March 2017, 01:00 UTC).
    expect(z.offsetAt(Date.parse('2017-03-26T00:30Z'))).toBe(3_600_000);
    expect(z.offsetAt(Date.parse('2017-03-26T01:30Z'))).toBe(7_200_000);
  });

  it('treats an unknown zone as UTC without throwing', () => {
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(zoneOffsetAt('Mars/Olympus_Mons', 0)).toBe(0);
    expect(zoneOffsets('Mars/Olympus_Mons', 0, 1).fixed).toBe(0);
  });
});
