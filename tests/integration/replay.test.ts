import fs from 'node:fs';
import path from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { historyFromJson, historyToJson } from '../fixtures/histories/history-json';
import { workflowBundle } from '../../scripts/runtime/worker';
import { startTestService, type TestService } from '../support/service';
import { KEYS } from '../support/fixtures';
import { caseSteps } from './lifecycle/case-steps';

/**
 * Recorded histories of representative cases, replayed against the workflow code as it is now: a change
 * that would break a running case fails here. `RECORD_HISTORIES=1` re-records them (see the README there).
 */
const FIXTURES = path.join(__dirname, '../fixtures/histories');
const fixtureFiles = () => fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();

const recording = process.env.RECORD_HISTORIES === '1';
// Replay workers log every state change at INFO; the recording service installs its own quiet runtime.
if (!recording) Runtime.install({ logger: new DefaultLogger('WARN') });

describe('recorded cases replay against the current workflow code', () => {
  test('there are recorded cases to replay', () => {
    expect(fixtureFiles()).toEqual(expect.arrayContaining(['happy-path.json', 'payment-plan.json', 'escalated.json', 'misrouted.json']));
  });

  test.each(fixtureFiles().map((f) => [f]))('%s replays without a determinism violation', async (file) => {
    const history = historyFromJson(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
    expect(history.events?.length).toBeGreaterThan(10);
    // Throws DeterminismViolationError (or the workflow's own failure) when the code no longer fits the history.
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, `replay-${file}`);
  });
});

if (recording) {
  /** Short handling and ladder steps, so the escalated case climbs the whole ladder in seconds. */
  const RECORDING_POLICY = {
    review: 'PT20S',
    sign: 'PT20S',
    handling: 'PT3S',
    handlingMax: 'PT9S',
    feedback: 'PT20S',
    reminderLead: 'PT1S',
    escalationStep: 'PT1S',
  };

  describe('recording', () => {
    let service: TestService;
    let steps: ReturnType<typeof caseSteps>;
    beforeAll(async () => {
      service = await startTestService('record_histories', RECORDING_POLICY);
      steps = caseSteps(service);
    });
    afterAll(() => service.close());

    async function save(name: string, id: string): Promise<void> {
      await steps.historyLength(id);
      const history = await service.temporal.workflow.getHandle(id).fetchHistory();
      fs.writeFileSync(path.join(FIXTURES, `${name}.json`), `${historyToJson(history)}\n`);
    }

    test.concurrent('happy path', async () => {
      const { handling, must } = steps;
      const id = await handling();
      await must(KEYS.unit450621, id, 'result', { outcome: 'paid_in_full', paidAmount: '120000.00', summary: '已全额支付' });
      await must(KEYS.complainant, id, 'feedback', { satisfied: true });
      await save('happy-path', id);
    });

    test.concurrent('payment plan: one instalment paid, the next missed, reopened, paid in full', async () => {
      const { handling, must } = steps;
      const id = await handling();
      const plan = [
        { dueDate: '2027-01-31', amount: '60000.00' },
        { dueDate: '2027-02-28', amount: '60000.00' },
      ];
      await must(KEYS.unit450621, id, 'result', { outcome: 'payment_plan', plan, summary: '分两期支付' });
      await must(KEYS.complainant, id, 'feedback', { satisfied: true });
      await must(KEYS.complainant, id, 'instalments/1/confirm', { paid: true });
      await must(KEYS.complainant, id, 'instalments/2/confirm', { paid: false });
      await must(KEYS.unit450621, id, 'result', { outcome: 'paid_in_full', paidAmount: '60000.00', summary: '余款已付' });
      await must(KEYS.complainant, id, 'feedback', { satisfied: true });
      await save('payment-plan', id);
    });

    test.concurrent('escalated: the whole unit ladder, the respondent refuses, found serious', async () => {
      const { handling, must, until } = steps;
      const id = await handling();
      await until(id, (c) => c.escalationLevel === 3);
      await must(KEYS.unit450621, id, 'result', { outcome: 'respondent_refuses', summary: '拒不支付' });
      await until(id, (c) => c.timeline.some((e) => e.what === 'rectification_order'));
      await must(KEYS.office, id, 'serious', { reason: '拒不整改' });
      await save('escalated', id);
    });

    test.concurrent('misrouted: information requested and supplied, handed back, reassigned, extended, withdrawn', async () => {
      const { file, must, unitKey } = steps;
      const housing = await unitKey('dept-housing');
      const id = await file();
      await must(KEYS.office, id, 'review', { decision: 'request_information', note: '请补充验收单' });
      await must(KEYS.complainant, id, 'supplements', { text: '验收单已上传' });
      await must(KEYS.office, id, 'review', { decision: 'accept' });
      await must(KEYS.unit450621, id, 'return', { reason: '属市住建局主管' });
      await must(KEYS.office, id, 'reassign', { unitId: 'dept-housing' });
      await must(housing, id, 'sign');
      await must(housing, id, 'extension-requests', { days: 30, reason: '需调取资料' });
      await must(KEYS.office, id, 'extension-decision', { approve: true });
      await must(KEYS.complainant, id, 'withdraw', { reason: '已和解' });
      await save('misrouted', id);
    });
  });
}
