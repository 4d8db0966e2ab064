export { complaintCase } from './case';
export { sanctionsWorkflow } from './sanctions';
