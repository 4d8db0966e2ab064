import fc from 'fast-check';
import { formatCaseNumber, MAX_SERIAL, parseCaseNumber } from '../../../domain/case-number';

describe('case numbers', () => {
  it.each([
    [2026, 123, 'FCG-2026-000123'],
    [2026, 1, 'FCG-2026-000001'],
    [2027, 999_999, 'FCG-2027-999999'],
  ])('year %i, serial %i is %s', (year, serial, text) => {
    expect(formatCaseNumber(year, serial)).toBe(text);
    expect(parseCaseNumber(text)).toEqual({ ok: true, year, serial });
  });

  it.each([
    [2026, 0, "a case number's serial must be from 1 to 999999, not 0"],
    [2026, 1_000_000, "a case number's serial must be from 1 to 999999, not 1000000"],
    [2026, 1.5, "a case number's serial must be from 1 to 999999, not 1.5"],
    [1999, 1, "a case number's year must be from 2000 to 9999, not 1999"],
    [10_000, 1, "a case number's year must be from 2000 to 9999, not 10000"],
  ])('refuses year %s, serial %s', (year, serial, message) => {
    expect(() => formatCaseNumber(year, serial)).toThrow(message);
  });

  it.each(['fcg-2026-000123', 'FCG-2026-123', 'FCG-26-000123', 'FCG-2026-000000', 'FCG-1999-000001', ' FCG-2026-000123', 'FCG-2026-0001234', 'FCG2026000123', ''])(
    'does not read "%s" as a case number',
    (text) => {
      expect(parseCaseNumber(text)).toEqual({ ok: false, reason: `"${text}" is not a case number; case numbers look like FCG-2026-000123` });
    },
  );

  it('reads back every number it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 9999 }), fc.integer({ min: 1, max: MAX_SERIAL }), (year, serial) => {
        expect(parseCaseNumber(formatCaseNumber(year, serial))).toEqual({ ok: true, year, serial });
      }),
    );
  });
});
