import { Page } from '../ui';

export function Units() {
  return <Page title="Units"><p>…</p></Page>;
}
