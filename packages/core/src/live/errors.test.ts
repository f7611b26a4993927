import { describe, expect, it } from 'vitest';
import { makeFeed } from '../../test/fixtures/feed.js';
import { parseFeedText } from '../feed/validate.js';
import type { ValidationIssue } from '../feed/types.js';
import { invalidFeedError, resolveFeedUrl, summarizeIssues, timeoutError, tooLargeError } from './errors.js';

const fatal = (path: string, text: string): ValidationIssue => ({
  severity: 'fatal',
  path,
  message: `${path}: ${text}`,
});

describe('summarizeIssues', () => {
  it('quotes the first problems and counts the rest', () => {
    const issues = [
      fatal('place.name', 'is required but missing'),
      fatal('asOf', 'expected an ISO 8601 date-time'),
      fatal('source.name', 'expected an object'),
      fatal('areas', 'expected an array'),
    ];
    expect(summarizeIssues(issues, 1)).toBe('place.name: is required but missing (and 3 more problems)');
    expect(summarizeIssues(issues.slice(0, 2), 1)).toBe(
      'place.name: is required but missing (and 1 more problem)',
    );
    expect(summarizeIssues(issues.slice(0, 2))).toBe(
      'place.name: is required but missing; asOf: expected an ISO 8601 date-time',
    );
  });

  it('puts fatal issues first, counts the validator’s summary line, and drops "$: "', () => {
    const issues: ValidationIssue[] = [
      { severity: 'warning', path: 'indicators[0]', message: 'indicators[0]: dropped' },
      fatal('$', 'expected an object'),
      { severity: 'fatal', path: '$', message: '$: … and 1,200 more problems' },
    ];
    expect(summarizeIssues(issues)).toBe('expected an object (and 1200 more problems)');
  });
});

describe('invalidFeedError', () => {
  it('tells JSON syntax errors (parse) from invalid feeds', () => {
    const parse = parseFeedText('{"format": ');
    expect(parse.ok).toBe(false);
    const e1 = invalidFeedError('The feed at https://x.test/f.json', parse.issues);
    expect(e1.code).toBe('parse');
    expect(e1.message).toMatch(/^The feed at https:\/\/x\.test\/f\.json is not valid JSON: /);

    const feed = makeFeed();
    delete (feed.place as Partial<typeof feed.place>).name;
    const invalid = parseFeedText(JSON.stringify(feed));
    const e2 = invalidFeedError('The feed at https://x.test/f.json', invalid.issues);
    expect(e2.code).toBe('invalid');
    expect(e2.message).toContain('is not a valid Safety Widgets feed: place.name: is required but missing');
    expect(e2.issues).toBe(invalid.issues);
  });
});

describe('messages', () => {
  it('too-large and timeout say what happened', () => {
    expect(tooLargeError('https://x.test/f', 20 * 1024 * 1024, 25 * 1024 * 1024).message).toContain(
      '25.0 MB, larger than the 20.0 MB limit',
    );
    expect(timeoutError('https://x.test/f', 15_000).message).toContain('within 15 s');
  });
});

describe('resolveFeedUrl', () => {
  it('resolves relative URLs against a base and accepts only http(s)', () => {
    expect(resolveFeedUrl('feeds/a.json', 'https://example.org/page/').url).toBe(
      'https://example.org/page/feeds/a.json',
    );
    expect(resolveFeedUrl(' https://example.org/a.json ').url).toBe('https://example.org/a.json');
    expect(resolveFeedUrl('').error?.code).toBe('config');
    expect(resolveFeedUrl('feeds/a.json').error?.message).toContain('not a valid URL');
    expect(resolveFeedUrl('data:application/json,{}').error?.message).toContain('only http: and https:');
  });
});
