import { overdueInterest } from '../../../domain/interest';
import { yuanToFen } from '../../../domain/money';

describe('overdue interest', () => {
  describe('without an agreed rate: 0.05% of the overdue amount per day', () => {
    it('125000.50 yuan overdue from 1 January to 1 March 2026 (59 days) costs 3687.51 yuan', () => {
      // 125000.50 × 0.0005 × 59 = 3687.51475 → 3687.51
      expect(overdueInterest({ principal: yuanToFen('125000.50'), dueDate: '2026-01-01', asOf: '2026-03-01' })).toEqual({
        interest: yuanToFen('3687.51'),
        overdueDays: 59,
        basis: 'statutory_daily_rate',
        rate: '0.0005',
      });
    });

    it('rounds half a fen up and less than half down', () => {
      // 10.00 yuan × 0.0005 = 0.5 fen; 9.99 yuan × 0.0005 = 0.4995 fen
      expect(overdueInterest({ principal: 1000n, dueDate: '2026-03-01', asOf: '2026-03-02' }).interest).toBe(1n);
      expect(overdueInterest({ principal: 999n, dueDate: '2026-03-01', asOf: '2026-03-02' }).interest).toBe(0n);
    });

    it('counts calendar days, holidays included: 1 to 8 October 2026 is 7 days', () => {
      expect(overdueInterest({ principal: yuanToFen('10000'), dueDate: '2026-10-01', asOf: '2026-10-08' })).toMatchObject({
        overdueDays: 7,
        interest: yuanToFen('35.00'),
      });
    });

    it('is nothing on the due date itself or before it', () => {
      expect(overdueInterest({ principal: yuanToFen('10000'), dueDate: '2026-03-01', asOf: '2026-03-01' })).toMatchObject({ overdueDays: 0, interest: 0n });
      expect(overdueInterest({ principal: yuanToFen('10000'), dueDate: '2026-03-01', asOf: '2026-02-01' })).toMatchObject({ overdueDays: 0, interest: 0n });
    });
  });

  describe("with the contract's annual rate, never below the one-year LPR at signing", () => {
    const million = yuanToFen('1000000');

    it('a rate above the LPR applies as agreed: 6% for a year on 1,000,000 yuan is 60,000 yuan', () => {
      expect(overdueInterest({ principal: million, dueDate: '2026-01-01', asOf: '2027-01-01', contractAnnualRate: '0.06', lprAtSigning: '0.0345' })).toEqual({
        interest: yuanToFen('60000'),
        overdueDays: 365,
        basis: 'contract_rate',
        rate: '0.06',
      });
    });

    it('a rate below the LPR is raised to it: 2% agreed, 3.45% LPR gives 34,500 yuan', () => {
      expect(overdueInterest({ principal: million, dueDate: '2026-01-01', asOf: '2027-01-01', contractAnnualRate: '0.02', lprAtSigning: '0.0345' })).toEqual({
        interest: yuanToFen('34500'),
        overdueDays: 365,
        basis: 'lpr_floor',
        rate: '0.0345',
      });
    });

    it('a rate of zero is raised to the LPR', () => {
      expect(overdueInterest({ principal: million, dueDate: '2026-01-01', asOf: '2027-01-01', contractAnnualRate: '0', lprAtSigning: '0.0345' }).basis).toBe('lpr_floor');
    });

    it('a rate equal to the LPR is the contract rate', () => {
      expect(overdueInterest({ principal: million, dueDate: '2026-01-01', asOf: '2026-01-02', contractAnnualRate: '0.034500', lprAtSigning: '0.0345' })).toMatchObject({
        basis: 'contract_rate',
        interest: 9452n,
      });
    });

    it('a year counts 365 days, so a leap year runs one day longer: 366 days at 3.65% on 1000 yuan is 36.60', () => {
      expect(overdueInterest({ principal: yuanToFen('1000'), dueDate: '2028-01-01', asOf: '2029-01-01', contractAnnualRate: '0.0365', lprAtSigning: '0.03' })).toMatchObject({
        overdueDays: 366,
        interest: yuanToFen('36.60'),
      });
    });

    it('rounds half a fen up: 36.50 yuan at 5% for one day is exactly half a fen', () => {
      const oneDay = { dueDate: '2026-03-01', asOf: '2026-03-02', contractAnnualRate: '0.05', lprAtSigning: '0.03' };
      expect(overdueInterest({ principal: 3650n, ...oneDay }).interest).toBe(1n);
      expect(overdueInterest({ principal: 3649n, ...oneDay }).interest).toBe(0n);
    });
  });

  it('needs the LPR to check an agreed rate', () => {
    expect(() => overdueInterest({ principal: 100n, dueDate: '2026-01-01', asOf: '2026-02-01', contractAnnualRate: '0.05' })).toThrow(
      'a contract rate is checked against the one-year LPR at signing, which is missing',
    );
  });

  it.each([
    ['3.85', '"3.85" is above 100%; write a rate of 3.85% as "0.0385"'],
    ['3.85%', '"3.85%" is not a rate written as a decimal fraction, e.g. "0.0385"'],
    ['-0.01', '"-0.01" is not a rate written as a decimal fraction, e.g. "0.0385"'],
    ['', '"" is not a rate written as a decimal fraction, e.g. "0.0385"'],
  ])('refuses the rate "%s"', (rate, message) => {
    expect(() => overdueInterest({ principal: 100n, dueDate: '2026-01-01', asOf: '2026-02-01', contractAnnualRate: rate, lprAtSigning: '0.0345' })).toThrow(message);
  });

  it('refuses a negative amount and malformed dates', () => {
    expect(() => overdueInterest({ principal: -1n, dueDate: '2026-01-01', asOf: '2026-02-01' })).toThrow('the overdue amount cannot be negative');
    expect(() => overdueInterest({ principal: 1n, dueDate: '2026-02-30', asOf: '2026-03-01' })).toThrow(RangeError);
  });
});
