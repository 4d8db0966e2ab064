export { complaintCase } from './case';
export { sanctionsWorkflow } from './sanctions';
export { monthlyCircularWorkflow } from './circular';
