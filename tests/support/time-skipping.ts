import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { caseSearchAttributes } from '../../workflows/search-attributes';

/**
 * Temporal's Java time-skipping test server (io.temporal:temporal-test-server from Maven Central), fetched
 * with Maven into a cache outside the repo on first use. `createTimeSkipping` would download it from
 * Temporal's site, which is not reachable here, so it is started through a wrapper script instead.
 */
const CACHE = path.join(process.env.CACHE_DIR ?? path.join(os.homedir(), '.cache', 'sme-complaints'), 'java-test-server');
const SERVER_VERSION = '1.38.0';

const POM = `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.sme-complaints</groupId>
  <artifactId>java-test-server</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>${SERVER_VERSION}</version>
    </dependency>
  </dependencies>
</project>
`;

/** The wrapper script's path; fetches the jars first when they are not cached yet. */
export function javaTestServer(): string {
  const lib = path.join(CACHE, 'lib');
  const wrapper = path.join(CACHE, `test-server-${SERVER_VERSION}.sh`);
  if (fs.existsSync(wrapper) && fs.existsSync(path.join(lib, `temporal-test-server-${SERVER_VERSION}.jar`))) return wrapper;
  fs.mkdirSync(CACHE, { recursive: true });
  fs.writeFileSync(path.join(CACHE, 'pom.xml'), POM);
  execFileSync('mvn', ['-B', '-q', 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`], { cwd: CACHE, stdio: 'inherit', timeout: 300_000 });
  fs.writeFileSync(wrapper, `#!/bin/sh\nexec java -cp '${lib}/*' io.temporal.testserver.TestServer "$@"\n`, { mode: 0o755 });
  return wrapper;
}

export function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: javaTestServer() } } });
}

const INDEXED_TYPE = {
  KEYWORD: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  INT: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
  DATETIME: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
} as const;

/** The test server knows no custom search attributes until they are added, as on a real cluster. */
export async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(caseSearchAttributes.map((k) => [k.name, INDEXED_TYPE[k.type]])),
  });
}
