import fc from 'fast-check';
import { fenToYuan, parseYuan, yuanToFen } from '../../../domain/money';

describe('money in fen', () => {
  it.each([
    ['125000.50', 12_500_050n],
    ['125000.5', 12_500_050n],
    ['125000', 12_500_000n],
    ['0', 0n],
    ['0.05', 5n],
    ['0.5', 50n],
    ['1.01', 101n],
    ['99999999999999999.99', 9_999_999_999_999_999_999n],
  ])('"%s" yuan is %s fen', (text, fen) => {
    expect(parseYuan(text)).toEqual({ ok: true, fen });
    expect(yuanToFen(text)).toBe(fen);
  });

  it.each(['', '.5', '5.', '-1', '+1', '1e3', '1,000', ' 12', '12 ', '12.345', '0012', '01.00', '１２', '12.3.4', 'NaN', 'Infinity', '¥12'])(
    'rejects "%s"',
    (text) => {
      const reason = `"${text}" is not an amount in yuan; write it like "125000.50", with at most two decimals`;
      expect(parseYuan(text)).toEqual({ ok: false, reason });
      expect(() => yuanToFen(text)).toThrow(reason);
    },
  );

  it('adds 0.10 and 0.20 yuan to exactly 0.30, as binary floating point does not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(yuanToFen('0.10') + yuanToFen('0.20')).toBe(yuanToFen('0.30'));
  });

  it.each([
    [12_500_050n, '125000.50'],
    [5n, '0.05'],
    [50n, '0.50'],
    [0n, '0.00'],
    [100n, '1.00'],
    [-5n, '-0.05'],
    [-12_345n, '-123.45'],
    [9_999_999_999_999_999_999n, '99999999999999999.99'],
  ])('%s fen is written "%s"', (fen, text) => {
    expect(fenToYuan(fen)).toBe(text);
  });

  it('writing and reading back any amount gives the same fen', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(fen);
      }),
    );
  });
});
