import { Page } from '../ui';

export function UnitCases() {
  return <Page title="UnitCases"><p>…</p></Page>;
}
