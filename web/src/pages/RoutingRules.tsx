import { Page } from '../ui';

export function RoutingRules() {
  return <Page title="RoutingRules"><p>…</p></Page>;
}
