/** Loads every locale's texts (core's and the widget's) before each test file. */
import { loadAllMessages } from '@safety-widgets/core';
import '../src/messages.js';

if (!(await loadAllMessages())) throw new Error('The texts could not be loaded for the tests.');
