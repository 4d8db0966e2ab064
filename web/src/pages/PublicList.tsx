import { Page } from '../ui';

export function PublicList() {
  return <Page title="PublicList"><p>…</p></Page>;
}
