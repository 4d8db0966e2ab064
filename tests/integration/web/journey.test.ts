import type { Page } from 'playwright-core';
import { apiClient, eventually, startTestService, type TestService } from '../../support/service';
import { KEYS, exampleComplaint } from '../../support/fixtures';
import { createApiKey } from '../../../api/keys';
import { axeViolations, expectAttribute, expectText, expectVisibleText, launchBrowser, screenshot, type BrowserSession } from '../../support/browser';
import { DEMO_CREDIT_CODE } from '../../../scripts/runtime/seed';
import { beijingDateOf } from '../../../domain/beijing-date';
import { creditCodeCheckCharacter } from '../../../domain/credit-code';

/**
 * One complaint from the enterprise's form to the clerk's closed case, through the pages only, in
 * Debian's Chromium against the real service. Every main page is screenshotted and checked with
 * axe-core; any console error fails the run.
 */

/** Working-day deadlines, as npm start runs them: nothing fires on its own while the browser works. */
const CALM = {};
const SHOTS = 'journey';

let service: TestService;
let browser: BrowserSession;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  service = await startTestService('web_journey', CALM);
  call = apiClient(service.baseUrl);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await service?.close();
});

/** Screenshot, then axe: a page with any WCAG A/AA violation fails with the rule and the elements. */
async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await screenshot(page, SHOTS, name);
  expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
}

async function signIn(page: Page, key: string, landing: RegExp): Promise<void> {
  await page.goto(`${service.baseUrl}/`);
  await page.getByLabel('API 密钥').fill(key);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(landing);
}

const roleOf = (key: string) => (key === KEYS.office ? 'office' : key === KEYS.unit450621 ? 'unit' : 'enterprise');

/** Opens a view by its address; the same address again is a reload (a hash change alone would not fetch anew). */
async function visit(page: Page, path: string): Promise<void> {
  const url = `${service.baseUrl}/#${path}`;
  if (page.url() === url) await page.reload();
  else await page.goto(url);
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

test('an enterprise files, the clerk accepts, the unit signs and plans payment, the enterprise confirms, the clerk sees it closed', () =>
  inBrowser(async () => {
    const contractTitle = `浏览器端到端合同 ${Date.now()}`;

    // ── The clerk's statistics before anything happens: the unit's row for this month. ──
    const clerk = await browser.newPage();
    await signIn(clerk, KEYS.office, /#\/inbox$/);
    await checkPage(clerk, '01-office-inbox-empty');
    const statsRowBefore = await unitStatsRow(clerk, '上思县人民政府');

    // ── The enterprise files through the form; a wrong check character is caught on the field first. ──
    const enterprise = await browser.newPage();
    await signIn(enterprise, KEYS.complainant, /#\/my$/);
    await checkPage(enterprise, '02-enterprise-my-cases-empty');
    await enterprise.getByRole('navigation').getByRole('link', { name: '我要投诉' }).click();
    await enterprise.waitForURL(/#\/file$/);
    const creditCode = enterprise.getByLabel('统一社会信用代码', { exact: true });
    const wrongCheck = DEMO_CREDIT_CODE.slice(0, 17) + (creditCodeCheckCharacter(DEMO_CREDIT_CODE.slice(0, 17)) === 'X' ? 'Y' : 'X');
    await creditCode.fill(wrongCheck);
    await creditCode.blur();
    await expectAttribute(creditCode, 'aria-invalid', 'true');
    const describedBy = (await creditCode.getAttribute('aria-describedby')) ?? '';
    const fieldError = enterprise.locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('-error'))}"]`);
    await expectText(fieldError, '校验位');
    await checkPage(enterprise, '03-enterprise-file-credit-code-error');

    await creditCode.fill(DEMO_CREDIT_CODE);
    await creditCode.blur();
    await expectAttribute(creditCode, 'aria-invalid', null);
    await enterprise.getByLabel('企业名称').fill('防城港某机械有限公司');
    await enterprise.getByLabel('企业规模').selectOption('small');
    await enterprise.getByLabel('联系人').fill('李明');
    await enterprise.getByLabel('联系电话').fill('13800000000');
    await enterprise.getByLabel('电子邮箱').fill('ops@example.com');
    await enterprise.getByLabel('被投诉方名称').fill('上思县某局');
    await enterprise.getByLabel('被投诉方类型').selectOption('government_organ');
    await enterprise.getByLabel('所在地区').selectOption('450621');
    await enterprise.getByLabel('合同名称').fill(contractTitle);
    await enterprise.getByLabel('签订日期').fill('2025-03-01');
    await enterprise.getByLabel('交付日期').fill('2025-04-01');
    await enterprise.getByLabel('合同金额（元）').fill('250000.00');
    await enterprise.getByLabel('逾期未付金额（元）').fill('120000.00');
    await enterprise.getByLabel('约定付款日期').fill('2025-05-01');
    await enterprise.getByLabel('投诉事项').fill('货物已交付并验收，逾期未付款。');
    await enterprise.getByLabel('未通过诉讼、仲裁等其他途径处理').check();
    await enterprise.getByLabel('所填内容真实').check();
    await checkPage(enterprise, '04-enterprise-file-filled');
    await enterprise.getByRole('button', { name: '提交投诉' }).click();
    await enterprise.waitForURL(/#\/cases\/[^/]+$/);
    const caseId = decodeURIComponent(enterprise.url().split('#/cases/')[1]!);
    const filed = (await call('GET', `/api/v1/complaints/${caseId}`, { key: KEYS.office })).body;
    expect(filed.contract.title).toBe(contractTitle);
    await expectText(heading(enterprise), filed.caseNumber);
    await expectVisibleText(enterprise, '待审核');
    // The enterprise reads where its case stands in plain words, with the working days the review may take.
    await expectText(enterprise.getByRole('region', { name: '进展与下一步' }), /市办公室将在 \d+ 个工作日内审核/);
    await checkPage(enterprise, '05-enterprise-case-submitted');

    // ── The clerk finds it in the review inbox, counting down ten working days, and accepts it. ──
    await clerk.getByRole('navigation').getByRole('link', { name: '待审核' }).click();
    await clerk.waitForURL(/#\/inbox$/);
    const inboxRow = clerk.getByRole('row').filter({ hasText: filed.caseNumber });
    await expectText(inboxRow, /还剩 \d+ 个工作日/);
    await checkPage(clerk, '06-office-inbox');
    await inboxRow.getByRole('link', { name: filed.caseNumber }).click();
    await clerk.waitForURL(new RegExp(`#/cases/${caseId}$`));
    await checkPage(clerk, '07-office-case-submitted');
    await clerk.getByRole('button', { name: '受理', exact: true }).click();
    await expectVisibleText(clerk, '已转办待签收');
    await checkPage(clerk, '08-office-case-forwarded');

    // ── The unit signs and reports a payment plan of one instalment. ──
    const unit = await browser.newPage();
    await signIn(unit, KEYS.unit450621, /#\/unit$/);
    await unit.getByRole('row').filter({ hasText: filed.caseNumber }).waitFor();
    await checkPage(unit, '09-unit-cases');
    await unit.getByRole('link', { name: filed.caseNumber }).click();
    await unit.getByRole('button', { name: '签收', exact: true }).click();
    await expectVisibleText(unit, '办理中');
    await unit.getByLabel('处理结果').selectOption('payment_plan');
    await unit.getByLabel('第 1 期到期日').fill(beijingDateOf(new Date()));
    await unit.getByLabel('第 1 期金额（元）').fill('120000.00');
    await unit.getByLabel('处理情况说明').fill('经协调，被投诉方承诺一次付清。');
    await checkPage(unit, '10-unit-case-result-form');
    await unit.getByRole('button', { name: '报送结果' }).click();
    await expectVisibleText(unit, '已反馈结果');
    await checkPage(unit, '11-unit-case-result-reported');

    // ── The enterprise is satisfied, then confirms the instalment: the plan is paid, the case closes. ──
    await enterprise.reload();
    await expectVisibleText(enterprise, '已反馈结果');
    await expectText(enterprise.getByRole('region', { name: /进展与下一步/ }), '需要您处理');
    // The enterprise reads its handling unit by name, though the units list is the office's.
    await expectVisibleText(enterprise, '上思县人民政府');
    await enterprise.getByLabel('满意', { exact: true }).check();
    await enterprise.getByRole('button', { name: '提交评价' }).click();
    await expectVisibleText(enterprise, '还款计划履行中');
    await checkPage(enterprise, '12-enterprise-case-plan');
    await enterprise.getByRole('button', { name: '确认已收到第 1 期款项' }).click();
    await expectVisibleText(enterprise, '已办结');
    await visit(enterprise, '/my');
    await expectText(enterprise.getByRole('row').filter({ hasText: filed.caseNumber }), '已办结');
    await checkPage(enterprise, '13-enterprise-my-cases');

    // ── The clerk sees the case closed, its deadlines and timeline, and the unit's statistics moved. ──
    await visit(clerk, `/cases/${caseId}`);
    await expectVisibleText(clerk, '已办结');
    await checkPage(clerk, '14-office-case-closed');
    const closed = (await call('GET', `/api/v1/complaints/${caseId}`, { key: KEYS.office })).body;
    expect(closed.status).toBe('closed');
    // Columns: received, signed on time, handled on time, overdue, on-time rate, levels 1–3, average days,
    // satisfied / answered, feedback missed, satisfaction rate, summons.
    const statsRowAfter = await unitStatsRow(clerk, '上思县人民政府');
    const count = (row: string[], i: number) => Number(row[i]);
    expect(statsRowBefore.slice(0, 4)).toEqual(['0', '0', '0', '0']);
    expect({ received: count(statsRowAfter, 0), signedOnTime: count(statsRowAfter, 1), handledOnTime: count(statsRowAfter, 2), overdue: count(statsRowAfter, 3) }).toEqual({
      received: 1,
      signedOnTime: 1,
      handledOnTime: 1,
      overdue: 0,
    });
    expect(statsRowAfter[4]).toBe('100%');
    expect(statsRowAfter[9]).toBe('1 / 1');
    await checkPage(clerk, '15-office-statistics');
  }));

/**
 * One browser test: when a step fails, every open page is saved as it was, beside the main pages'
 * screenshots; when all steps pass, any console error the test caused fails it — except the lines a
 * test provokes on purpose (Chromium logs each 4xx answer), which it names and counts itself.
 */
async function inBrowser(body: (consoleLines: () => string[]) => Promise<void>, expected?: RegExp): Promise<void> {
  const before = browser.consoleErrors.length;
  const consoleLines = () => browser.consoleErrors.slice(before);
  try {
    await body(consoleLines);
  } catch (err) {
    const pages = browser.browser.contexts().flatMap((c) => c.pages());
    for (const [i, page] of pages.entries()) await screenshot(page, SHOTS, `failure-${i}`).catch(() => undefined);
    throw err;
  }
  expect(consoleLines().filter((line) => !expected?.test(line))).toEqual([]);
}

/** The unit's row of the statistics table for this month, cell by cell. */
async function unitStatsRow(page: Page, unitName: string): Promise<string[]> {
  await visit(page, '/stats');
  const table = page.getByRole('table', { name: '各单位办理情况' });
  await table.waitFor();
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: unitName }).or(page.getByRole('cell', { name: unitName, exact: true })) });
  await row.waitFor();
  return row.getByRole('cell').allInnerTexts();
}

test('the lateness board shows a late unit on its ladder, most late first, with what the clerk does next', () =>
  inBrowser(async () => {
    // Two cases run on seconds: their sign-for deadlines pass (the first one earlier) and the ladder climbs.
    const lateCase = async (title: string) => {
      const filed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: exampleComplaint({ contractTitle: `${title} ${Date.now()}` }) });
      const policy = await call('POST', `/api/v1/complaints/${filed.body.id}/policy`, {
        key: KEYS.office,
        body: { changes: { sign: 'PT2S', reminderLead: 'PT1S', escalationStep: 'PT2S' }, reason: 'the browser test needs a late case' },
      });
      expect(policy.status).toBe(200);
      expect((await call('POST', `/api/v1/complaints/${filed.body.id}/review`, { key: KEYS.office, body: { decision: 'accept' } })).status).toBe(200);
      return filed.body as { id: string; caseNumber: string };
    };
    const earlier = await lateCase('先逾期');
    await new Promise((r) => setTimeout(r, 1500));
    const filed = await lateCase('后逾期');
    const late = await eventually(
      async () => (await call('GET', `/api/v1/complaints/${filed.id}`, { key: KEYS.office })).body,
      (c) => c.escalationLevel >= 2,
      30_000,
    );
    expect(late.deadlines.find((d: { name: string }) => d.name === 'sign').state).toBe('missed');

    const clerk = await browser.newPage();
    await signIn(clerk, KEYS.office, /#\/inbox$/);
    // The inbox opens with the morning's answer: how many cases are late, and the way to them.
    const today = clerk.getByRole('region', { name: '今日概况' });
    await expectText(today, '2 件案件已超期');
    await checkPage(clerk, '16-office-inbox-today');
    await today.getByRole('link', { name: '查看超期督办' }).click();
    const row = clerk.getByRole('row').filter({ hasText: filed.caseNumber });
    await expectText(row, '签收');
    await expectText(row, /已超期/);
    await expectText(row, /督办|约谈/);
    await expectText(row, /下一级|约谈单位负责人/);
    // Most late first: the case whose deadline passed earlier is above the other.
    const order = await clerk.locator('tbody tr td:first-child').allInnerTexts();
    expect(order.findIndex((t) => t.includes(earlier.caseNumber))).toBeLessThan(order.findIndex((t) => t.includes(filed.caseNumber)));
    expect(order.findIndex((t) => t.includes(earlier.caseNumber))).toBeGreaterThanOrEqual(0);
    await checkPage(clerk, '17-office-lateness-board');
    await row.getByRole('link', { name: filed.caseNumber }).click();
    // The deadline chart names the missed sign-for deadline to a screen reader; the same bar is drawn red.
    const chart = clerk.getByRole('img', { name: /^期限图/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/签收，已超期/);
    await checkPage(clerk, '18-office-case-late');
  }));

test('a refused decision shows the API’s own message on the page; the editors add and change units, routing rules and agencies', () =>
  inBrowser(async (consoleLines) => {
    const filed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: exampleComplaint({ contractTitle: `驳回 ${Date.now()}` }) });
    const clerk = await browser.newPage();
    await signIn(clerk, KEYS.office, /#\/inbox$/);

    // Rejecting without a statutory reason: the workflow refuses, the page says why, the case is untouched.
    await visit(clerk, `/cases/${filed.body.id}`);
    await clerk.getByRole('button', { name: '驳回', exact: true }).click();
    await expectText(clerk.getByRole('alert'), 'A rejection needs a reason from the statutory list.');
    expect((await call('GET', `/api/v1/complaints/${filed.body.id}`, { key: KEYS.office })).body.status).toBe('submitted');
    await checkPage(clerk, '19-office-decision-refused');

    // A unit id the API refuses is flagged on its field; a good one is added, then renamed in its row.
    await visit(clerk, '/units');
    const add = clerk.getByRole('region', { name: '添加承办单位' });
    await add.getByLabel('单位编号').fill('Bad ID!');
    await add.getByLabel('单位名称', { exact: true }).fill('防城港市水利局');
    await add.getByRole('button', { name: '添加', exact: true }).click();
    await expectAttribute(add.getByLabel('单位编号'), 'aria-invalid', 'true');
    await checkPage(clerk, '20-office-units-refused');
    await add.getByLabel('单位编号').fill('dept-water');
    await add.getByRole('button', { name: '添加', exact: true }).click();
    await expectVisibleText(clerk, '已添加：防城港市水利局。');
    await clerk.getByRole('button', { name: '编辑防城港市水利局' }).click();
    const editRow = clerk.locator('#edit-row-dept-water');
    await editRow.getByLabel('单位名称', { exact: true }).fill('防城港市水利局（水旱灾害防御）');
    await editRow.getByRole('button', { name: '保存' }).click();
    await expectVisibleText(clerk, '已保存：防城港市水利局（水旱灾害防御）。');
    const units = (await call('GET', '/api/v1/units', { key: KEYS.office })).body.items as { id: string; name: string }[];
    expect(units.find((u) => u.id === 'dept-water')?.name).toBe('防城港市水利局（水旱灾害防御）');
    await checkPage(clerk, '21-office-units-edited');

    // A routing rule added on the page sends the next matching complaint to the new unit.
    await visit(clerk, '/routing');
    const addRule = clerk.getByRole('region', { name: '添加分办规则' });
    await addRule.getByLabel('规则编号').fill('water-shangsi');
    await addRule.getByLabel('属地').selectOption('450621');
    await addRule.getByLabel('主管部门', { exact: true }).fill('防城港市水利局');
    await addRule.getByLabel('承办单位').selectOption('dept-water');
    await addRule.getByRole('button', { name: '添加', exact: true }).click();
    await expectVisibleText(clerk, '已添加：water-shangsi。');
    await checkPage(clerk, '22-office-routing-rule-added');
    const base = exampleComplaint({ contractTitle: `水利 ${Date.now()}` });
    const routed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: { ...base, respondent: { ...base.respondent, supervisingDepartment: '防城港市水利局' } } });
    const accepted = await call('POST', `/api/v1/complaints/${routed.body.id}/review`, { key: KEYS.office, body: { decision: 'accept' } });
    expect(accepted.body).toMatchObject({ status: 'forwarded', unitId: 'dept-water', unitName: '防城港市水利局（水旱灾害防御）' });

    // An agency renamed in its row.
    await visit(clerk, '/agencies');
    await clerk.getByRole('button', { name: '编辑防城港市审计局' }).click();
    const agencyRow = clerk.locator('#edit-row-fcg-audit');
    await agencyRow.getByLabel('部门名称').fill('防城港市审计局（经济责任审计科）');
    await agencyRow.getByRole('button', { name: '保存' }).click();
    await expectVisibleText(clerk, '已保存：防城港市审计局（经济责任审计科）。');
    const agencies = (await call('GET', '/api/v1/agencies', { key: KEYS.office })).body.items as { id: string; name: string }[];
    expect(agencies.find((a) => a.id === 'fcg-audit')?.name).toBe('防城港市审计局（经济责任审计科）');
    await checkPage(clerk, '23-office-agency-edited');

    // The two refusals are the only console lines: Chromium logs each 4xx answer it was given.
    expect(consoleLines()).toHaveLength(2);
  }, /Failed to load resource: the server responded with a status of (400|409)/));

test('a unit asks for more time (too much first, refused on the field), and the clerk approves it from the inbox', () =>
  inBrowser(async (consoleLines) => {
    const filed = await call('POST', '/api/v1/complaints', { key: KEYS.complainant, body: exampleComplaint({ contractTitle: `延期 ${Date.now()}` }) });
    await call('POST', `/api/v1/complaints/${filed.body.id}/review`, { key: KEYS.office, body: { decision: 'accept' } });
    await call('POST', `/api/v1/complaints/${filed.body.id}/sign`, { key: KEYS.unit450621, body: {} });
    const dueBefore = (await call('GET', `/api/v1/complaints/${filed.body.id}`, { key: KEYS.office })).body.deadlines.find((d: { name: string }) => d.name === 'handling').dueAt;

    const unit = await browser.newPage();
    await signIn(unit, KEYS.unit450621, /#\/unit$/);
    await visit(unit, `/cases/${filed.body.id}`);
    const days = unit.getByLabel('延长天数');
    await days.fill('200');
    await unit.getByLabel('延期理由').fill('需协调财政资金，等待预算调整。');
    await unit.getByRole('button', { name: '申请延期' }).click();
    await expectAttribute(days, 'aria-invalid', 'true');
    await checkPage(unit, '24-unit-extension-refused');
    await days.fill('10');
    await unit.getByRole('button', { name: '申请延期' }).click();
    await expectText(unit.getByRole('main'), '10');
    await eventually(async () => (await call('GET', `/api/v1/complaints/${filed.body.id}`, { key: KEYS.office })).body.pendingExtension, (p) => p?.days === 10);

    const clerk = await browser.newPage();
    await signIn(clerk, KEYS.office, /#\/inbox$/);
    const request = clerk.getByRole('region', { name: /等待您决定的延期申请/ }).getByRole('row').filter({ hasText: filed.body.caseNumber });
    await expectText(request, '需协调财政资金');
    await request.getByRole('link', { name: filed.body.caseNumber }).click();
    await clerk.getByRole('button', { name: '批准延期', exact: true }).click();
    const after = await eventually(
      async () => (await call('GET', `/api/v1/complaints/${filed.body.id}`, { key: KEYS.office })).body,
      (c) => c.pendingExtension === null,
    );
    const handling = after.deadlines.find((d: { name: string; state: string }) => d.name === 'handling' && d.state === 'open');
    expect(handling.extended).toBe(true);
    expect(Date.parse(handling.dueAt)).toBeGreaterThan(Date.parse(dueBefore));
    // The deadline chart marks the bar as extended for a screen reader too.
    await clerk.getByRole('img', { name: /办理，进行中 · 已延期/ }).waitFor();
    await checkPage(clerk, '25-office-case-extended');
    expect(consoleLines()).toHaveLength(1);
  }, /Failed to load resource: the server responded with a status of 400/));

test('each role’s menu holds only its own pages, and another role’s page is not there for it', () =>
  inBrowser(async () => {
    const menus: [key: string, landing: RegExp, menu: string[], foreign: string[]][] = [
      [KEYS.office, /#\/inbox$/, ['待审核', '超期督办', '统计', '月度通报', '承办单位', '分办规则', '联合惩戒部门', '失信名单'], ['/unit', '/my', '/file']],
      [KEYS.unit450621, /#\/unit$/, ['本单位案件', '失信名单'], ['/inbox', '/late', '/stats', '/circulars', '/units', '/my', '/file']],
      [KEYS.complainant, /#\/my$/, ['我的投诉', '我要投诉', '失信名单'], ['/inbox', '/late', '/stats', '/circulars', '/units', '/routing', '/agencies', '/unit']],
    ];
    for (const [key, landing, menu, foreign] of menus) {
      const page = await browser.newPage();
      await signIn(page, key, landing);
      expect(await page.getByRole('navigation', { name: '主导航' }).getByRole('link').allInnerTexts()).toEqual(menu);
      for (const path of foreign) {
        await visit(page, path);
        await expectText(heading(page), '没有这个页面。');
      }
      await page.context().close();
    }
  }));

test('a key revoked while its page is open sends the user back to sign in, saying why', () =>
  inBrowser(async (consoleLines) => {
    const { id, key } = await createApiKey(service.prisma, { role: 'office', label: 'a clerk who is leaving' });
    const page = await browser.newPage();
    await signIn(page, key, /#\/inbox$/);
    // The inbox has loaded with the key still good; only then is it revoked.
    await page.getByRole('region', { name: '今日概况' }).waitFor();
    await service.prisma.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await page.getByRole('navigation').getByRole('link', { name: '超期督办' }).click();
    await expectText(heading(page), '登录');
    await expectText(page.getByRole('alert'), '您的密钥已不再有效');
    // Signed out for good: a reload stays on the sign-in page.
    await page.reload();
    await expectText(heading(page), '登录');
    await checkPage(page, '26-signed-out-revoked-key');
    // Chromium logs each refused request; those are the only lines.
    expect(consoleLines().length).toBeGreaterThan(0);
  }, /Failed to load resource: the server responded with a status of 401/));

test('the keyboard alone signs in, moves between pages and lands on each new page’s heading', () =>
  inBrowser(async () => {
    const page = await browser.newPage();
    await page.goto(`${service.baseUrl}/`);
    /** Presses Tab (or Shift+Tab) until the focused element describes as wanted; fails after 30 presses. */
    const tabTo = async (wanted: string, backwards = false) => {
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
        const focused = String(await page.evaluate(`(() => { const e = document.activeElement; return e ? (e.getAttribute('aria-label') || (e.labels && e.labels[0] && e.labels[0].innerText) || e.innerText || '').trim() : ''; })()`));
        if (focused === wanted) return;
      }
      throw new Error(`Tab never reached "${wanted}"`);
    };
    /** What has focus once the new view has rendered (focus moves a frame after the address changes). */
    const focusedHeading = async () => {
      const read = () => page.evaluate(`document.activeElement.tagName + ' ' + document.activeElement.innerText`) as Promise<string>;
      for (let i = 0; i < 100 && !(await read()).startsWith('H1 '); i++) await new Promise((r) => setTimeout(r, 100));
      return read();
    };

    await page.getByLabel('API 密钥').waitFor();
    await tabTo('API 密钥');
    await page.keyboard.type(KEYS.office);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/inbox$/);
    expect(await focusedHeading()).toBe('H1 待审核');
    await page.getByRole('region', { name: '今日概况' }).waitFor();

    // From the page's heading back up into the menu, then into the lateness board.
    await tabTo('超期督办', true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/late$/);
    expect(await focusedHeading()).toBe('H1 超期督办');

    // The language switch is a button in the header, reachable the same way.
    await tabTo('Switch to English', true);
    await page.keyboard.press('Enter');
    await expectAttribute(page.locator('html'), 'lang', 'en');
    await tabTo('切换到中文');
    await page.keyboard.press('Enter');
    await expectAttribute(page.locator('html'), 'lang', 'zh-CN');
  }));

test('the other main pages pass the accessibility check in Chinese, in English and on a phone', () =>
  inBrowser(async () => {
    // A case every role may open: the journey's, closed by now with a full timeline, deadlines and a plan.
    const mine = (await call('GET', '/api/v1/complaints?status=closed&limit=1', { key: KEYS.complainant })).body.items[0];
    expect(mine?.unitId).toBe('gov-450621');
    const casePage = `/cases/${mine.id}`;
    const pages: [key: string, landing: RegExp, paths: string[]][] = [
      [KEYS.office, /#\/inbox$/, ['/inbox', '/late', casePage, '/stats', '/circulars', '/units', '/routing', '/agencies', '/public']],
      [KEYS.unit450621, /#\/unit$/, ['/unit', casePage]],
      [KEYS.complainant, /#\/my$/, ['/my', casePage, '/file']],
    ];
    for (const phone of [false, true]) {
      for (const [key, landing, paths] of pages) {
        const page = await browser.newPage({ phone });
        await signIn(page, key, landing);
        for (const lang of ['zh', 'en'] as const) {
          if (lang === 'en') {
            await page.getByRole('button', { name: 'Switch to English' }).click();
            await expectAttribute(page.locator('html'), 'lang', 'en');
          }
          for (const path of paths) {
            await visit(page, path);
            await heading(page).waitFor();
            await checkPage(page, `${phone ? 'phone' : 'desktop'}-${lang}-${path === casePage ? `case-as-${roleOf(key)}` : path.slice(1)}`);
          }
        }
        // Back to Chinese for the next role (the choice is remembered per browser profile).
        await page.getByRole('button', { name: '切换到中文' }).click();
      }
    }
  }));
