/** Served folders: a path belongs to the longest prefix it starts with; folders resolve against the root. */
import { describe, expect, it } from 'vitest';
import { groupMissingSlash, groupOf, siteGroups } from './sites.js';

const groups = siteGroups(
  [
    { prefix: '/', folder: 'www' },
    { prefix: '/cdn/', folder: 'files' },
    { prefix: '/streets/', folder: '/srv/streets' },
    { prefix: '/cdn/', folder: 'more' },
  ],
  '/repo',
);

describe('siteGroups', () => {
  it('keeps each prefix once, its folders in the order given, relative ones under the root', () => {
    expect(groups).toEqual([
      { prefix: '/', folders: ['/repo/www'] },
      { prefix: '/cdn/', folders: ['/repo/files', '/repo/more'] },
      { prefix: '/streets/', folders: ['/srv/streets'] },
    ]);
  });
});

describe('groupOf', () => {
  it.each([
    ['/', '/'],
    ['/index.html', '/'],
    ['/cdnx/a.js', '/'],
    ['/cdn/', '/cdn/'],
    ['/cdn/chunks/a.js', '/cdn/'],
    ['/streets/meisha/', '/streets/'],
  ])('gives %s to %s', (path, prefix) => {
    expect(groupOf(groups, path)?.prefix).toBe(prefix);
  });

  it('gives nothing when no prefix matches', () => {
    expect(groupOf(siteGroups([{ prefix: '/docs/', folder: 'd' }], '/repo'), '/')).toBeUndefined();
  });
});

describe('groupMissingSlash', () => {
  it('finds the prefix a path lacks only the final slash of, never the root', () => {
    expect(groupMissingSlash(groups, '/streets')?.prefix).toBe('/streets/');
    expect(groupMissingSlash(groups, '/streets/')).toBeUndefined();
    expect(groupMissingSlash(groups, '')).toBeUndefined();
  });
});
