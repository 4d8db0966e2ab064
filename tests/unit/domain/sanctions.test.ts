import { MEASURES, liftOrderSequence, measuresFor, type Measure } from '../../../domain/sanctions';
import { RESPONDENT_TYPES } from '../../../domain/case-status';

describe('which measures a serious case imposes (DOMAIN.md, Sanctions)', () => {
  it('a government organ or public institution gets budget restrictions, the serious-case measures and the audit flag', () => {
    const expected: Measure[] = ['spending_restriction', 'credit_record', 'credit_publicity', 'financial_credit_database', 'joint_punishment', 'audit_flag'];
    expect(measuresFor('government_organ')).toEqual(expected);
    expect(measuresFor('public_institution')).toEqual(expected);
  });

  it('a large enterprise gets the serious-case measures, market regulation, support limits and the audit flag, but no budget restriction', () => {
    expect(measuresFor('large_enterprise')).toEqual(['credit_record', 'credit_publicity', 'financial_credit_database', 'joint_punishment', 'market_regulation', 'support_limits', 'audit_flag']);
    expect(measuresFor('large_enterprise')).not.toContain('spending_restriction');
  });

  it.each(RESPONDENT_TYPES)('%s: every measure is a known code, listed once, and the audit flag always applies', (type) => {
    const measures = measuresFor(type);
    expect(new Set(measures).size).toBe(measures.length);
    for (const m of measures) expect(MEASURES).toContain(m);
    expect(measures).toContain('audit_flag');
  });

  it('market regulation and support limits apply to large enterprises only', () => {
    for (const type of ['government_organ', 'public_institution'] as const) {
      expect(measuresFor(type)).not.toContain('market_regulation');
      expect(measuresFor(type)).not.toContain('support_limits');
    }
  });
});

describe('credit repair lifts in reverse order', () => {
  it('the last measure imposed is lifted first', () => {
    expect(liftOrderSequence(measuresFor('large_enterprise'))).toEqual(['audit_flag', 'support_limits', 'market_regulation', 'joint_punishment', 'financial_credit_database', 'credit_publicity', 'credit_record']);
  });

  it('a measure imposed twice is lifted once, at its last position', () => {
    expect(liftOrderSequence(['credit_record', 'audit_flag', 'credit_record'])).toEqual(['credit_record', 'audit_flag']);
  });

  it('nothing imposed, nothing lifted; the input is left as it was', () => {
    expect(liftOrderSequence([])).toEqual([]);
    const imposed: Measure[] = ['credit_record', 'audit_flag'];
    liftOrderSequence(imposed);
    expect(imposed).toEqual(['credit_record', 'audit_flag']);
  });
});
