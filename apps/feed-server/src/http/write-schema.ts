/**
 * JSON Schemas of the write bodies, generated from the feed format's valibot schemas (the same
 * ones core validates feeds with), for Fastify to check each JSON write against.
 *
 * The schema is the fast first check; the valibot schemas remain the authority. A body the JSON
 * Schema refuses is diagnosed again in full (payloads.ts, validate-items.ts) so the answer names
 * each problem in the words a widget would use, and a body the valibot schemas accept is never
 * refused for a difference between the two (a date format, say).
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
