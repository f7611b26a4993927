/**
 * The package.json fields npm shows and tools rely on, checked on the manifest as published
 * (after pnpm replaced `workspace:` ranges).
 */

/** The project's repository; every package links to its own folder in it. */
export const REPOSITORY = 'https://github.com/safety-widgets/safety-widgets';

/**
 * Problems with a published package.json.
 * @param {Record<string, any>} manifest the package.json inside the tarball
 * @param {string} dir the package's folder relative to the repository root
 * @param {Record<string, any>} rootManifest the repository's root package.json
 * @returns {string[]}
 */
export function checkMetadata(manifest, dir, rootManifest) {
  const problems = [];
  /** @param {boolean} ok @param {string} field @param {unknown} expected */
  const expect = (ok, field, expected) => {
    if (!ok)
      problems.push(
        `package.json "${field}" is ${JSON.stringify(fieldOf(manifest, field))}, expected ${expected}`,
      );
  };
  expect(
    typeof manifest.description === 'string' && manifest.description.length > 0,
    'description',
    'a sentence',
  );
  expect(
    Array.isArray(manifest.keywords) && manifest.keywords.length > 0,
    'keywords',
    'a list of search words',
  );
  expect(manifest.license === 'MIT', 'license', '"MIT"');
  expect(typeof manifest.author === 'string' && manifest.author.length > 0, 'author', 'a name');
  expect(manifest.repository?.type === 'git', 'repository.type', '"git"');
  expect(manifest.repository?.url === `git+${REPOSITORY}.git`, 'repository.url', `"git+${REPOSITORY}.git"`);
  expect(manifest.repository?.directory === dir, 'repository.directory', `"${dir}"`);
  expect(
    manifest.homepage === `${REPOSITORY}/tree/main/${dir}#readme`,
    'homepage',
    `"${REPOSITORY}/tree/main/${dir}#readme"`,
  );
  expect(manifest.bugs?.url === `${REPOSITORY}/issues`, 'bugs.url', `"${REPOSITORY}/issues"`);
  expect(manifest.type === 'module', 'type', '"module" (the packages are ESM-only)');
  expect(
    manifest.engines?.node === rootManifest.engines.node,
    'engines.node',
    `"${rootManifest.engines.node}" (as the root package.json)`,
  );
  expect(
    manifest.publishConfig?.access === 'public',
    'publishConfig.access',
    '"public" (scoped packages are private by default)',
  );
  expect(manifest.private !== true, 'private', 'absent: everything under packages/ is published');
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:'))
        problems.push(`${field}.${name} is still "${range}" in the tarball`);
    }
  }
  return problems;
}

/** @param {Record<string, any>} manifest @param {string} path dotted */
const fieldOf = (manifest, path) => path.split('.').reduce((v, k) => v?.[k], manifest);
