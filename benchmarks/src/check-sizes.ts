/**
 * CI's size check (the package's `test` script; seconds, no browser): measures the embed files
 * and the shared runtime bundle, and fails when a size budget marked `enforced` in budgets.json
 * is exceeded. Timings are never checked here.
 */
import { judgeSizes, loadBudgets } from './budgets.js';
import { measureSizes } from './sizes.js';

const verdicts = judgeSizes(await measureSizes({ references: false }), loadBudgets().sizes);
const failed = verdicts.filter((v) => v.enforced && !v.met);
for (const v of verdicts) {
  const mark = v.met ? 'ok    ' : v.enforced ? 'FAIL  ' : 'missed';
  const what = `${v.file}${v.of === 'chunks' ? ' (own chunks)' : ''}`;
  console.log(
    `${mark} ${what.padEnd(40)} ${v.actualKB.toFixed(1).padStart(6)} KB gzip ≤ ${String(v.gzipKB).padStart(3)} KB  ${v.enforced ? 'enforced' : 'reported'}: ${v.source}`,
  );
}
if (failed.length) {
  console.error(
    `\n${failed.length} size budget(s) exceeded. If the growth is intended, raise the budget in benchmarks/budgets.json in the same change and say why.`,
  );
  process.exit(1);
}
console.log(`\nAll ${verdicts.filter((v) => v.enforced).length} enforced size budgets met.`);
