import { Page } from '../ui';

export function LatenessBoard() {
  return <Page title="LatenessBoard"><p>…</p></Page>;
}
