import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Two test files at a time even on two cores (vitest's default there is one): most files wait on what they
    // start (builds, chromium, LibreOffice), not on their own thread. Only tests/cli/robustness.test.ts builds in
    // the project folder itself; the others build into folders of their own under tests/output.
    maxWorkers: 2,
    minWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
