import { Page } from '../ui';

export function MyCases() {
  return <Page title="MyCases"><p>…</p></Page>;
}
