/**
 * Money in fen (分) as bigint. Amounts arrive and leave as decimal yuan strings ("125000.50") and are
 * never held in binary floating point, which cannot represent most fen exactly.
 */
export type Fen = bigint;

const YUAN = /^(0|[1-9]\d*)(?:\.(\d{1,2}))?$/;

export type YuanParse = { ok: true; fen: Fen } | { ok: false; reason: string };

/** "125000.50" → 12500050n. Non-negative, at most two decimals, no signs, separators or exponents. */
export function parseYuan(text: string): YuanParse {
  const match = YUAN.exec(text);
  if (!match) {
    return { ok: false, reason: `"${text}" is not an amount in yuan; write it like "125000.50", with at most two decimals` };
  }
  const [, whole = '0', fraction = ''] = match;
  return { ok: true, fen: BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0')) };
}

/** For amounts already validated (e.g. by a schema); throws on anything else. */
export function yuanToFen(text: string): Fen {
  const parsed = parseYuan(text);
  if (!parsed.ok) throw new RangeError(parsed.reason);
  return parsed.fen;
}

/** 12500050n → "125000.50": always two decimals, so equal amounts read the same everywhere. */
export function fenToYuan(fen: Fen): string {
  const sign = fen < 0n ? '-' : '';
  const magnitude = fen < 0n ? -fen : fen;
  return `${sign}${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
}
