import { Page } from '../ui';

export function FileComplaint() {
  return <Page title="FileComplaint"><p>…</p></Page>;
}
