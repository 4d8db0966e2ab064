import { Page } from '../ui';

export function OfficeInbox() {
  return <Page title="OfficeInbox"><p>…</p></Page>;
}
