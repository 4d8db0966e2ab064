import { Page } from '../ui';

export function Agencies() {
  return <Page title="Agencies"><p>…</p></Page>;
}
