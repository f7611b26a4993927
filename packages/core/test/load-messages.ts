/** Loads every locale's texts before each test file (see src/locale/catalogue.ts). */
import { loadAllMessages } from '../src/locale/catalogue.js';
import '../src/locale/messages.js';

if (!(await loadAllMessages())) throw new Error("Core's texts could not be loaded for the tests.");
