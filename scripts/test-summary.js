#!/usr/bin/env node
/* Sums the JSON reports of the test runners into the one line CI reads:
 * "N passed, N failed". A missing or unreadable report counts as a failure. */
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
let passed = 0;
let failed = 0;
const reports = [
  ['jest', path.join(dir, 'jest.json')],
  ['e2e', path.join(dir, 'e2e.json')],
  ['api reports', path.join(dir, 'api-reports.json')],
];
for (const [name, file] of reports) {
  if (!fs.existsSync(file)) {
    if (name === 'jest') {
      console.error(`No ${name} report at ${file}`);
      failed += 1;
    }
    continue;
  }
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A suite that fails to run (syntax error, failed import) has no failed tests.
    failed += report.numRuntimeErrorTestSuites ?? 0;
  } catch (error) {
    console.error(`Unreadable ${name} report ${file}: ${error}`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
