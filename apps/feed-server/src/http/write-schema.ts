/**
 * JSON Schemas of the write bodies, generated from the feed format's valibot schemas (the same
 * ones core validates feeds with), for Fastify to check each JSON write against.
 *
 * A body the JSON Schema refuses is refused. It is diagnosed again in full (payloads.ts,
 * validate-items.ts, nothing written) so the answer names each problem in the words a widget
 * would use; only where that finds nothing (the two differ, on a date format say) does the answer
 * quote the JSON Schema's own messages. A body the schema accepts still goes through the full
 * validation, which checks what a schema cannot (references to areas, grids, categories).
 */
import { DateTimeSchema, EventSchema, IdSchema, IndicatorSchema } from '@safety-widgets/core';
import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { MAX_ITEMS } from '../feeds/payloads.js';

const items = <T extends v.GenericSchema>(item: T) =>
  v.pipe(v.array(item), v.minLength(1), v.maxLength(MAX_ITEMS));

/** `{"indicators": [...]}`: changes to indicators (any fields, `id` required) or new ones. */
export const IndicatorWriteSchema = v.strictObject({
  indicators: items(v.strictObject({ ...v.partial(IndicatorSchema).entries, id: IdSchema })),
});

/** `{"events": [...]}`: new events (`id` and `time` optional: the server assigns them). */
export const EventWriteSchema = v.strictObject({
  events: items(
    v.strictObject({ ...EventSchema.entries, id: v.optional(IdSchema), time: v.optional(DateTimeSchema) }),
  ),
});

const jsonSchema = (schema: v.GenericSchema) =>
  toJsonSchema(schema, { errorMode: 'ignore', target: 'draft-07' });

/** Fastify route schemas for the JSON write routes. */
export const WRITE_BODY_SCHEMAS = {
  indicators: jsonSchema(IndicatorWriteSchema),
  events: jsonSchema(EventWriteSchema),
};
