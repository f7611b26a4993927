// Empties the package's dist/ before its build (run from the package folder), so that a file whose
// source was removed or renamed does not linger in the build, or in the tarball published from it.
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
