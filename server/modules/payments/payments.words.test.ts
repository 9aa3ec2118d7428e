// Amounts in words as Vietnamese receipts print them; expected values written by hand.
import { describe, expect, it } from 'vitest';
import { vndInWords } from './payments.words';

describe('vndInWords', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [105, 'Một trăm lẻ năm đồng'],
    [7_000, 'Bảy nghìn đồng'],
    [10_000, 'Mười nghìn đồng'],
    [150_000, 'Một trăm năm mươi nghìn đồng'],
    [1_005_000, 'Một triệu không trăm lẻ năm nghìn đồng'],
    [2_000_015, 'Hai triệu không trăm mười lăm đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
  ])('%i → %s', (n, words) => {
    expect(vndInWords(n)).toBe(words);
  });

  it('refuses what is not a whole amount', () => {
    expect(() => vndInWords(-1)).toThrow(RangeError);
    expect(() => vndInWords(1.5)).toThrow(RangeError);
  });
});
