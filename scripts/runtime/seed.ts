import type { PrismaClient } from '../../prisma/client';
import { createApiKey, type Role } from '../../api/keys';
import { seedAgencies } from '../../api/agencies';
import { OFFICE_UNIT_ID } from '../../domain/complaint';

export const CITY_UNITS = [
  { id: OFFICE_UNIT_ID, name: '防城港市保障中小企业款项支付工作领导小组办公室', kind: 'office', regionCode: null },
  { id: 'gov-450602', name: '港口区人民政府', kind: 'county_government', regionCode: '450602' },
  { id: 'gov-450603', name: '防城区人民政府', kind: 'county_government', regionCode: '450603' },
  { id: 'gov-450621', name: '上思县人民政府', kind: 'county_government', regionCode: '450621' },
  { id: 'gov-450681', name: '东兴市人民政府', kind: 'county_government', regionCode: '450681' },
  { id: 'dept-housing', name: '防城港市住房和城乡建设局', kind: 'city_department', regionCode: null },
  { id: 'dept-transport', name: '防城港市交通运输局', kind: 'city_department', regionCode: null },
  { id: 'dept-sasac', name: '防城港市国有资产监督管理委员会', kind: 'city_department', regionCode: null },
] as const;

/** 属地管理 first; a named supervising department (谁主管谁负责) is more specific and wins. */
export const CITY_ROUTING_RULES = [
  ...CITY_UNITS.filter((u) => u.kind === 'county_government').map((u) => ({ id: `region-${u.regionCode}`, regionCode: u.regionCode, unitId: u.id, priority: 100 })),
  { id: 'dept-housing', supervisingDepartment: '防城港市住房和城乡建设局', unitId: 'dept-housing', priority: 50 },
  { id: 'dept-transport', supervisingDepartment: '防城港市交通运输局', unitId: 'dept-transport', priority: 50 },
  { id: 'dept-sasac', supervisingDepartment: '防城港市国有资产监督管理委员会', unitId: 'dept-sasac', priority: 50 },
  { id: 'fallback-office', unitId: OFFICE_UNIT_ID, priority: 1000, isFallback: true },
];

/** Seeds the city's units, routing rules and sanctioning agencies where missing; never overwrites the office's edits. */
export async function seedReferenceData(prisma: PrismaClient): Promise<void> {
  for (const u of CITY_UNITS) {
    await prisma.unit.upsert({ where: { id: u.id }, create: { ...u, contacts: {} }, update: {} });
  }
  for (const r of CITY_ROUTING_RULES) {
    await prisma.routingRule.upsert({ where: { id: r.id }, create: r, update: {} });
  }
  await seedAgencies(prisma);
}

/** The complainant in the README's example complaint. */
export const DEMO_CREDIT_CODE = '91450600500000170P';

export const DEMO_KEYS: { role: Role; key: string; unitId?: string; creditCode?: string; label: string }[] = [
  { role: 'office', key: 'demo-office-key', label: 'demo office clerk' },
  { role: 'admin', key: 'demo-admin-key', label: 'demo administrator' },
  { role: 'unit', key: 'demo-unit-450621-key', unitId: 'gov-450621', label: 'demo unit: 上思县人民政府' },
  { role: 'complainant', key: 'demo-complainant-key', creditCode: DEMO_CREDIT_CODE, label: 'demo enterprise' },
];

export async function seedDemoKeys(prisma: PrismaClient): Promise<typeof DEMO_KEYS> {
  for (const k of DEMO_KEYS) await createApiKey(prisma, k);
  return DEMO_KEYS;
}
