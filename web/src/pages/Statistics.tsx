import { Page } from '../ui';

export function Statistics() {
  return <Page title="Statistics"><p>…</p></Page>;
}
