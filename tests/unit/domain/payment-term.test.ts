import { overdueInterest } from '../../../domain/interest';
import { yuanToFen } from '../../../domain/money';
import { paymentDue } from '../../../domain/payment-term';

describe('when the respondent should have paid', () => {
  it('a government organ pays within 30 days of delivery', () => {
    expect(paymentDue({ respondentType: 'government_organ', deliveredOn: '2026-03-01' })).toEqual({
      known: true,
      clockStartsOn: '2026-03-01',
      termDays: 30,
      dueDate: '2026-03-31',
      contractTermCapped: false,
    });
  });

  it('a public institution pays within the contract term when it agrees one up to 60 days', () => {
    expect(paymentDue({ respondentType: 'public_institution', deliveredOn: '2026-03-01', contractTermDays: 45 })).toMatchObject({ termDays: 45, dueDate: '2026-04-15' });
    expect(paymentDue({ respondentType: 'public_institution', deliveredOn: '2026-03-01', contractTermDays: 60 })).toMatchObject({ termDays: 60, dueDate: '2026-04-30', contractTermCapped: false });
  });

  it('an organ’s contract term beyond 60 days does not count: 60 days apply', () => {
    expect(paymentDue({ respondentType: 'government_organ', deliveredOn: '2026-03-01', contractTermDays: 90 })).toMatchObject({
      termDays: 60,
      dueDate: '2026-04-30',
      contractTermCapped: true,
    });
  });

  it('a large enterprise pays within 60 days, or as its contract agrees', () => {
    expect(paymentDue({ respondentType: 'large_enterprise', deliveredOn: '2026-03-01' })).toMatchObject({ termDays: 60, dueDate: '2026-04-30' });
    expect(paymentDue({ respondentType: 'large_enterprise', deliveredOn: '2026-03-01', contractTermDays: 90 })).toMatchObject({
      termDays: 90,
      dueDate: '2026-05-30',
      contractTermCapped: false,
    });
    expect(paymentDue({ respondentType: 'large_enterprise', deliveredOn: '2026-03-01', contractTermDays: 30 })).toMatchObject({ termDays: 30, dueDate: '2026-03-31' });
  });

  it('when inspection is a condition, the clock starts when it passes', () => {
    expect(paymentDue({ respondentType: 'government_organ', deliveredOn: '2026-03-01', inspection: { passedOn: '2026-03-10' } })).toMatchObject({
      clockStartsOn: '2026-03-10',
      dueDate: '2026-04-09',
    });
  });

  it('a payer who delays inspection past the agreed date cannot delay the clock', () => {
    expect(paymentDue({ respondentType: 'government_organ', deliveredOn: '2026-03-01', inspection: { passedOn: '2026-04-20', agreedBy: '2026-03-15' } })).toMatchObject({
      clockStartsOn: '2026-03-15',
      dueDate: '2026-04-14',
    });
    expect(paymentDue({ respondentType: 'government_organ', deliveredOn: '2026-03-01', inspection: { passedOn: null, agreedBy: '2026-03-15' } })).toMatchObject({
      clockStartsOn: '2026-03-15',
    });
  });

  it('inspection not passed and no date agreed: the due date is not known yet', () => {
    expect(paymentDue({ respondentType: 'large_enterprise', deliveredOn: '2026-03-01', inspection: {} })).toEqual({
      known: false,
      termDays: 60,
      reason: 'Payment depends on inspection, which has not passed, and the contract sets no date by which it must.',
    });
  });

  it('refuses impossible input', () => {
    expect(() => paymentDue({ respondentType: 'government_organ', deliveredOn: '2026-03-01', inspection: { passedOn: '2026-02-01' } })).toThrow(
      'inspection cannot come before delivery',
    );
    expect(() => paymentDue({ respondentType: 'government_organ', deliveredOn: '2026-03-01', contractTermDays: -1 })).toThrow(
      "a contract's payment term is a whole number of days, not -1",
    );
    expect(() => paymentDue({ respondentType: 'government_organ', deliveredOn: '2026-03-01', contractTermDays: 1.5 })).toThrow(RangeError);
  });

  it('shows the complainant how late the payment is and what it costs', () => {
    const term = paymentDue({ respondentType: 'government_organ', deliveredOn: '2026-01-05' });
    if (!term.known) throw new Error('the due date should be known');
    expect(term.dueDate).toBe('2026-02-04');
    expect(overdueInterest({ principal: yuanToFen('80000'), dueDate: term.dueDate, asOf: '2026-03-06' })).toMatchObject({
      overdueDays: 30,
      interest: yuanToFen('1200.00'),
    });
  });
});
