import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      // Tests run on Node 20 like the local runtime; the SDK's notice about Node 22 is noise here.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // The functions' JSON logs would bury the test report; a test about logs turns them back on.
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    },
  },
});
