import { Page } from '../ui';

export function Circulars() {
  return <Page title="Circulars"><p>…</p></Page>;
}
