// The tracking book's streaming writer on its own: it waits for a slow reader instead of piling rows up in memory,
// stops when the reader leaves, and never finishes the zip when its rows fail.
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TrackingBookAbortedError, bookSheets, writeTrackingBook, TRACKING_BOOK_FIRST_DATA_ROW } from './tracking-book';
import { trackingBookData } from './test/fixtures';
import type { TrackingBookRow } from './slips.types';

const data = trackingBookData();
const base = data.rows[0]!;
const sheets = bookSheets(data);

/**
 * `count` batches of `size` rows, STT from 1; `pulled` counts the batches taken, `closed` whether the reader stopped;
 * `onLast` runs when the last batch is taken.
 */
function source(count: number, size: number, failAt?: number, onLast?: () => void) {
  const state = { pulled: 0, closed: false };
  async function* rows(): AsyncGenerator<TrackingBookRow[]> {
    try {
      for (let b = 0; b < count; b++) {
        if (b === failAt) throw new Error('connection terminated');
        state.pulled++;
        if (state.pulled === count) onLast?.();
        yield Array.from({ length: size }, (_, i) => ({ ...base, sequence: b * size + i + 1, dossierCode: `A-${b * size + i + 1}` }));
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, rows };
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('Mẫu 07 streaming writer', () => {
  it('waits for a slow reader: it takes the next rows only once the zip has taken most of the last ones', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    let reading = false;
    const read = () => {
      if (reading) return;
      reading = true;
      out.on('data', (c: Buffer) => chunks.push(c));
    };
    // Nobody reads until the writer first waits (or, were it not to wait, until it has taken every row).
    const { state, rows } = source(20, 200, undefined, read);
    let pulledAtFirstWait: number | null = null;
    const done = writeTrackingBook(out, data, sheets, rows, {
      highWaterMark: 64 * 1024,
      onBackpressure: () => {
        pulledAtFirstWait ??= state.pulled;
        read();
      },
    });
    expect(await done).toBe(4000);
    await finished(out);
    // 200 rows are about 100 KiB of sheet XML: the writer stops after a few batches, not after all 20.
    expect(pulledAtFirstWait).not.toBeNull();
    expect(pulledAtFirstWait).toBeLessThanOrEqual(4);
    const ws = (await load(Buffer.concat(chunks))).worksheets[0]!;
    expect([1, 2000, 4000].map((n) => ws.getCell(`A${TRACKING_BOOK_FIRST_DATA_ROW + n - 1}`).value)).toEqual([1, 2000, 4000]);
    expect(ws.getCell(`A${TRACKING_BOOK_FIRST_DATA_ROW + 4001}`).value).toBe('Ghi chú:');
  });

  it('stops with TrackingBookAbortedError when the reader goes away, and closes the row source', async () => {
    const out = new PassThrough();
    out.resume();
    const { state, rows } = source(50, 200);
    const done = writeTrackingBook(out, data, sheets, async function* (sheet) {
      for await (const batch of rows()) {
        // The reader leaves while the writer is on the second batch.
        if (state.pulled === 2) out.destroy();
        yield batch;
      }
      void sheet;
    });
    await expect(done).rejects.toBeInstanceOf(TrackingBookAbortedError);
    expect(state.pulled).toBe(2);
    expect(state.closed).toBe(true);
  });

  it('rejects with the error of its rows and never finishes the zip: what was written is not a workbook', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const { rows } = source(10, 500, 3);
    await expect(writeTrackingBook(out, data, sheets, rows)).rejects.toThrow('connection terminated');
    // Let the zip flush whatever it had.
    await new Promise((r) => setImmediate(r));
    expect(Buffer.concat(chunks).subarray(0, 2).toString('latin1')).toBe('PK');
    await expect(load(Buffer.concat(chunks))).rejects.toThrow();
  });
});
