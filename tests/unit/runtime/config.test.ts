import { ConfigError, loadConfig } from '../../../scripts/runtime/config';

describe('the configuration module', () => {
  test('defaults run everything embedded on the documented ports', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, TEMPORAL_PORT: 7233, TEMPORAL_UI_PORT: 8233, TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: 'complaints' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.TEMPORAL_ADDRESS).toBeUndefined();
  });

  test('an empty variable counts as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', TEMPORAL_ADDRESS: '' })).toMatchObject({ DATABASE_URL: undefined, TEMPORAL_ADDRESS: undefined });
  });

  test('a PostgreSQL URL is accepted, anything else is refused naming the variable', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://a:b@db:5432/complaints' }).DATABASE_URL).toBe('postgresql://a:b@db:5432/complaints');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://a@b/c' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://host-without-db' })).toThrow(/^Configuration error: DATABASE_URL must look like/);
  });

  test('a port out of range or not a number is refused', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/^Configuration error: PORT /);
    expect(() => loadConfig({ TEMPORAL_PORT: 'x' })).toThrow(/^Configuration error: TEMPORAL_PORT /);
  });

  test('a log level outside the list is refused', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
