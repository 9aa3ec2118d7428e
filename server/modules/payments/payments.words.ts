// Amounts in Vietnamese words, as receipts print them ("Số tiền bằng chữ"): 150000 → "Một trăm năm mươi nghìn đồng".

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const GROUPS = ['', 'nghìn', 'triệu', 'tỷ', 'nghìn tỷ', 'triệu tỷ'];

/** Words of a group of three digits; `full` when a higher group precedes it (then "không trăm", "lẻ" are spoken). */
function groupWords(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const out: string[] = [];
  if (hundreds > 0 || full) out.push(DIGITS[hundreds]!, 'trăm');
  if (tens === 0) {
    if (units > 0 && (hundreds > 0 || full)) out.push('lẻ');
  } else if (tens === 1) {
    out.push('mười');
  } else {
    out.push(DIGITS[tens]!, 'mươi');
  }
  if (units > 0) {
    // "mốt" after twenty and up, "lăm" for five after a ten, "tư" for four after twenty and up.
    if (units === 1 && tens > 1) out.push('mốt');
    else if (units === 5 && tens > 0) out.push('lăm');
    else if (units === 4 && tens > 1) out.push('tư');
    else out.push(DIGITS[units]!);
  }
  return out;
}

/** A whole number of đồng in words, capitalised, ending with "đồng". */
export function vndInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`not a whole amount: ${amount}`);
  if (amount === 0) return 'Không đồng';
  const groups: number[] = [];
  for (let n = amount; n > 0; n = Math.floor(n / 1000)) groups.push(n % 1000);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    words.push(...groupWords(g, i < groups.length - 1), ...(GROUPS[i] ? [GROUPS[i]!] : []));
  }
  const text = `${words.join(' ')} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
