import { DEMO_CREDIT_CODE } from '../../scripts/runtime/seed';

/** The complaint from the API contract's example, ready to file. */
export function exampleComplaint(overrides: { contractTitle?: string; regionCode?: string; creditCode?: string } = {}) {
  return {
    complainant: {
      name: '防城港某机械有限公司',
      creditCode: overrides.creditCode ?? DEMO_CREDIT_CODE,
      size: 'small',
      contactName: '李明',
      phone: '13800000000',
      email: 'ops@example.com',
      // Deliveries go only to receivers the tests start on the loopback.
      webhookUrl: null as string | null,
    },
    respondent: { name: '上思县某局', creditCode: null, type: 'government_organ', stateOwned: true, regionCode: overrides.regionCode ?? '450621', supervisingDepartment: null },
    contract: {
      title: overrides.contractTitle ?? '办公设备采购合同',
      signedOn: '2025-03-01',
      deliveredOn: '2025-04-01',
      amount: '250000.00',
      overdueAmount: '120000.00',
      agreedPaymentDate: '2025-05-01',
      agreedAnnualRate: null,
    },
    description: '货物已交付并验收，逾期未付款。',
    evidence: [{ name: 'contract.pdf', sha256: 'a'.repeat(64) }],
    declarations: { noOtherProceedings: true, truthful: true },
    channel: 'online',
  };
}

export const KEYS = {
  office: 'demo-office-key',
  admin: 'demo-admin-key',
  unit450621: 'demo-unit-450621-key',
  complainant: 'demo-complainant-key',
} as const;
