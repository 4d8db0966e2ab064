import { Page } from '../ui';

export function CasePage({ id }: { id: string }) {
  return <Page title={id}><p>…</p></Page>;
}
