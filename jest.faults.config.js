/**
 * `npm run test:faults`: thousands of generated hostile requests against the real bot process
 * (test/faults). Slow on purpose and not part of `npm test`; needs a build first (dist/).
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/faults'],
  testMatch: ['**/*.faults.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 600000,
  // The summary tables are the point of the run: print console output as it comes, without jest's stack decoration.
  verbose: true,
};
