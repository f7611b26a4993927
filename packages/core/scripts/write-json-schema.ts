/**
 * Writes dist/schema/feed-v1.schema.json from the valibot schema, so feed producers
 * can validate what they publish with any JSON Schema tool.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { FeedSchema } from '../src/feed/schema.js';

const out = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/schema/feed-v1.schema.json');
const schema = {
  ...toJsonSchema(FeedSchema, { errorMode: 'ignore', target: 'draft-07' }),
  $id: 'https://safety-widgets.dev/schema/feed-v1.schema.json',
  title: 'Safety Widgets feed, format version 1',
  description:
    'One district or sub-district at a point in time: indicators, management grids, point layers, case series and events. Text fields are untrusted and rendered as text only.',
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(schema, null, 2)}\n`);
console.log(`wrote ${out}`);
