import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

describe('the published JSON Schema', () => {
  it('is written by scripts/write-json-schema.ts as JSON with $id and indicators', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await import('../../scripts/write-json-schema.js');
    log.mockRestore();
    const file = fileURLToPath(new URL('../../dist/schema/feed-v1.schema.json', import.meta.url));
    const schema = JSON.parse(readFileSync(file, 'utf8')) as {
      $id?: unknown;
      properties?: Record<string, unknown>;
    };
    expect(schema.$id).toBe('https://safety-widgets.dev/schema/feed-v1.schema.json');
    expect(schema.properties?.indicators).toMatchObject({ type: 'array' });
  });
});
