// End-to-end journeys on the release build, served by `cargo xtask test` on loopback (BASE_URL).
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_FLAGS } from './e2e/chromium.mjs';

export default defineConfig({
  testDir: './e2e',
  outputDir: './e2e/test-results',
  timeout: 30_000,
  // Journeys are independent (each starts its own page, and its own servers where it needs them), so files run on
  // two workers, one browser each: the machines have two cores. PW_WORKERS overrides it.
  fullyParallel: false,
  workers: Number(process.env.PW_WORKERS) || 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.BASE_URL || 'http://127.0.0.1:8080/',
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
    },
  },
});
